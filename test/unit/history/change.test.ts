import {
  applyRevert,
  changeSize,
  editsChange,
  fillChange,
  planRevert,
  rowLabel,
} from "../../../src/core/history/change";
import { applyPatch, computeFillPatch, confirmPatch } from "../../../src/core/plan/patch";
import { buildGrid, gridFromStrings } from "../../../src/core/plan/table";
import { criterionRowTemplate, type RowTemplate } from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { HEADER, planTableOf, tt17 } from "../plan/arbitraries";

const year = parseSchoolYear("2025-2026");
const row = (...cells: string[]) => Array.from({ length: 9 }, (_, i) => cells[i] ?? "");
const template = (id: string) => criterionRowTemplate(tt17, id, 2, 1, year) as RowTemplate;

function filled() {
  const rows = [
    HEADER,
    row("1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"),
    row("", "Tiêu chí 1.1"),
    row("", "Tiêu chí 1.3", "", "Giải pháp đã ghi"),
  ];
  const patch = computeFillPatch(planTableOf(rows), [template("1.1"), template("1.2")], tt17);
  const after = applyPatch(rows, patch).rows;
  return { rows, after, change: fillChange("table-0", gridFromStrings(rows), patch, []) };
}

describe("what a fill changed", () => {
  it("records the rows it inserted and the cells it wrote, where they are after the fill", () => {
    const { after, change } = filled();
    expect(change.rows.map((r) => [r.row, r.inserted, rowLabel(r.after)])).toEqual([
      [2, false, "Tiêu chí 1.1"],
      [3, true, "Tiêu chí 1.2"],
    ]);
    expect(change.rows[0]?.cells.every((c) => c.before === "")).toBe(true);
    expect(change.rows[1]?.after).toEqual(after[3]);
    expect(changeSize([change])).toEqual({ cells: change.rows[0]?.cells.length, rows: 1 });
  });

  it("leaves out the cells the host skipped (a co-author filled them)", () => {
    const rows = [HEADER, row("", "Tiêu chí 1.1")];
    const patch = computeFillPatch(planTableOf(rows), [template("1.1")], tt17);
    const skipped = patch.ops.filter((op) => op.kind === "set" && op.role === "solution");
    const change = fillChange("t", gridFromStrings(rows), patch, skipped);
    expect(change.rows[0]?.cells.map((c) => c.col)).not.toContain(3);
  });
});

