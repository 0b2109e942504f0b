/**
 * Timeframes of criterion rows against the plan's window: its school year (September to May; the
 * summer before is preparation) or, for a plan "giai đoạn 2022-2025", the whole period.
 */
import { say, told, type MessageId, type Param } from "../../messages";
import { squash } from "../../text/fold";
import { parseTimeframe, resolveMonth, schoolYearOf } from "../../text/timeframe";
import { isItemTable, itemName, itemRows } from "../../plan/rows";
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
  readonly label: Param;
  readonly text: string;
  /** The message when this row is the only one with the cause. */
  readonly alone: MessageId;
  /** The message for n rows with the cause, given the list "Tiêu chí 1.1 (“…”), …". */
  readonly together: MessageId;
  /** What both messages say besides the row (label, text) or the rows (count, list, more). */
  readonly params: Readonly<Record<string, Param>>;
}

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
    const window = period
      ? say("window.period", { start: period.start, end: period.end })
      : say("window.year", { start: first ?? "", end: last ?? "" });
    const issued = planDate(context.paragraphs);
    for (const { key, table } of planTables(context)) {
      const notes: Note[] = [];
      const items = isItemTable(table);
      const rows = items ? itemRows(table) : criterionRows(table);
      for (const row of rows) {
        const cell = row.cells.timeframe;
        if (!cell || cell.covered || cell.text.trim() === "" || (!items && !row.ref)) continue;
        const text = squash(cell.text);
        const base = {
          row: row.index,
          col: cell.col,
          criterion: row.ref?.ref.id ?? "",
          label: itemName(row),
          text,
        };
        const note = (
          cause: string,
          severity: Finding["severity"],
          id: string,
          params: Readonly<Record<string, Param>> = {}
        ) =>
          notes.push({
            ...base,
            cause,
            severity,
            alone: `timeframe.${id}` as MessageId,
            together: `timeframe.${id}.rows` as MessageId,
            params: { window, ...params },
          });
        const t = parseTimeframe(text);
        if (t.kind === "unparseable") {
          note("unparseable", "warning", "unparseable", { examples: say("timeframe.examples") });
          continue;
        }
        if (first === undefined || last === undefined) continue;
        if (t.kind === "school-year" && (t.start < first || t.start + 1 > last)) {
          note(`school-year:${t.start}`, "error", "other-school-year", {
            other: say("window.year", { start: t.start, end: t.start + 1 }),
            side: say(t.start < first ? "side.before" : "side.after"),
          });
        }
        if (t.kind === "year" && (t.year < first || t.year > last)) {
          note(`year:${t.year}`, "error", "year", { year: t.year });
        }
        if (t.kind !== "range") continue;
        if (t.from.year === null && t.from.month >= 6 && t.from.month <= 8) {
          note("summer-without-year", "warning", "summer", { month: t.from.month, first });
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
          const side = e < index(first, 6) ? "before" : "after";
          note(
            same ? `other-year:${own}` : `outside:${side}`,
            "error",
            same ? "in-year" : "outside",
            {
              side: say(`side.${side}`),
              own,
              next: own + 1,
              first,
              last,
            }
          );
        } else if (f < index(first, 9)) {
          note("starts-before", "warning", "starts-before");
        } else if (e > index(last, 5)) {
          note("ends-after", "warning", "ends-after", { last });
        }
        if (issued && t.to.year !== null && e < index(issued.year, issued.month)) {
          note("before-issue", "error", "before-issue", {
            date: `${issued.day}/${issued.month}/${issued.year}`,
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
        ...told(head.alone, { ...head.params, label: head.label, text: head.text }),
        location: { table, row: head.row, column: head.col },
        ...(head.criterion ? { criterion: head.criterion } : {}),
      });
      continue;
    }
    const list = group
      .slice(0, 8)
      .map((n) => say("timeframe.row", { label: n.label, text: n.text }));
    const more = group.length > 8 ? say("list.more-rows", { count: group.length - 8 }) : "";
    const criteria = new Set(group.map((n) => n.criterion));
    out.push({
      rule,
      severity: head.severity,
      ...told(head.together, { ...head.params, count: group.length, list, more }),
      location: { table, row: head.row, column: head.col },
      ...(criteria.size === 1 && head.criterion ? { criterion: head.criterion } : {}),
      related: group.map((n) => ({ table, row: n.row, column: n.col })),
    });
  }
  return out;
}
