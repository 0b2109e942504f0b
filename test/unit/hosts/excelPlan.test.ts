import { frameworkById, criteria, type Framework } from "../../../src/core/catalogue";
import { locateTables } from "../../../src/core/plan/locate";
import { computeFillPatch } from "../../../src/core/plan/patch";
import { readPlanTable } from "../../../src/core/plan/rows";
import {
  criterionRowTemplate,
  level4RowTemplate,
  type RowTemplate,
} from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { createExcelPlanSheet, parseAddress } from "../../../src/hosts/excel/planSheet";
import {
  excelModel,
  fakeExcelRun,
  parsedAsExcelDoes,
  type CellValue,
  type ExcelModel,
} from "../../fakes/excel";
import { asCellText } from "../../../src/hosts/excel/excelAdapter";
import { excelPlanSheet } from "../../fakes/plans";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");

const planSheet = () => excelPlanSheet();

const templates = (ids: string[]) =>
  ids
    .map((id) => criterionRowTemplate(tt17, id, 2, 1, year))
    .filter((t): t is RowTemplate => t !== null);

async function fill(model: ExcelModel, ids: string[], between?: (model: ExcelModel) => void) {
  const fake = fakeExcelRun(model);
  const adapter = createExcelPlanSheet(fake.run, { mergedAreas: true });
  const snapshot = await adapter.readActiveSheet();
  if (!snapshot) throw new Error("empty sheet");
  const [located] = locateTables(snapshot.grid);
  if (!located) throw new Error("no table");
  const patch = computeFillPatch(
    readPlanTable(located.grid, located.header, tt17),
    templates(ids),
    tt17
  );
  const readSyncs = fake.syncs();
  between?.(model);
  const outcome = await adapter.applyPatch(snapshot, located, located.grid, patch);
  return { outcome, patch, readSyncs, writeSyncs: fake.syncs() - readSyncs, adapter, fake };
}

const column = (model: ExcelModel, letter: string) => {
  const sheet = model.sheets[0];
  const out: string[] = [];
  for (let r = 1; r <= 40; r++) out.push(String(sheet?.cells.get(`${letter}${r}`) ?? ""));
  return out;
};

