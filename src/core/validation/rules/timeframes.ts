/**
 * Timeframes of criterion rows against the plan's window: its school year (September to May; the
 * summer before is preparation) or, for a plan "giai đoạn 2022-2025", the whole period.
 */
import { squash } from "../../text/fold";
import { parseTimeframe, resolveMonth } from "../../text/timeframe";
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

export const timeframes: Rule = {
  id: "timeframe",
  area: "years",
  description:
    "Thời gian thực hiện không đọc được, nằm ngoài năm học của kế hoạch, trước ngày ban hành kế hoạch, hoặc ghi tháng hè mà không rõ năm.",
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
      for (const row of criterionRows(table)) {
        const cell = row.cells.timeframe;
        if (!cell || cell.covered || cell.text.trim() === "" || !row.ref) continue;
        const text = squash(cell.text);
        const label = row.ref.label;
        const base = {
          rule: this.id,
          location: { table: key, row: row.index, column: cell.col },
          criterion: row.ref.ref.id,
        };
        const say = (severity: Finding["severity"], message: string) =>
          findings.push({ ...base, severity, message });
        const t = parseTimeframe(text);
        if (t.kind === "unparseable") {
          say(
            "warning",
            `${label}: không đọc được thời gian “${text}” (ví dụ: “Tháng 9/2025 đến tháng 5/2026”, “Trong năm học 2025-2026”).`
          );
          continue;
        }
        if (first === undefined || last === undefined) continue;
        if (t.kind === "school-year" && (t.start < first || t.start + 1 > last)) {
          say("error", `${label}: “${text}” nằm ngoài ${windowText} của kế hoạch.`);
        }
        if (t.kind === "year" && (t.year < first || t.year > last)) {
          say("error", `${label}: năm ${t.year} nằm ngoài ${windowText}.`);
        }
        if (t.kind !== "range") continue;
        if (t.from.year === null && t.from.month >= 6 && t.from.month <= 8) {
          say(
            "warning",
            `${label}: “${text}” bắt đầu trong hè; nếu là hè trước ${windowText} thì là thời gian chuẩn bị — nên ghi rõ năm (tháng ${t.from.month}/${first}).`
          );
          continue;
        }
        const from = resolveMonth(t.from, first);
        const to = resolveMonth(t.to, first);
        const f = index(from.year, from.month);
        const e = index(to.year, to.month);
        if (e < index(first, 6) || f > index(last, 5)) {
          say(
            "error",
            `${label}: “${text}” nằm ngoài ${windowText} (tháng 9/${first} đến hết tháng 5/${last}).`
          );
        } else if (f < index(first, 9)) {
          say(
            "warning",
            `${label}: “${text}” bắt đầu trước ${windowText}: hè trước năm học là thời gian chuẩn bị.`
          );
        } else if (e > index(last, 5)) {
          say("warning", `${label}: “${text}” kéo dài sau ${windowText} (hết tháng 5/${last}).`);
        }
        if (issued && t.to.year !== null && e < index(issued.year, issued.month)) {
          say(
            "error",
            `${label}: “${text}” kết thúc trước ngày ban hành kế hoạch (${issued.day}/${issued.month}/${issued.year}).`
          );
        }
      }
    }
    return findings;
  },
};
