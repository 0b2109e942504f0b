/**
 * The monitoring record of Thông tư 57/2026's form (Mục VI, "Theo dõi và đánh giá thực hiện", as
 * school apps print it): a row per review — at least "Cuối học kỳ I" and "Cuối năm học" — with what
 * was reviewed, the result, the adjustment and who assessed. From the tracked items, KHCT writes
 * the review's "Nội dung theo dõi" and "Kết quả thực hiện" into the row of the time point (the
 * form's blank row, or a new one); the adjustment and the assessor stay the school's to write.
 */
import type { ColumnRole } from "../plan/layouts";
import { FORM_PLACEHOLDERS } from "../plan/formFill";
import type { Patch, PatchOp } from "../plan/patch";
import type { PlanRow, PlanTable } from "../plan/rows";
import { isTemplateFiller } from "../plan/templates";
import { fold, squash } from "../text/fold";
import type { SchoolYear } from "../text/schoolYear";
import { TT57_PROGRESS_TEXT } from "./progress";
import { viDate, type MonitoringReport, type TrackedRow } from "./report";

/** The form's review times, as the catalogue records them ("Cuối học kỳ I", "Cuối năm học"). */
export const REVIEW_TIMES = ["Cuối học kỳ I", "Cuối năm học"] as const;

/**
 * The review a date belongs to: the first semester's until the end of January of the school year's
 * second calendar year (semester I ends in mid-January), then the year's end. Without a school year,
 * September–January count as semester I.
 */
export function reviewTime(asOf: string, year: SchoolYear | null): string {
  const [y, m] = asOf.split("-").map(Number) as [number, number];
  const first = year ? y < year.end || (y === year.end && m <= 1) : m >= 9 || m <= 1;
  return first ? REVIEW_TIMES[0] : REVIEW_TIMES[1];
}

/** What KHCT writes in the review's row, from the tracked items of the plan. */
export function reviewValues(
  rows: readonly TrackedRow[],
  report: MonitoringReport
): Partial<Record<ColumnRole, string>> {
  const t = report.total;
  const open = rows.filter((r) => r.status !== "done");
  const overdue = rows.filter((r) => r.overdue);
  const result = [
    `${TT57_PROGRESS_TEXT.done} ${t.done}/${t.rows} việc`,
    `${TT57_PROGRESS_TEXT["in-progress"].toLowerCase()} ${t.inProgress}`,
    `${TT57_PROGRESS_TEXT["not-started"].toLowerCase()} ${t.notStarted}`,
    ...(t.unknown ? [`chưa ghi mức độ ${t.unknown}`] : []),
  ].join("; ");
  const late = overdue.length
    ? ` Quá hạn: ${overdue
        .map((r) => r.label.split(":")[0])
        .slice(0, 8)
        .join(", ")}${overdue.length > 8 ? ", …" : ""}.`
    : "";
  const pending =
    open.length > 0 && open.length <= 8
      ? ` Chưa xong: ${open.map((r) => r.label.split(":")[0]).join(", ")}.`
      : "";
  return {
    monitored: `Mức độ thực hiện ${t.rows} việc cải tiến ở Mục V, đến ngày ${viDate(report.asOf)}`,
    result: `${result}.${late}${pending}`.trim(),
  };
}

const text = (row: PlanRow, role: ColumnRole) => {
  const cell = row.cells[role];
  return cell && !cell.covered ? squash(cell.text) : "";
};
const free = (t: string) => t === "" || isTemplateFiller(t);

export type ReviewPatch =
  | { readonly kind: "patch"; readonly patch: Patch; readonly row: number | null }
  /** The review's row already has a result the school (or an earlier write) gave: nothing written. */
  | { readonly kind: "written"; readonly row: number };

/**
 * Writes the review into the monitoring table: the row whose "Thời điểm" is the review's time (its
 * empty or placeholder cells only), else a new row after the last one with content.
 */
export function reviewPatch(
  table: PlanTable,
  when: string,
  values: Partial<Record<ColumnRole, string>>
): ReviewPatch {
  const { grid, header } = table;
  const columns = header.columns;
  const target = fold(when);
  const existing = table.rows.find((r) => fold(text(r, "when")) === target);
  if (existing) {
    if (!free(text(existing, "result"))) return { kind: "written", row: existing.index };
    const ops: PatchOp[] = [];
    for (const [role, value] of Object.entries(values) as [ColumnRole, string][]) {
      const cell = existing.cells[role];
      if (!value || !cell || cell.covered || !free(squash(cell.text))) continue;
      ops.push({
        kind: "set",
        row: existing.index,
        col: cell.col,
        text: value,
        expected: cell.text,
        role,
      });
    }
    return {
      kind: "patch",
      patch: { colCount: grid.colCount, rowCount: grid.rowCount, ops },
      row: existing.index,
    };
  }
  const cells = Array.from({ length: grid.colCount }, () => "");
  const all: Partial<Record<ColumnRole, string>> = {
    when,
    adjustment: "",
    assessor: FORM_PLACEHOLDERS.assessor,
    ...values,
  };
  for (const [role, value] of Object.entries(all) as [ColumnRole, string][]) {
    const col = columns[role];
    if (col !== undefined && value) cells[col] = value;
  }
  if (columns.tt !== undefined) {
    const numbers = table.rows.map((r) => Number(text(r, "tt"))).filter((n) => n > 0);
    cells[columns.tt] = String((numbers.length ? Math.max(...numbers) : 0) + 1);
  }
  const last = [...table.rows].reverse().find((r) => text(r, "when") !== "");
  const before = last ? last.index + 1 : header.headerStart + header.headerRows;
  return {
    kind: "patch",
    patch: {
      colCount: grid.colCount,
      rowCount: grid.rowCount,
      ops: [{ kind: "insert", before, cells, rowKind: "criterion", label: when }],
    },
    row: null,
  };
}
