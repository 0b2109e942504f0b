/** Timeframes of criterion rows against the plan's school year (September to May; the summer before is preparation). */
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
    const year = context.identity.schoolYear;
    const issued = planDate(context.paragraphs);
    for (const { key, table } of planTables(context)) {
      for (const row of criterionRows(table)) {
        const cell = row.cells.timeframe;
        if (!cell || cell.covered || cell.text.trim() === "" || !row.ref) continue;
        const text = squash(cell.text);
        const at = { table: key, row: row.index, column: cell.col };
        const base = { rule: this.id, location: at, criterion: row.ref.ref.id };
        const t = parseTimeframe(text);
        if (t.kind === "unparseable") {
          findings.push({
            ...base,
            severity: "warning",
            message: `${row.ref.label}: không đọc được thời gian “${text}” (ví dụ: “Tháng 9/2025 đến tháng 5/2026”, “Trong năm học 2025-2026”).`,
          });
          continue;
        }
        if (!year) continue;
        const yearText = `năm học ${year.text}`;
        if (t.kind === "school-year" && t.start !== year.start) {
          findings.push({
            ...base,
            severity: "error",
            message: `${row.ref.label}: “${text}” không phải ${yearText} của kế hoạch.`,
          });
        }
        if (t.kind === "year" && t.year !== year.start && t.year !== year.end) {
          findings.push({
            ...base,
            severity: "error",
            message: `${row.ref.label}: năm ${t.year} nằm ngoài ${yearText}.`,
          });
        }
        if (t.kind !== "range") continue;
        if (t.from.year === null && t.from.month >= 6 && t.from.month <= 8) {
          findings.push({
            ...base,
            severity: "warning",
            message: `${row.ref.label}: “${text}” bắt đầu trong hè; nếu là hè trước ${yearText} thì là thời gian chuẩn bị — nên ghi rõ năm (tháng ${t.from.month}/${year.start}).`,
          });
          continue;
        }
        const from = resolveMonth(t.from, year.start);
        const to = resolveMonth(t.to, year.start);
        const start = index(year.start, 9);
        const end = index(year.end, 5);
        const f = index(from.year, from.month);
        const e = index(to.year, to.month);
        if (e < index(year.start, 6) || f > end) {
          findings.push({
            ...base,
            severity: "error",
            message: `${row.ref.label}: “${text}” nằm ngoài ${yearText} (tháng 9/${year.start} đến hết tháng 5/${year.end}).`,
          });
        } else if (f < start) {
          findings.push({
            ...base,
            severity: "warning",
            message: `${row.ref.label}: “${text}” bắt đầu trước ${yearText}: hè trước năm học là thời gian chuẩn bị.`,
          });
        } else if (e > end) {
          findings.push({
            ...base,
            severity: "warning",
            message: `${row.ref.label}: “${text}” kéo dài sau ${yearText} (hết tháng 5/${year.end}).`,
          });
        }
        if (issued && t.to.year !== null && e < index(issued.year, issued.month)) {
          findings.push({
            ...base,
            severity: "error",
            message: `${row.ref.label}: “${text}” kết thúc trước ngày ban hành kế hoạch (${issued.day}/${issued.month}/${issued.year}).`,
          });
        }
      }
    }
    return findings;
  },
};
