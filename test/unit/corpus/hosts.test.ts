/**
 * Fill through the Word and Excel adapters on the robustness corpus (the recording fakes of
 * test/fakes): the table is read, filled, read again, and the second fill has nothing to do; no
 * text the school wrote is lost. The Excel table sits at C5 where the variant says so.
 */
import { DOMParser } from "@xmldom/xmldom";
import { computeFillPatch } from "../../../src/core/plan/patch";
import { analyseTables } from "../../../src/core/plan/session";
import type { RawCell } from "../../../src/core/plan/table";
import {
  criterionRowTemplate,
  level4RowTemplate,
  type RowTemplate,
} from "../../../src/core/plan/templates";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { createExcelPlanTableHost } from "../../../src/hosts/excel/planSheet";
import { createWordPlanTableHost } from "../../../src/hosts/word/planTables";
import type { PlanTableHost } from "../../../src/hosts/adapter";
import type { Framework } from "../../../src/core/catalogue";
import { columnLetters, excelModel, fakeExcelRun, type CellValue } from "../../fakes/excel";
import { fakeWordRun, wordModel, type WordCellModel } from "../../fakes/word";
import { BASES, frameworkOf, type CorpusBase } from "../../corpus/bases";
import { variant, type Variant } from "../../corpus/generate";
import { place, vMergeContinues } from "../../corpus/files";

const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

function templatesFor(framework: Framework, base: CorpusBase): RowTemplate[] {
  const year = detectPlanIdentity(base.paragraphs).schoolYear;
  const out = ["1.1", "1.2", "2.2", "2.3", "3.3", "5.1"]
    .map((id) => criterionRowTemplate(framework, id, 2, 1, year))
    .filter((t): t is RowTemplate => t !== null);
  for (const id of ["1", "3"]) {
    const t = level4RowTemplate(framework, id, year);
    if (t) out.push(t);
  }
  return out;
}

/** The variant as Word keeps it: w:gridSpan across, w:vMerge down. */
function wordHost(base: CorpusBase, rows: RawCell[][]) {
  const model = wordModel([...base.paragraphs]);
  const { placed } = place(rows);
  const continues = vMergeContinues(placed);
  model.tables.push({
    rows: placed.map((row, r) => {
      const cells: (WordCellModel & { col: number })[] = row.map((cell) => ({
        col: cell.col,
        text: cell.text,
        ...(cell.colSpan > 1 ? { span: cell.colSpan } : {}),
        ...(cell.rowSpan > 1 ? { vMerge: "restart" as const } : {}),
      }));
      for (const [col, span] of continues.get(r) ?? new Map<number, number>())
        cells.push({ col, text: "", ...(span > 1 ? { span } : {}), vMerge: "continue" });
      cells.sort((a, b) => a.col - b.col);
      return {
        cells: cells.map((c) => ({
          text: c.text,
          ...(c.span ? { span: c.span } : {}),
          ...(c.vMerge ? { vMerge: c.vMerge } : {}),
        })),
      };
    }),
  });
  return {
    host: createWordPlanTableHost(fakeWordRun(model).run, parse),
    texts: () => JSON.stringify(model.tables),
  };
}

/** The variant on a sheet: the plan's lines in column A, the table at its origin, merges as areas. */
function excelHost(base: CorpusBase, v: Variant) {
  const cells: Record<string, CellValue> = {};
  const textRows = v.origin.row > 0 ? 0 : base.paragraphs.length + 1;
  base.paragraphs.forEach((p, i) => {
    if (v.origin.row > 0 && i >= v.origin.row - 1) return;
    cells[`A${i + 1}`] = p;
  });
  const merges: string[] = [];
  const { placed } = place(v.rows);
  placed.forEach((row, r) =>
    row.forEach((cell) => {
      const top = v.origin.row + textRows + r + 1;
      const left = v.origin.col + cell.col;
      if (cell.text) cells[`${columnLetters(left)}${top}`] = cell.text;
      if (cell.colSpan > 1 || cell.rowSpan > 1)
        merges.push(
          `KH!${columnLetters(left)}${top}:${columnLetters(left + cell.colSpan - 1)}${top + cell.rowSpan - 1}`
        );
    })
  );
  const model = excelModel({ KH: cells });
  model.merges = merges;
  model.active = { sheet: 0, cell: "A300" };
  return {
    host: createExcelPlanTableHost(fakeExcelRun(model).run, { mergedAreas: true }),
    texts: () => [...(model.sheets[0]?.cells.values() ?? [])].map(String),
  };
}

async function fillOnce(host: PlanTableHost, framework: Framework, templates: RowTemplate[]) {
  const tables = analyseTables(await host.readTables(), framework);
  const plan = tables.find((t) => t.kind === "plan" && t.table);
  if (!plan?.table) throw new Error("no plan table read");
  const patch = computeFillPatch(plan.table, templates, framework);
  const found = (await host.readTables()).find((t) => t.key === plan.key);
  if (!found) throw new Error("table gone");
  if (patch.ops.length === 0) return { patch, outcome: null };
  return { patch, outcome: await host.applyPatch(found, patch) };
}

const SAMPLE = BASES.filter((b) => b.kind === "plan").flatMap((base) =>
  Array.from({ length: 72 }, (_, n) => variant(base, n)).filter((_, n) => n % 6 === 1)
);

describe.each([
  ["Word", (b: CorpusBase, v: Variant) => wordHost(b, v.rows)],
  ["Excel", (b: CorpusBase, v: Variant) => excelHost(b, v)],
] as const)("fill through the %s adapter on the corpus", (_name, make) => {
  it(`${SAMPLE.length} variants: the second fill has nothing to do, no text is lost`, async () => {
    for (const v of SAMPLE) {
      const base = BASES.find((b) => b.name === v.base) as CorpusBase;
      const framework = frameworkOf(base);
      const templates = templatesFor(framework, base);
      const { host } = make(base, v);
      const before = JSON.stringify(await host.readTables());
      const first = await fillOnce(host, framework, templates);
      expect({ id: v.id, outcome: first.outcome?.ok, ops: first.patch.ops.length > 0 }).toEqual({
        id: v.id,
        outcome: true,
        ops: true,
      });
      const second = await fillOnce(host, framework, templates);
      expect({ id: v.id, ops: second.patch.ops }).toEqual({ id: v.id, ops: [] });
      // Every text of the table before is still in the table after.
      const after = (await host.readTables()).flatMap((t) =>
        t.grid.cells.flatMap((r) => r.map((c) => c.text.trim()))
      );
      const kept = new Set(after);
      const lost = (JSON.parse(before) as { grid: { cells: { text: string }[][] } }[])
        .flatMap((t) => t.grid.cells.flatMap((r) => r.map((c) => c.text.trim())))
        .filter((t) => t && !kept.has(t));
      expect({ id: v.id, lost }).toEqual({ id: v.id, lost: [] });
    }
  });
});
