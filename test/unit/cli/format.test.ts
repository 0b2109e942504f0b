import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { DOMParser } from "@xmldom/xmldom";
import { run } from "../../../src/cli/main";
import { defaultFramework } from "../../../src/core/catalogue";
import { formatSession } from "../../../src/core/format/session";
import { readDocxFormat } from "../../../src/hosts/file/format";
import { openFileDocument } from "../../../src/hosts/file/fileDocument";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { W_NS } from "../../../src/hosts/ooxml/tables";
import { ORDER } from "../../../src/hosts/ooxml/write";

const FILES = path.resolve(__dirname, "../../fixtures/files");
const fixture = (name: string) => path.join(FILES, name);
const framework = defaultFramework("tieu-hoc");
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khct-format-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const texts = async (file: string) => {
  const content = await readOfficeFile(new Uint8Array(fs.readFileSync(file)));
  return {
    paragraphs: content.paragraphs,
    cells: content.tables.map((t) => t.grid.cells.map((row) => row.map((c) => c.text))),
  };
};

/** Every property element KHCT may have written sits at its place in the schema's sequence. */
async function expectSchemaOrder(file: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  const doc = new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  const wrong: string[] = [];
  for (const [parent, order] of Object.entries(ORDER)) {
    for (const el of Array.from(doc.getElementsByTagNameNS(W_NS, parent))) {
      let last = -1;
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        const rank = order.indexOf((n as Element).localName);
        if (rank < 0) continue;
        if (rank < last) wrong.push(`${parent}: ${(n as Element).localName} after ${order[last]}`);
        last = Math.max(last, rank);
      }
    }
  }
  expect([...new Set(wrong)]).toEqual([]);
}

describe("khct format", () => {
  it("formats a real .docx into a new file: look changed, words kept except the listed normalisations", async () => {
    const out = path.join(tmp, "kh.docx");
    const result = await run(["format", fixture("ke-hoach-2021-2022.docx"), "--out", out]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Phông chữ thân văn bản: Liberation Serif → Times New Roman/);
    expect(result.stdout).toMatch(/Thiếu Quốc hiệu/);
    const before = await texts(fixture("ke-hoach-2021-2022.docx"));
    const after = await texts(out);
    expect(after.paragraphs).toEqual(before.paragraphs);
    const changed = after.cells.flatMap((t, i) =>
      t.flatMap((row, r) =>
        row.flatMap((x, c) => (x !== before.cells[i]![r]![c] ? [[before.cells[i]![r]![c], x]] : []))
      )
    );
    expect(changed).toEqual([["Tiêu chí 1. 4", "Tiêu chí 1.4"]]);
    await expectSchemaOrder(out);

    // Read back: fonts, sizes, repeated header and margins are now as the decree asks.
    const session = formatSession(
      await readDocxFormat(new Uint8Array(fs.readFileSync(out))),
      framework,
      "file"
    );
    const ids = session.changes.map((c) => c.id);
    for (const id of [
      "body-font",
      "body-size",
      "table-font",
      "header-repeat",
      "margins",
      "normalize-label",
    ])
      expect(ids).not.toContain(id);
  });

  it("formats a .xlsx: table look, merges of empty group cells, frozen header, print setup", async () => {
    const out = path.join(tmp, "kh.xlsx");
    expect((await run(["format", fixture("ke-hoach-2021-2022.xlsx"), "--out", out])).exitCode).toBe(
      0
    );
    const before = await texts(fixture("ke-hoach-2021-2022.xlsx"));
    const after = await texts(out);
    expect(after.paragraphs).toEqual(before.paragraphs);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(sheet.views[0]).toMatchObject({ state: "frozen" });
    const headerRow = Number(sheet.pageSetup.printTitlesRow?.split(":")[0]);
    expect(sheet.getRow(headerRow).getCell(1).font).toMatchObject({
      name: "Times New Roman",
      bold: true,
    });
  });

  it("never overwrites the input, and says why a file cannot be formatted", async () => {
    const copy = path.join(tmp, "goc.docx");
    fs.copyFileSync(fixture("ke-hoach-2021-2022.docx"), copy);
    const same = await run(["format", copy, "--out", copy]);
    expect(same.exitCode).toBe(2);
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(fixture("ke-hoach-2021-2022.docx")));
    const bad = await run([
      "format",
      fixture("../seeds/README.md"),
      "--out",
      path.join(tmp, "x.docx"),
    ]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/Không phải tệp Office/);
  });

  it("KHCT's own documents keep the schema order too (new, fill)", async () => {
    const made = path.join(tmp, "moi.docx");
    await run(["new", "--level", "tieu-hoc", "--year", "2025-2026", "--out", made]);
    await expectSchemaOrder(made);
    const filled = path.join(tmp, "dien.docx");
    await run([
      "fill",
      fixture("de-dien-2025-2026.docx"),
      "--target-level",
      "3",
      "--from-assessment",
      "--out",
      filled,
    ]);
    await expectSchemaOrder(filled);
  });

  it("in the pane's file mode, formatting is undone by going back to the bytes before it", async () => {
    const bytes = new Uint8Array(fs.readFileSync(fixture("ke-hoach-2021-2022.docx")));
    const file = await openFileDocument("kh.docx", bytes);
    const session = formatSession(await file.formatHost.readFormat(), framework, "file");
    expect(await file.formatHost.applyFormat(session.plan)).toEqual({
      ok: true,
      written: 1,
      skipped: 0,
    });
    expect(file.current().changed).toBe(true);
    expect(await file.formatHost.undoFormat()).toEqual({ tableKept: false });
    expect(file.current()).toEqual({ data: bytes, changed: false });
    expect(await file.formatHost.undoFormat()).toBeNull();
  });

  it("in file mode, undoing the format never takes back a change made after it", async () => {
    const file = await openFileDocument(
      "kh.docx",
      new Uint8Array(fs.readFileSync(fixture("ke-hoach-2021-2022.docx")))
    );
    const session = formatSession(await file.formatHost.readFormat(), framework, "file");
    await file.formatHost.applyFormat(session.plan);
    const content = await file.checkHost.readDocument();
    const table = content.tables[0]!;
    const row = table.grid.cells.findIndex((r) => r[1]?.text === "Tiêu chí 1.4");
    await file.checkHost.applyEdits([
      { table: table.key, row, col: 8, expected: "", text: "Ghi chú sau" },
    ]);
    expect(await file.formatHost.undoFormat()).toBeNull();
    const after = await file.checkHost.readDocument();
    expect(after.tables[0]!.grid.cells[row]![8]!.text).toBe("Ghi chú sau");
  });
});
