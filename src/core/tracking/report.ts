/**
 * Tracking a plan during the year: each task row with its status, end date and "quá hạn", the rows
 * of one person ("Việc của tôi"), and the monitoring report per standard and overall as of a date.
 */
import { isContentRow } from "../plan/formFill";
import { isItemTable, itemLabel, itemRows } from "../plan/rows";
import type { AnalysedTable } from "../plan/session";
import { parseBudget, formatDong } from "../text/money";
import type { SchoolYear } from "../text/schoolYear";
import {
  isOverdue,
  parseProgress,
  progressTexts,
  timeframeEnd,
  type ProgressStatus,
} from "./progress";
import { involves } from "./staff";

export interface TrackedRow {
  readonly table: string;
  readonly row: number;
  /** "Tiêu chí 1.2", "Mức 4 – tiêu chí 3". */
  readonly label: string;
  /** "1".."5", "Mức 4", or "" when the row names no standard. */
  readonly standard: string;
  readonly task: string;
  readonly responsible: string;
  readonly timeframe: string;
  /** null: the progress cell says something KHCT cannot read; undefined: the table has no progress column. */
  readonly status: ProgressStatus | null | undefined;
  /** The progress and result columns, when the layout has them. */
  readonly progressCol?: number;
  readonly progressText?: string;
  /** The words this table's progress column takes (Thông tư 57/2026's form has its own). */
  readonly progressWords: Readonly<Record<ProgressStatus, string>>;
  readonly resultCol?: number;
  readonly result?: string;
  readonly end: string | null;
  readonly overdue: boolean;
  /** One-off amount of the row's budget, in đồng (0 when none). */
  readonly budget: number;
}

/** The task rows of the plan tables, as of `today` (ISO date). */
export function trackedRows(
  tables: readonly AnalysedTable[],
  year: SchoolYear | null,
  today: string
): TrackedRow[] {
  const out: TrackedRow[] = [];
  for (const t of tables) {
    if (t.kind !== "plan" || !t.table || !t.header.ok) continue;
    const columns = t.header.match.columns;
    // A table of improvement items (Thông tư 57/2026's form): every item row is a task.
    const items = isItemTable(t.table);
    const progressWords = progressTexts(t.header.match.layout.id);
    // The form's blank rows ("[Ghi nội dung cải tiến]" …) are not items yet.
    const rows = items
      ? itemRows(t.table).filter(isContentRow)
      : t.table.rows.filter((r) => r.kind === "criterion" || r.kind === "level4");
    for (const row of rows) {
      const cell = (role: keyof typeof columns) => row.cells[role]?.text ?? "";
      const id = row.ref?.ref.id ?? "";
      const level4 = row.kind === "level4";
      const task = items ? cell("solution") || cell("target") : cell("solution") || cell("content");
      const progressCol = columns.progress;
      const progressText = progressCol !== undefined ? cell("progress") : undefined;
      const status = progressText === undefined ? undefined : parseProgress(progressText);
      const timeframe = cell("timeframe");
      const end = timeframeEnd(timeframe, year);
      const budget = parseBudget(cell("budget"));
      out.push({
        table: t.key,
        row: row.index,
        label: items
          ? `${itemLabel(row)}: ${cell("content").slice(0, 60)}`
          : level4
            ? `Mức 4 – tiêu chí ${id}`
            : `Tiêu chí ${id}`,
        standard: items ? "" : level4 ? "Mức 4" : (id.split(".")[0] ?? ""),
        progressWords,
        task,
        responsible: cell("responsible"),
        timeframe,
        status,
        ...(progressCol !== undefined ? { progressCol, progressText: progressText ?? "" } : {}),
        ...(columns.result !== undefined
          ? { resultCol: columns.result, result: cell("result") }
          : {}),
        end,
        overdue: isOverdue(status ?? null, end, today),
        budget: budget.kind === "amount" ? budget.dong : 0,
      });
    }
  }
  return out;
}

/** The rows a person leads or joins (by name, or by role). */
export function myRows(
  rows: readonly TrackedRow[],
  who: { readonly name?: string; readonly role?: string }
): TrackedRow[] {
  if (!who.name?.trim() && !who.role?.trim()) return [];
  return rows.filter((r) => involves(r.responsible, who));
}

export interface ReportLine {
  /** "Tiêu chuẩn 1", "Mức 4", "Cả kế hoạch". */
  readonly name: string;
  readonly rows: number;
  readonly done: number;
  readonly inProgress: number;
  readonly notStarted: number;
  /** Rows whose progress is not recorded (a table without a progress column, or unreadable text). */
  readonly unknown: number;
  readonly overdue: number;
  readonly budget: number;
}

export interface MonitoringReport {
  readonly asOf: string;
  readonly lines: readonly ReportLine[];
  readonly total: ReportLine;
}

function line(name: string, rows: readonly TrackedRow[]): ReportLine {
  return {
    name,
    rows: rows.length,
    done: rows.filter((r) => r.status === "done").length,
    inProgress: rows.filter((r) => r.status === "in-progress").length,
    notStarted: rows.filter((r) => r.status === "not-started").length,
    unknown: rows.filter((r) => r.status === null || r.status === undefined).length,
    overdue: rows.filter((r) => r.overdue).length,
    budget: rows.reduce((sum, r) => sum + r.budget, 0),
  };
}

export function monitoringReport(rows: readonly TrackedRow[], asOf: string): MonitoringReport {
  const names = [...new Set(rows.map((r) => r.standard))].sort((a, b) =>
    a === "Mức 4" ? 1 : b === "Mức 4" ? -1 : Number(a) - Number(b)
  );
  return {
    asOf,
    lines: names.map((s) =>
      line(
        s === "Mức 4" ? "Mức 4" : s ? `Tiêu chuẩn ${s}` : "Khác",
        rows.filter((r) => r.standard === s)
      )
    ),
    total: line("Cả kế hoạch", rows),
  };
}

/** "23/11/2026" */
export const viDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
};

export const REPORT_HEADER = [
  "Tiêu chuẩn",
  "Số việc",
  "Đã hoàn thành",
  "Đang thực hiện",
  "Chưa thực hiện",
  "Quá hạn",
  "Kinh phí dự kiến",
] as const;

/** The report as rows of text, for a table in the document (a title row first). */
export function reportRows(report: MonitoringReport): string[][] {
  const cells = (l: ReportLine) => [
    l.name,
    String(l.rows),
    String(l.done),
    String(l.inProgress),
    String(l.notStarted + l.unknown),
    String(l.overdue),
    l.budget ? formatDong(l.budget) : "",
  ];
  return [[...REPORT_HEADER], ...report.lines.map(cells), cells(report.total)];
}
