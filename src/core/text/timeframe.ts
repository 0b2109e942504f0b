/**
 * Timeframes as plans write them: "Trong năm học 2025-2026", "Tháng 6 đến tháng 9 hằng năm",
 * "Từ tháng 9 đến tháng 12", "08 – 11", "Năm 2023", "Tháng 9/2025", "Quý I/2026",
 * "Từ 01/9/2025 đến 31/5/2026", "Học kỳ I", "Thường xuyên".
 */
import { fold, squash } from "./fold";

export interface YearMonth {
  readonly year: number | null;
  readonly month: number;
}

export type Timeframe =
  /** Months (with or without their year). */
  | { readonly kind: "range"; readonly from: YearMonth; readonly to: YearMonth }
  | { readonly kind: "school-year"; readonly start: number }
  | { readonly kind: "year"; readonly year: number }
  /** "Học kỳ I", "Học kỳ II": a term of the plan's school year. */
  | { readonly kind: "term"; readonly term: 1 | 2 }
  /** "Thường xuyên", "Hằng tháng", "Cả năm", "Hằng năm": no dates to check. */
  | { readonly kind: "ongoing" }
  | { readonly kind: "unparseable" };

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const month = (n: number) => n >= 1 && n <= 12;

export function parseTimeframe(input: string): Timeframe {
  const text = squash(input.normalize("NFC"));
  const f = fold(text);
  if (!f) return { kind: "unparseable" };
  const schoolYear = /nam hoc (\d{4}) (\d{4})/.exec(f);
  const dates = [...text.matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/g)];
  if (dates.length > 0) {
    const first = dates[0] as RegExpMatchArray;
    const last = dates[dates.length - 1] as RegExpMatchArray;
    if (month(Number(first[2])) && month(Number(last[2]))) {
      return {
        kind: "range",
        from: { year: Number(first[3]), month: Number(first[2]) },
        to: { year: Number(last[3]), month: Number(last[2]) },
      };
    }
  }
  const monthYears = [...f.matchAll(/thang (\d{1,2}) (\d{4})/g)];
  if (monthYears.length > 0 && monthYears.every((m) => month(Number(m[1])))) {
    const a = monthYears[0] as RegExpMatchArray;
    const b = monthYears[monthYears.length - 1] as RegExpMatchArray;
    return {
      kind: "range",
      from: { year: Number(a[2]), month: Number(a[1]) },
      to: { year: Number(b[2]), month: Number(b[1]) },
    };
  }
  const quarter = /quy (i{1,3}|iv|[1-4]) (\d{4})/.exec(f);
  if (quarter && quarter[1] && quarter[2]) {
    const q = ROMAN[quarter[1]] ?? Number(quarter[1]);
    return {
      kind: "range",
      from: { year: Number(quarter[2]), month: q * 3 - 2 },
      to: { year: Number(quarter[2]), month: q * 3 },
    };
  }
  if (schoolYear && Number(schoolYear[2]) === Number(schoolYear[1]) + 1)
    return { kind: "school-year", start: Number(schoolYear[1]) };
  // Months without a year: "Tháng 6 đến tháng 9 hằng năm", "Từ tháng 9 đến tháng 12", "08 – 11".
  if (/(^|\s)thang(\s|$)/.test(f) || /^\d{1,2}( \d{1,2})?$/.test(f)) {
    const numbers = [...f.matchAll(/(?<!\d)\d{1,2}(?!\d)/g)].map((m) => Number(m[0]));
    if (numbers.length > 0 && numbers.length <= 2 && numbers.every(month)) {
      return {
        kind: "range",
        from: { year: null, month: numbers[0] as number },
        to: { year: null, month: numbers[numbers.length - 1] as number },
      };
    }
  }
  const year = /^(?:trong |ca )?nam (\d{4})$/.exec(f);
  if (year) return { kind: "year", year: Number(year[1]) };
  const term = /hoc ky (i{1,2}|[12])\b/.exec(f);
  if (term && term[1])
    return { kind: "term", term: (ROMAN[term[1]] ?? Number(term[1])) === 2 ? 2 : 1 };
  if (/thuong xuyen|hang thang|hang tuan|ca nam|hang nam|dinh ky|trong nam hoc|suot nam/.test(f))
    return { kind: "ongoing" };
  return { kind: "unparseable" };
}

/** Resolves a month written without its year inside a school year (September to August). */
export function resolveMonth(
  ym: YearMonth,
  schoolYearStart: number
): { year: number; month: number } {
  if (ym.year !== null) return { year: ym.year, month: ym.month };
  return { year: ym.month >= 9 ? schoolYearStart : schoolYearStart + 1, month: ym.month };
}
