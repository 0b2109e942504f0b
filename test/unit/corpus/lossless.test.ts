/**
 * Files written back without loss (the files issue): rich workbooks of the corpus (test/corpus/rich.ts
 * — a chart, a picture, notes, validations, conditional formats, defined names, header and footer,
 * printer settings, an Excel table, custom XML) go through `khct fill` (with inserted rows),
 * `khct format`, the progress columns and undo. Every part no operation has a reason to touch
 * comes back byte for byte; the parts that are touched still hold together (every relationship
 * points at a part, every part has a content type, exceljs and KHCT read the result); what is
 * anchored to rows (the picture, the notes, the print area, a merged signature row) moves with
 * inserted rows; a chart computed from the plan's rows stops an insertion with a message instead
 * of going wrong.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { openFileDocument } from "../../../src/hosts/file/fileDocument";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { analyseTables } from "../../../src/core/plan/session";
import { PROGRESS_BASE, STANDARD_BASE, frameworkOf, type CorpusBase } from "../../corpus/bases";
import { variant } from "../../corpus/generate";
import {
  BODY_MARKS,
  FOREIGN_DOCX_PARTS,
  FOREIGN_PARTS,
  PLAN_SHEET,
  richDocx,
  richXlsx,
  type RichLayout,
} from "../../corpus/rich";

/** Every part's bytes, by path. */
async function partsOf(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const file of Object.values(zip.files))
    if (!file.dir) out.set(file.name, await file.async("nodebuffer"));
  return out;
}

/** Parts that differ between two packages (added, removed or changed). */
function changedParts(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => {
      const a = before.get(n);
      const b = after.get(n);
      return !a || !b || !a.equals(b);
    })
    .sort();
}

/** What breaks a package: relationships to missing parts, parts without a content type. */
function integrityProblems(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const types = parts.get("[Content_Types].xml")?.toString("utf8") ?? "";
  const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) =>
    m[1]?.toLowerCase()
  );
  const overrides = new Set(
    [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1] ?? "")
  );
  for (const [name, bytes] of parts) {
    if (name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(name) && !defaults.includes(ext)) problems.push(`${name}: no content type`);
    if (!name.endsWith(".rels")) continue;
    // "xl/_rels/workbook.xml.rels" speaks for "xl/workbook.xml"; "_rels/.rels" for the package.
    const dir = name.slice(0, name.lastIndexOf("_rels/"));
    for (const m of bytes.toString("utf8").matchAll(/<Relationship\b([^>]*)\/>/g)) {
      const attrs = m[1] ?? "";
      if (/TargetMode="External"/.test(attrs)) continue;
      const target = /Target="([^"]+)"/.exec(attrs)?.[1] ?? "";
      const resolved = path.posix.normalize(
        target.startsWith("/") ? target.slice(1) : dir + target
      );
      if (!parts.has(resolved)) problems.push(`${name}: ${target} missing`);
    }
  }
  for (const name of overrides) if (!parts.has(name)) problems.push(`override for missing ${name}`);
  return problems;
}

/** Opens in exceljs (another reader than KHCT's) and in KHCT; returns KHCT's reading. */
async function readsBack(data: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  expect(workbook.getWorksheet(PLAN_SHEET)).toBeDefined();
  return readOfficeFile(data);
}

const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)?.toString("utf8") ?? "";

/** The samples: variants of the two plan forms whose fill inserts rows. */
const SAMPLES: { base: CorpusBase; n: number }[] = [STANDARD_BASE, PROGRESS_BASE].flatMap((base) =>
  [0, 3, 5, 11, 19, 28].map((n) => ({ base, n }))
);