describe("planning an undo on the table as it is now", () => {
  it("finds the rows again after a co-author inserted rows above them", () => {
    const { rows, after, change } = filled();
    const now = [after[0]!, row("", "", "", "Dòng cô Hoa thêm"), ...after.slice(1)];
    const plan = planRevert([{ key: "table-0", grid: gridFromStrings(now) }], change);
    expect(plan.refused).toEqual([]);
    expect(plan.removals.map((r) => r.row)).toEqual([4]);
    const result = applyRevert(now, plan);
    expect(result.rows).toEqual([rows[0], now[1], ...rows.slice(1)]);
  });

  it("keeps a row a co-author typed into and names it; undoes the rest", () => {
    const { after, change } = filled();
    const now = after.map((r) => [...r]);
    now[3]![3] = "Cô Lan viết thêm";
    const plan = planRevert([{ key: "table-0", grid: gridFromStrings(now) }], change);
    expect(plan.refused).toEqual([{ label: "Tiêu chí 1.2", reason: "changed" }]);
    expect(plan.removals).toEqual([]);
    expect(plan.edits.length).toBeGreaterThan(0);
    const result = applyRevert(now, plan);
    expect(result.rows[3]?.[3]).toBe("Cô Lan viết thêm");
    expect(result.rows[2]).toEqual(row("", "Tiêu chí 1.1"));
  });

  it("still undoes a row whose other cells a co-author changed, keeping their change", () => {
    const { after, change } = filled();
    const now = after.map((r) => [...r]);
    now[2]![8] = "Đang thực hiện";
    const plan = planRevert([{ key: "table-0", grid: gridFromStrings(now) }], change);
    const result = applyRevert(now, plan);
    expect(result.rows[2]).toEqual(
      row("", "Tiêu chí 1.1", "", "", "", "", "", "", "Đang thực hiện")
    );
  });

  it("follows the table when its key changed (a table inserted above it in Word)", () => {
    const { rows, after, change } = filled();
    const plan = planRevert(
      [
        { key: "table-0", grid: gridFromStrings([["Họ và tên", "Chức vụ"]]) },
        { key: "table-1", grid: gridFromStrings(after) },
      ],
      change
    );
    expect(plan.table).toBe("table-1");
    expect(applyRevert(after, plan).rows).toEqual(rows);
  });

  it("refuses everything, saying so, when the table is gone", () => {
    const { change } = filled();
    const plan = planRevert([], change);
    expect(plan).toMatchObject({ table: null, edits: [], removals: [] });
    expect(plan.refused.map((r) => r.reason)).toEqual(["missing", "missing"]);
  });

  it("undoes cell edits (a fix, a progress update) only where the cell still holds KHCT's text", () => {
    const rows = [HEADER, row("", "Tiêu chí 2. 2"), row("", "Tiêu chí 1.1")];
    const edit = { row: 1, col: 1, expected: "Tiêu chí 2. 2", text: "Tiêu chí 2.2" };
    const change = editsChange("t", gridFromStrings(rows), [edit]);
    const after = applyRevert(rows, { edits: [edit], removals: [] }).rows;
    expect(
      applyRevert(after, planRevert([{ key: "t", grid: gridFromStrings(after) }], change)).rows
    ).toEqual(rows);
    const retyped = after.map((r) => [...r]);
    retyped[1]![1] = "Tiêu chí 2.2: Hiệu trưởng";
    const plan = planRevert([{ key: "t", grid: gridFromStrings(retyped) }], change);
    expect(plan.edits).toEqual([]);
    expect(plan.refused).toEqual([{ label: "Tiêu chí 2.2", reason: "changed" }]);
  });

  it("compares texts the way hosts report them (Word's paragraph marks, trailing blanks)", () => {
    const { after, change } = filled();
    const now = after.map((r) => r.map((t) => (t ? `${t.replace(/\n/g, "\r")}\r` : t)));
    const plan = planRevert([{ key: "table-0", grid: gridFromStrings(now) }], change);
    expect(plan.refused).toEqual([]);
    expect(plan.removals).toHaveLength(1);
  });
});

describe("confirming a patch just before writing", () => {
  const rows = [HEADER, row("", "Tiêu chí 1.1")];
  const patch = computeFillPatch(planTableOf(rows), [template("1.1")], tt17);
  const now = (cells: string[][]) => ({
    rowCount: cells.length,
    textAt: (r: number, c: number) => cells[r]?.[c] ?? "",
  });

  it("lets a patch through on an unchanged table", () => {
    expect(confirmPatch(gridFromStrings(rows), patch, now(rows))).toEqual({
      ok: true,
      skipped: [],
    });
  });

  it("skips a cell a co-author filled, refuses when another cell or the row count changed", () => {
    const filledByCoAuthor = rows.map((r) => [...r]);
    filledByCoAuthor[1]![3] = "Giải pháp của tổ";
    const check = confirmPatch(gridFromStrings(rows), patch, now(filledByCoAuthor));
    expect(check.ok && check.skipped.map((op) => op.kind === "set" && op.col)).toEqual([3]);
    const renamed = rows.map((r) => [...r]);
    renamed[1]![1] = "Tiêu chí 1.2";
    expect(confirmPatch(gridFromStrings(rows), patch, now(renamed))).toEqual({ ok: false });
    expect(confirmPatch(gridFromStrings(rows), patch, now([...rows, row()]))).toEqual({
      ok: false,
    });
  });

  it("compares a merge's covered positions with empty text, and ignores positions the host has no cell for", () => {
    const grid = buildGrid([[{ text: "MỨC 1, 2, 3", colSpan: 2 }], [{ text: "a" }, { text: "b" }]]);
    const empty = { colCount: 2, rowCount: 2, ops: [] };
    const cells = [
      ["MỨC 1, 2, 3", ""],
      ["a", "b"],
    ];
    expect(confirmPatch(grid, empty, now(cells)).ok).toBe(true);
    expect(
      confirmPatch(
        grid,
        empty,
        now([
          ["MỨC 1, 2, 3", "x"],
          ["a", "b"],
        ])
      ).ok
    ).toBe(false);
    expect(
      confirmPatch(grid, empty, {
        rowCount: 2,
        textAt: (r, c) => (r === 0 && c === 1 ? null : cells[r]![c]!),
      }).ok
    ).toBe(true);
  });
});
