/**
 * Timeframes of criterion rows against the plan's window: its school year (September to May; the
 * summer before is preparation) or, for a plan "giai đoạn 2022-2025", the whole period.
 */
import { squash } from "../../text/fold";
import { parseTimeframe, resolveMonth, schoolYearOf } from "../../text/timeframe";
import { isItemTable, itemLabel, itemRows } from "../../plan/rows";
import type { Finding, Rule } from "../types";
import { criterionRows, planTables } from "./helpers";

/** The plan's own date, from its place-and-date line ("Tiên Lãng, ngày 07 tháng 3 năm 2022"). */
export function planDate(
  paragraphs: readonly string[]
): { year: number; month: number; day: number } | null {
  for (const p of paragraphs.slice(0, 40)) {
    const m = /,\s*ngày\s*\.*\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu.exec(squash(p));
    if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  }
  return null;
}

const index = (year: number, month: number) => year * 12 + (month - 1);

/** A problem of one row's timeframe, grouped with the same problem in other rows of the table. */
interface Note {
  /** Rows with the same cause share a key. */
  readonly cause: string;
  readonly severity: Finding["severity"];
  readonly row: number;
  readonly col: number;
  readonly criterion: string;
  readonly label: string;
  readonly text: string;
  /** The message when this row is the only one with the cause. */
  readonly alone: string;
  /** The message for n rows with the cause, given "Tiêu chí 1.1 (“…”), …". */
  readonly together: (n: number, list: string) => string;
}

const EXAMPLES = "ví dụ: “Tháng 9/2025 đến tháng 5/2026”, “Trong năm học 2025-2026”";

