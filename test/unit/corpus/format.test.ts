/**
 * Format on the plans of the robustness corpus and the real-plan fixtures, through the file
 * adapter: it converges (formatting a formatted file changes nothing and its preview is empty),
 * keeps every text but the listed normalisations, gives no column less room than its longest word,
 * and does not make the table longer than the widths it had (estimated wrapped lines).
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import * as path from "path";
import type { Framework } from "../../../src/core/catalogue";
import { estimatedLines } from "../../../src/core/format/planFormat";
import { charsAcross, textWidthMm, ND30_PROFILE } from "../../../src/core/format/profile";
import { formatSession } from "../../../src/core/format/session";
import { buildGrid } from "../../../src/core/plan/table";
import {
  formatDocx,
  formatXlsx,
  readDocxFormat,
  readXlsxFormat,
} from "../../../src/hosts/file/format";
import { BASES, frameworkOf } from "../../corpus/bases";
import { variant, type Variant } from "../../corpus/generate";
import { docxOf, xlsxOf } from "../../corpus/files";
import { frameworkById } from "../../../src/core/catalogue";

type Kind = "docx" | "xlsx";

async function formatOnce(kind: Kind, data: Uint8Array, framework: Framework) {
  const read = kind === "docx" ? readDocxFormat : readXlsxFormat;
  // File mode (the pane and khct format) formats a workbook as Excel would.
  const session = formatSession(await read(data), framework, kind === "docx" ? "file" : "excel");
  const out =
    kind === "docx" ? await formatDocx(data, session.plan) : await formatXlsx(data, session.plan);
  return { session, data: out.data };
}

async function converges(kind: Kind, data: Uint8Array, framework: Framework, id: string) {
  const first = await formatOnce(kind, data, framework);
  const read = kind === "docx" ? readDocxFormat : readXlsxFormat;
  const again = formatSession(
    await read(first.data),
    framework,
    kind === "docx" ? "file" : "excel"
  );
  // The second preview is empty: nothing left to change.
  expect({ id, kind, changes: again.changes.map((c) => c.label) }).toEqual({
    id,
    kind,
    changes: [],
  });
  // Texts: only the listed normalisations changed.
  const before = await read(data);
  const after = await read(first.data);
  const edits = new Map(first.session.plan.edits.map((e) => [`${e.row}:${e.col}`, e.text]));
  const plan = first.session.target;
  before.tables.forEach((t, i) => {
    const other = after.tables[i];
    t.grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const expected =
          plan && t.key === plan.key ? (edits.get(`${r}:${c}`) ?? cell.text) : cell.text;
        expect({ id, kind, r, c, text: other?.grid.cells[r]?.[c]?.text }).toEqual({
          id,
          kind,
          r,
          c,
          text: expected,
        });
      })
    );
  });
  return first.session;
}

describe("format converges on the corpus (file adapter)", () => {
  const sample: Variant[] = BASES.flatMap((base) =>
    Array.from({ length: 72 }, (_, n) => variant(base, n)).filter((_, n) => n % 9 === 2)
  );

  it.each(["docx", "xlsx"] as const)(`%s: ${sample.length} variants`, async (kind) => {
    for (const v of sample) {
      const base = BASES.find((b) => b.name === v.base)!;
      const data =
        kind === "docx"
          ? await docxOf(base.paragraphs, v.rows)
          : await xlsxOf(base.paragraphs, v.rows, v.origin);
      const session = await converges(kind, data, frameworkOf(base), v.id);
      const target = session.target;
      if (!target || kind === "xlsx") continue;
      // No column narrower than its longest word, on the page the widths are for.
      const across = charsAcross(textWidthMm(ND30_PROFILE, target.orientation), target.pt);
      const grid = buildGrid(v.rows);
      grid.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.origin.row !== r || cell.origin.col !== c) return;
          if (grid.cells[r]?.[c + 1]?.origin.col === c) return; // spans several columns
          const longest = Math.max(0, ...cell.text.split(/\s+/).map((w) => [...w].length));
          expect({ id: v.id, c, fits: longest <= (target.widths[c] ?? 0) * across }).toEqual({
            id: v.id,
            c,
            fits: true,
          });
        })
      );
    }
  });
});

describe("format on the real-plan fixtures", () => {
  const FILES = path.resolve(__dirname, "../../fixtures/files");
  const tt17 = frameworkById("tt17-2018") as Framework;

  it.each([
    ["ke-hoach-2021-2022.docx", "docx"],
    ["tien-do-2025-2026.docx", "docx"],
    ["de-dien-2025-2026.docx", "docx"],
    ["ke-hoach-2021-2022.xlsx", "xlsx"],
    ["tien-do-2025-2026.xlsx", "xlsx"],
  ] as const)(
    "%s converges, and a workbook is not asked for a letter's parts",
    async (name, kind) => {
      const data = new Uint8Array(fs.readFileSync(path.join(FILES, name)));
      const session = await converges(kind, data, tt17, name);
      if (kind === "xlsx")
        expect(session.manual.filter((m) => m.id.startsWith("part-"))).toEqual([]);
    }
  );

  it("lets the rows of a workbook's plan table grow with their text (no fixed heights left)", async () => {
    const data = new Uint8Array(fs.readFileSync(path.join(FILES, "tien-do-2025-2026.xlsx")));
    const { session, data: out } = await formatOnce("xlsx", data, tt17);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out as unknown as ArrayBuffer);
    const top = Number(session.target!.key.split("!")[1]) + 1;
    const heights = Array.from(
      { length: session.target!.rowCount },
      (_, r) => workbook.worksheets[0]!.getRow(top + r).height
    );
    expect(heights.every((h) => h === undefined)).toBe(true);
  });

  it("widths from content give the progress table fewer lines than widths from roles alone", async () => {
    const data = new Uint8Array(fs.readFileSync(path.join(FILES, "tien-do-2025-2026.docx")));
    const snapshot = await readDocxFormat(data);
    const session = formatSession(snapshot, tt17, "file");
    const target = session.target!;
    const table = snapshot.tables.find((t) => t.key === target.key)!;
    const mm = textWidthMm(ND30_PROFILE, target.orientation);
    const weights = target.widths.map(() => 1 / target.widths.length);
    const byContent = estimatedLines(table.grid, target.widths, mm, target.pt);
    const even = estimatedLines(table.grid, weights, mm, target.pt);
    expect(byContent).toBeLessThanOrEqual(even);
  });
});