describe("Excel plan sheet", () => {
  it("finds the plan table below the title, with its merged group rows", async () => {
    const snapshot = await createExcelPlanSheet(fakeExcelRun(planSheet()).run, {
      mergedAreas: true,
    }).readActiveSheet();
    const tables = locateTables(snapshot!.grid);
    expect(tables.map((t) => [t.start, t.end, t.header.layout.id])).toEqual([[2, 14, "standard"]]);
    expect(tables[0]?.grid.cells[1]?.[4]?.origin).toEqual({ row: 1, col: 0 }); // "MỨC 1, 2, 3" merged across
  });

  it("fills in place: new rows under their standard, the school's rows untouched, in 1 + 2 syncs", async () => {
    const model = planSheet();
    const before = new Map(model.sheets[0]?.cells);
    const { outcome, readSyncs, writeSyncs } = await fill(model, ["1.1", "1.3", "3.6"]);
    expect(outcome).toMatchObject({ ok: true, inserted: 3 });
    expect([readSyncs, writeSyncs]).toEqual([1, 2]);
    const labels = column(model, "B").map((t) => t.split("\n")[0]);
    expect(labels.slice(5, 14)).toEqual([
      "Tiêu chí 1.1",
      "Tiêu chí 1.2",
      "Tiêu chí 1.3",
      "Tiêu chí 1.4",
      "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên,",
      "Tiêu chí 2.2",
      "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học",
      "Tiêu chí 3.6",
      "Tiêu chuẩn 5: Hoạt động và kết quả nuôi",
    ]);
    // Every text the school wrote is still there (moved down by the inserted rows, never changed).
    const after = [...(model.sheets[0]?.cells.values() ?? [])];
    for (const value of before.values()) expect(after).toContain(value);
    expect(model.merges).toContain("KH!B12:I12"); // the new standard row is merged like the others
  });

  it("needs the same number of syncs for 30 rows and for 300", async () => {
    const all = criteria(tt17).map((c) => c.id);
    const small = await fill(planSheet(), all);
    const model = planSheet();
    const extra = (model.sheets[0] as { cells: Map<string, CellValue> }).cells;
    for (let r = 0; r < 270; r++) extra.set(`D${15 + r}`, `Việc ${r}`); // a longer table
    const big = await fill(model, all);
    expect(small.outcome.ok && big.outcome.ok).toBe(true);
    expect([big.readSyncs, big.writeSyncs]).toEqual([small.readSyncs, small.writeSyncs]);
  });

  it("filling twice changes nothing the second time", async () => {
    const model = planSheet();
    await fill(model, ["1.1", "3.6"]);
    const snapshot = new Map(model.sheets[0]?.cells);
    const second = await fill(model, ["1.1", "3.6"]);
    expect(second.patch.ops).toEqual([]);
    expect(model.sheets[0]?.cells).toEqual(snapshot);
  });

  it("refuses, writing nothing, when a co-author changed the table after the preview", async () => {
    const model = planSheet();
    const { outcome } = await fill(model, ["1.1"], (m) =>
      m.sheets[0]?.cells.set("C6", "Sửa của cô Lan")
    );
    expect(outcome).toEqual({ ok: false, reason: "changed" });
    expect(model.sheets[0]?.cells.get("B6")).toBe("Tiêu chí 1.2");
  });

  it("skips a cell a co-author filled meanwhile, writes the others", async () => {
    const model = planSheet();
    model.sheets[0]?.cells.set("B20", ""); // nothing
    const cells = model.sheets[0]?.cells as Map<string, CellValue>;
    cells.set("B10", "Tiêu chí 2.2");
    cells.set("D10", "");
    const { outcome } = await fill(model, ["2.2"], (m) =>
      m.sheets[0]?.cells.set("D10", "Giải pháp của thầy Nam")
    );
    expect(outcome.ok && outcome.skipped.map((op) => op.kind === "set" && op.role)).toEqual([
      "solution",
    ]);
    expect(cells.get("D10")).toBe("Giải pháp của thầy Nam");
  });

  it("never writes over a formula, even one that computes an empty cell", async () => {
    const model = planSheet();
    const cells = model.sheets[0]?.cells as Map<string, CellValue>;
    cells.set("B10", "Tiêu chí 2.2");
    // The school's sheet fills the solution from another cell; empty until that one is written.
    cells.set("D10", '=IF(K10="","",K10)');
    model.results = new Map([["KH!D10", ""]]);
    const { outcome, patch } = await fill(model, ["2.2"]);
    // The patch saw an empty value there; the write did not take it.
    expect(patch.ops.some((op) => op.kind === "set" && op.role === "solution")).toBe(true);
    expect(outcome.ok && outcome.skipped.map((op) => op.kind === "set" && op.role)).toEqual([
      "solution",
    ]);
    expect(cells.get("D10")).toBe('=IF(K10="","",K10)');
  });

  it("writes the school's words as text: what Excel would read as a number or a date keeps its letters", async () => {
    const model = planSheet();
    const cells = model.sheets[0]?.cells as Map<string, CellValue>;
    const fake = fakeExcelRun(model);
    const adapter = createExcelPlanSheet(fake.run, { mergedAreas: true });
    const snapshot = await adapter.readActiveSheet();
    const [located] = locateTables(snapshot!.grid);
    // A row's empty cells, given what schools write there: a code, a month, a date, a count.
    const row = located!.grid.cells.findIndex((r) => r[1]?.text === "Tiêu chí 1.2");
    const empty = located!.grid.cells[row]!.flatMap((cell, c) =>
      cell.text === "" && cell.origin.col === c ? [c] : []
    );
    expect(empty.length).toBeGreaterThanOrEqual(2);
    const texts = ["1.10", "15/9/2026"];
    const patch = {
      colCount: located!.grid.colCount,
      rowCount: located!.grid.rowCount,
      ops: texts.map((text, i) => ({
        kind: "set" as const,
        row,
        col: empty[i]!,
        text,
        expected: "",
        role: "note" as const,
      })),
    };
    const outcome = await adapter.applyPatch(snapshot!, located!, located!.grid, patch);
    expect(outcome).toMatchObject({ ok: true, written: 2 });
    const sheetRow = snapshot!.top + located!.start + row + 1;
    const letter = (c: number) => String.fromCharCode(65 + snapshot!.left + c);
    expect(empty.slice(0, 2).map((c) => cells.get(`${letter(c)}${sheetRow}`))).toEqual(texts);
    // Unprotected, Excel (and the fake, which models it) would have turned them into values.
    expect(texts.map(parsedAsExcelDoes)).toEqual([1.1, expect.any(Number)]);
    expect(parsedAsExcelDoes("007")).toBe(7);
    expect(asCellText("007")).toBe("'007");
    expect(parsedAsExcelDoes("10/2026")).toEqual(expect.any(Number));
    expect(asCellText("10/2026")).toBe("'10/2026");
    expect(asCellText("3")).toBe("3");
    expect(asCellText("Tháng 10/2026")).toBe("Tháng 10/2026");
  });

  it("refuses a sheet larger than it reads at once, with a Vietnamese message", async () => {
    const model = excelModel({ KH: { A1: "TT", A6001: "x" } });
    await expect(createExcelPlanSheet(fakeExcelRun(model).run).readActiveSheet()).rejects.toThrow(
      /Trang tính đang dùng 6001 hàng × 1 cột, quá 5000 hàng/
    );
  });

  it("parses addresses with sheet names", () => {
    expect(parseAddress("'Kế hoạch'!B3:D4")).toEqual({ top: 2, left: 1, bottom: 3, right: 3 });
    expect(parseAddress("KH!$A$1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  });

  it("level-4 rows go into the MỨC 4 section", async () => {
    const model = planSheet();
    const fake = fakeExcelRun(model);
    const adapter = createExcelPlanSheet(fake.run, { mergedAreas: true });
    const snapshot = await adapter.readActiveSheet();
    const [located] = locateTables(snapshot!.grid);
    const patch = computeFillPatch(
      readPlanTable(located!.grid, located!.header, tt17),
      [level4RowTemplate(tt17, "2", year) as RowTemplate],
      tt17
    );
    await adapter.applyPatch(snapshot!, located!, located!.grid, patch);
    const labels = column(model, "B");
    expect(labels.indexOf("Tiêu chí 2")).toBeGreaterThan(labels.indexOf("Không"));
  });
});