export const timeframes: Rule = {
  id: "timeframe",
  area: "years",
  description:
    "Thời gian thực hiện không đọc được, nằm ngoài năm học của kế hoạch, trước ngày ban hành kế hoạch, hoặc ghi tháng hè mà không rõ năm; các dòng cùng một lỗi được gộp thành một mục.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    const { schoolYear, period } = context.identity;
    // The window: one school year, or a period of several.
    const first = period ? period.start : schoolYear?.start;
    const last = period ? period.end : schoolYear?.end;
    const windowText = period
      ? `giai đoạn ${period.start}-${period.end}`
      : `năm học ${first}-${last}`;
    const issued = planDate(context.paragraphs);
    for (const { key, table } of planTables(context)) {
      const notes: Note[] = [];
      const items = isItemTable(table);
      const rows = items ? itemRows(table) : criterionRows(table);
      for (const row of rows) {
        const cell = row.cells.timeframe;
        if (!cell || cell.covered || cell.text.trim() === "" || (!items && !row.ref)) continue;
        const text = squash(cell.text);
        const label = itemLabel(row);
        const base = {
          row: row.index,
          col: cell.col,
          criterion: row.ref?.ref.id ?? "",
          label,
          text,
        };
        const note = (n: Omit<Note, keyof typeof base>) => notes.push({ ...base, ...n });
        const t = parseTimeframe(text);
        if (t.kind === "unparseable") {
          note({
            cause: "unparseable",
            severity: "warning",
            alone: `${label}: không đọc được thời gian “${text}” (${EXAMPLES}).`,
            together: (n, list) => `${n} dòng ghi thời gian không đọc được: ${list} (${EXAMPLES}).`,
          });
          continue;
        }
        if (first === undefined || last === undefined) continue;
        if (t.kind === "school-year" && (t.start < first || t.start + 1 > last)) {
          const other = `năm học ${t.start}-${t.start + 1}`;
          const side = t.start < first ? "trước" : "sau";
          note({
            cause: `school-year:${t.start}`,
            severity: "error",
            alone: `${label}: “${text}” là ${other}, ${side} ${windowText} của kế hoạch.`,
            together: (n, list) =>
              `${n} dòng ghi ${other}, ${side} ${windowText} của kế hoạch: ${list}.`,
          });
        }
        if (t.kind === "year" && (t.year < first || t.year > last)) {
          note({
            cause: `year:${t.year}`,
            severity: "error",
            alone: `${label}: năm ${t.year} nằm ngoài ${windowText}.`,
            together: (n, list) => `${n} dòng ghi năm ${t.year}, ngoài ${windowText}: ${list}.`,
          });
        }
        if (t.kind !== "range") continue;
        if (t.from.year === null && t.from.month >= 6 && t.from.month <= 8) {
          note({
            cause: "summer-without-year",
            severity: "warning",
            alone: `${label}: “${text}” bắt đầu trong hè; nếu là hè trước ${windowText} thì là thời gian chuẩn bị — nên ghi rõ năm (tháng ${t.from.month}/${first}).`,
            together: (n, list) =>
              `${n} dòng bắt đầu trong hè mà không ghi năm: ${list}; nếu là hè trước ${windowText} thì là thời gian chuẩn bị — nên ghi rõ năm (ví dụ “tháng 8/${first}”).`,
          });
          continue;
        }
        const from = resolveMonth(t.from, first);
        const to = resolveMonth(t.to, first);
        const f = index(from.year, from.month);
        const e = index(to.year, to.month);
        if (e < index(first, 6) || f > index(last, 5)) {
          // Wholly in another school year: say which one (the usual mistake is last year's dates).
          // The school year the work belongs to: that of its end (a start in the summer before
          // is its preparation).
          const own = schoolYearOf(to);
          const same =
            schoolYearOf(from) === own || (from.month >= 6 && from.month <= 8 && from.year === own);
          const side = e < index(first, 6) ? "trước" : "sau";
          const which = same ? `thuộc năm học ${own}-${own + 1}, ` : "";
          note({
            cause: same ? `other-year:${own}` : `outside:${side}`,
            severity: "error",
            alone: `${label}: “${text}” ${which}nằm ${side} ${windowText} của kế hoạch (tháng 9/${first} đến hết tháng 5/${last}).`,
            together: (n, list) =>
              `${n} dòng ghi thời gian ${which}${side} ${windowText} của kế hoạch: ${list}.`,
          });
        } else if (f < index(first, 9)) {
          note({
            cause: "starts-before",
            severity: "warning",
            alone: `${label}: “${text}” bắt đầu trước ${windowText}: hè trước năm học là thời gian chuẩn bị.`,
            together: (n, list) =>
              `${n} dòng bắt đầu trước ${windowText} (hè trước năm học là thời gian chuẩn bị): ${list}.`,
          });
        } else if (e > index(last, 5)) {
          note({
            cause: "ends-after",
            severity: "warning",
            alone: `${label}: “${text}” kéo dài sau ${windowText} (hết tháng 5/${last}).`,
            together: (n, list) =>
              `${n} dòng kéo dài sau ${windowText} (hết tháng 5/${last}): ${list}.`,
          });
        }
        if (issued && t.to.year !== null && e < index(issued.year, issued.month)) {
          const date = `${issued.day}/${issued.month}/${issued.year}`;
          note({
            cause: "before-issue",
            severity: "error",
            alone: `${label}: “${text}” kết thúc trước ngày ban hành kế hoạch (${date}).`,
            together: (n, list) =>
              `${n} dòng kết thúc trước ngày ban hành kế hoạch (${date}): ${list}.`,
          });
        }
      }
      findings.push(...groupNotes(this.id, key, notes));
    }
    return findings;
  },
};

/** One finding per cause in a table: a row alone keeps its own message, rows together are listed. */
function groupNotes(rule: string, table: string, notes: readonly Note[]): Finding[] {
  const byCause = new Map<string, Note[]>();
  for (const n of notes) byCause.set(n.cause, [...(byCause.get(n.cause) ?? []), n]);
  const out: Finding[] = [];
  for (const group of byCause.values()) {
    const head = group[0] as Note;
    if (group.length === 1) {
      out.push({
        rule,
        severity: head.severity,
        message: head.alone,
        location: { table, row: head.row, column: head.col },
        ...(head.criterion ? { criterion: head.criterion } : {}),
      });
      continue;
    }
    const shown = group.slice(0, 8).map((n) => `${n.label} (“${n.text}”)`);
    const list = shown.join(", ") + (group.length > 8 ? `, … (thêm ${group.length - 8} dòng)` : "");
    const criteria = new Set(group.map((n) => n.criterion));
    out.push({
      rule,
      severity: head.severity,
      message: head.together(group.length, list),
      location: { table, row: head.row, column: head.col },
      ...(criteria.size === 1 && head.criterion ? { criterion: head.criterion } : {}),
      related: group.map((n) => ({ table, row: n.row, column: n.col })),
    });
  }
  return out;
}