describe("rich workbooks through fill, format, progress columns and undo", () => {
  let dir: string;
  let resultsFile: string;
  const keep = process.env.KHCT_RICH_OUT; // `npm run check:office` converts these with LibreOffice
  beforeAll(() => {
    dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "khct-rich-"));
    fs.mkdirSync(dir, { recursive: true });
    resultsFile = path.join(dir, "ket-qua.json");
    fs.writeFileSync(
      resultsFile,
      JSON.stringify({
        levels: { "1.1": 1, "1.2": 1, "1.4": 1, "2.2": 1, "2.3": 1, "3.3": 1, "4.1": 1, "5.1": 1 },
        level4: { "1": false, "2": false, "3": false },
      })
    );
  });
  afterAll(() => {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  });

  const make = async (base: CorpusBase, n: number, chartOnPlan = false) => {
    const v = variant(base, n);
    const { data, layout } = await richXlsx(base.paragraphs, v.rows, { chartOnPlan });
    const input = path.join(dir, `${base.name}-${n}${chartOnPlan ? "-bieu-do" : ""}.xlsx`);
    fs.writeFileSync(input, data);
    return { input, data, layout, id: `${base.name}#${n}` };
  };
  const fill = (from: string, to: string) =>
    run(["fill", from, "--target-level", "2", "--results", resultsFile, "--out", to, "--force"]);

  it("fill with inserted rows keeps every foreign part and moves what is anchored below", async () => {
    for (const { base, n } of SAMPLES) {
      const { input, data, layout, id } = await make(base, n);
      const out = input.replace(/\.xlsx$/, "-da-dien.xlsx");
      const result = await fill(input, out);
      expect({ id, exit: result.exitCode, err: result.stderr ?? "" }).toEqual({
        id,
        exit: 0,
        err: "",
      });
      const inserted = Number(/chèn (\d+) hàng/.exec(result.stdout ?? "")?.[1] ?? 0);
      expect({ id, inserted: inserted > 0 }).toEqual({ id, inserted: true });
      const before = await partsOf(data);
      const after = await partsOf(new Uint8Array(fs.readFileSync(out)));
      const changed = changedParts(before, after);
      expect({ id, changed }).toEqual({
        id,
        changed: [
          "xl/comments1.xml",
          "xl/drawings/drawing1.xml",
          "xl/drawings/vmlDrawing1.vml",
          "xl/sharedStrings.xml",
          "xl/styles.xml",
          "xl/workbook.xml",
          "xl/worksheets/sheet1.xml",
        ],
      });
      for (const name of FOREIGN_PARTS)
        expect({ id, name, kept: before.has(name) }).toEqual({ id, name, kept: true });
      expect({ id, problems: integrityProblems(after) }).toEqual({ id, problems: [] });
      expectMoved(layout, inserted, before, after, id);
      const reread = await readsBack(new Uint8Array(fs.readFileSync(out)));
      expect(reread.tables.length).toBeGreaterThan(0);
    }
  });

  it("format touches the sheet, styles, strings and workbook only, and a second format changes nothing", async () => {
    for (const { base, n } of SAMPLES.filter((_, i) => i % 2 === 0)) {
      const { input, data, id } = await make(base, n);
      const once = input.replace(/\.xlsx$/, "-dinh-dang.xlsx");
      const twice = input.replace(/\.xlsx$/, "-dinh-dang-2.xlsx");
      const first = await run(["format", input, "--out", once, "--force"]);
      expect({ id, exit: first.exitCode, err: first.stderr ?? "" }).toEqual({
        id,
        exit: 0,
        err: "",
      });
      const before = await partsOf(data);
      const after = await partsOf(new Uint8Array(fs.readFileSync(once)));
      const changed = changedParts(before, after);
      const allowed = new Set([
        "xl/worksheets/sheet1.xml",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/workbook.xml",
        // The hidden sheet of suggestion lists, when the plan names people or criteria.
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/worksheets/sheet3.xml",
      ]);
      expect({ id, unexpected: changed.filter((p) => !allowed.has(p)) }).toEqual({
        id,
        unexpected: [],
      });
      expect({ id, problems: integrityProblems(after) }).toEqual({ id, problems: [] });
      // Print titles and A4 landscape, one page wide, as the Excel adapter sets them.
      expect(text(after, "xl/workbook.xml")).toMatch(/_xlnm\.Print_Titles/);
      expect(text(after, "xl/worksheets/sheet1.xml")).toMatch(
        /<pageSetup[^>]*orientation="landscape"[^>]*r:id="rId3"|<pageSetup[^>]*r:id="rId3"[^>]*orientation="landscape"/
      );
      await readsBack(new Uint8Array(fs.readFileSync(once)));
      const second = await run(["format", once, "--out", twice, "--force"]);
      expect(second.exitCode).toBe(0);
      const again = await partsOf(new Uint8Array(fs.readFileSync(twice)));
      expect({ id, changed: changedParts(after, again) }).toEqual({ id, changed: [] });
    }
  });

  it("progress columns change the sheet and strings only; undo gives back the very bytes", async () => {
    const { data, id } = await make(STANDARD_BASE, 0);
    const file = await openFileDocument("ke-hoach.xlsx", data);
    const plan = analyseTables(await file.planHost.readTables(), frameworkOf(STANDARD_BASE)).find(
      (t) => t.kind === "plan"
    );
    if (!plan) throw new Error(`${id}: no plan table`);
    const outcome = await file.planHost.addProgressColumns?.(plan);
    expect(outcome).toEqual({ ok: true });
    const after = await partsOf(file.current().data);
    expect(changedParts(await partsOf(data), after)).toEqual([
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    expect(integrityProblems(after)).toEqual([]);
    await readsBack(file.current().data);
    expect(await file.undo()).toBe(true);
    expect(Buffer.from(file.current().data).equals(Buffer.from(data))).toBe(true);
  });

  it("a chart computed from the plan's rows stops an insertion with a message; the file is not written", async () => {
    const { input, id } = await make(STANDARD_BASE, 0, true);
    const out = input.replace(/\.xlsx$/, "-da-dien.xlsx");
    const result = await fill(input, out);
    expect({ id, exit: result.exitCode }).toEqual({ id, exit: 2 });
    expect(result.stderr).toMatch(/biểu đồ.*Hãy dùng KHCT trong Excel/s);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("rich documents through fill, format, progress columns and undo", () => {
  let dir: string;
  const keep = process.env.KHCT_RICH_OUT;
  beforeAll(() => {
    dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "khct-rich-docx-"));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "ket-qua.json"),
      JSON.stringify({ levels: { "1.1": 1, "1.2": 1, "2.2": 1, "3.3": 1 }, level4: { "1": false } })
    );
  });
  afterAll(() => {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** How many of each mark the body has: what the document carries besides its text. */
  const marks = (parts: Map<string, Buffer>) => {
    const xml = text(parts, "word/document.xml");
    return Object.fromEntries(
      BODY_MARKS.map((m) => [m, xml.split(new RegExp(`<${m}[\\s/>]`)).length - 1])
    );
  };

  it("fill and format rewrite word/document.xml only, and keep its notes, pictures, sections and references", async () => {
    for (const { base, n } of SAMPLES.filter((_, i) => i % 3 === 0)) {
      const id = `${base.name}#${n}`;
      const data = await richDocx(base.paragraphs, variant(base, n).rows);
      const input = path.join(dir, `${base.name}-${n}.docx`);
      fs.writeFileSync(input, data);
      const before = await partsOf(data);
      expect(Object.values(marks(before)).every((count) => count > 0)).toBe(true);
      for (const [command, args] of [
        ["fill", ["--target-level", "2", "--results", path.join(dir, "ket-qua.json")]],
        ["format", []],
      ] as const) {
        const out = input.replace(/\.docx$/, `-${command}.docx`);
        const result = await run([command, input, ...args, "--out", out, "--force"]);
        expect({ id, command, exit: result.exitCode, err: result.stderr ?? "" }).toEqual({
          id,
          command,
          exit: 0,
          err: "",
        });
        if (command === "fill") expect(result.stdout).toMatch(/chèn [1-9]\d* hàng/);
        const after = await partsOf(new Uint8Array(fs.readFileSync(out)));
        expect({ id, command, changed: changedParts(before, after) }).toEqual({
          id,
          command,
          changed: ["word/document.xml"],
        });
        for (const name of FOREIGN_DOCX_PARTS)
          expect({ id, name, kept: before.has(name) }).toEqual({ id, name, kept: true });
        expect({ id, command, marks: marks(after) }).toEqual({ id, command, marks: marks(before) });
        expect({ id, problems: integrityProblems(after) }).toEqual({ id, problems: [] });
        expect((await readOfficeFile(new Uint8Array(fs.readFileSync(out)))).tables.length).toBe(1);
      }
    }
  });

  it("progress columns rewrite word/document.xml only; undo gives back the very bytes", async () => {
    const data = await richDocx(STANDARD_BASE.paragraphs, variant(STANDARD_BASE, 0).rows);
    const file = await openFileDocument("ke-hoach.docx", data);
    const plan = analyseTables(await file.planHost.readTables(), frameworkOf(STANDARD_BASE)).find(
      (t) => t.kind === "plan"
    );
    if (!plan) throw new Error("no plan table");
    expect(await file.planHost.addProgressColumns?.(plan)).toEqual({ ok: true });
    const after = await partsOf(file.current().data);
    expect(changedParts(await partsOf(data), after)).toEqual(["word/document.xml"]);
    expect(marks(after)).toEqual(marks(await partsOf(data)));
    expect(await file.undo()).toBe(true);
    expect(Buffer.from(file.current().data).equals(Buffer.from(data))).toBe(true);
  });
});

/** The picture, the note below, the print area, the named signature cell and its merge moved down by `n`. */
function expectMoved(
  layout: RichLayout,
  n: number,
  before: Map<string, Buffer>,
  after: Map<string, Buffer>,
  id: string
): void {
  const rows = (xml: string) =>
    [...xml.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]));
  expect({ id, anchors: rows(text(after, "xl/drawings/drawing1.xml")) }).toEqual({
    id,
    anchors: rows(text(before, "xl/drawings/drawing1.xml")).map((r) => r + n),
  });
  const refs = (xml: string) => [...xml.matchAll(/<comment ref="([^"]+)"/g)].map((m) => m[1]);
  const below = layout.noteBelow.replace(/\d+$/, (d) => String(Number(d) + n));
  expect({ id, notes: refs(text(after, "xl/comments1.xml")) }).toEqual({
    id,
    notes: [layout.noteAbove, below],
  });
  const vmlRows = (xml: string) =>
    [...xml.matchAll(/<x:Row>(\d+)<\/x:Row>/g)].map((m) => Number(m[1]));
  expect({ id, vml: vmlRows(text(after, "xl/drawings/vmlDrawing1.vml")) }).toEqual({
    id,
    vml: [layout.tableTop, layout.signatureRow + n],
  });
  const workbook = text(after, "xl/workbook.xml");
  expect({ id, area: /Print_Area[^>]*>[^<]*\$(\d+)</.exec(workbook)?.[1] }).toEqual({
    id,
    area: String(layout.pictureRow + 4 + n),
  });
  expect({ id, name: /"ChuKy"[^>]*>[^<]*\$A\$(\d+)</.exec(workbook)?.[1] }).toEqual({
    id,
    name: String(layout.signatureRow + 1 + n),
  });
  expect({
    id,
    merged: text(after, "xl/worksheets/sheet1.xml").includes(
      `<mergeCell ref="A${layout.signatureRow + 1 + n}:`
    ),
  }).toEqual({
    id,
    merged: true,
  });
}
