/**
 * One grammar for the timeframes plans write: "Trong năm học 2025-2026", "Xuyên suốt NH 2023-2024",
 * "Đầu NH 2023-2024", "Năm 2023", "Tháng 6 đến tháng 9 hằng năm", "Từ tháng 9 đến tháng 12",
 * "08 – 11", "Tháng 9/2025", "08/2024 – 11/2024", "- Tháng 7/2023 đến 3/2024", "Quý I/2026",
 * "Từ 01/9/2025 đến 31/5/2026", "2026-09-01 - 2027-05-31", "Học kỳ I", "Cuối học kỳ I",
 * "Thường xuyên". Text that names no time is "unparseable"; text broken inside a word by a PDF
 * ("Trong nă m học") still reads.
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
const isYear = (t: string | undefined) => t !== undefined && /^(19|20)\d\d$/.test(t);
const isSmall = (t: string | undefined) => t !== undefined && /^\d{1,2}$/.test(t);

function range(from: YearMonth, to: YearMonth): Timeframe {
  return { kind: "range", from, to };
}

/** "08 2024", "thang 7 2023", "thang 9 nam 2025" in the folded tokens, in order. */
function monthYears(tokens: readonly string[]): YearMonth[] {
  const found: YearMonth[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isSmall(t) || isSmall(tokens[i - 1])) continue;
    // "8 – 9/2025": two months sharing one year.
    if (isSmall(tokens[i + 1]) && isYear(tokens[i + 2])) {
      found.push({ year: Number(tokens[i + 2]), month: Number(t) });
      found.push({ year: Number(tokens[i + 2]), month: Number(tokens[i + 1]) });
      i += 2;
      continue;
    }
    const yearToken = tokens[i + 1] === "nam" ? tokens[i + 2] : tokens[i + 1];
    if (!isYear(yearToken)) continue;
    found.push({ year: Number(yearToken), month: Number(t) });
  }
  return found;
}

export function parseTimeframe(input: string): Timeframe {
  const text = squash(input.normalize("NFC"));
  const f = fold(text);
  if (!f) return { kind: "unparseable" };
  // Full dates: ISO "2026-09-01", then "01/9/2025".
  const iso = [...text.matchAll(/(\d{4})-(\d{1,2})-(\d{1,2})/g)];
  if (iso.length > 0) {
    const a = iso[0] as RegExpMatchArray;
    const b = iso[iso.length - 1] as RegExpMatchArray;
    if (month(Number(a[2])) && month(Number(b[2])))
      return range(
        { year: Number(a[1]), month: Number(a[2]) },
        { year: Number(b[1]), month: Number(b[2]) }
      );
  }
  const dates = [...text.matchAll(/(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})/g)];
  if (dates.length > 0) {
    const first = dates[0] as RegExpMatchArray;
    const last = dates[dates.length - 1] as RegExpMatchArray;
    if (month(Number(first[2])) && month(Number(last[2]))) {
      return range(
        { year: Number(first[3]), month: Number(first[2]) },
        { year: Number(last[3]), month: Number(last[2]) }
      );
    }
  }
  // A school year: "năm học 2025-2026", "NH 2023-2024", "năm học 2023-24"; a PDF may break "năm".
  const schoolYear = /(?:^| )(?:n ?a ?m hoc|nh) (\d{4}) (\d{2}|\d{4})(?!\d)/.exec(f);
  const tokens = f.split(" ");
  const withYears = monthYears(tokens);
  if (withYears.length > 0 && withYears.every((m) => month(m.month))) {
    return range(withYears[0] as YearMonth, withYears[withYears.length - 1] as YearMonth);
  }
  const quarter = /quy (i{1,3}|iv|[1-4]) (?:nam )?(\d{4})/.exec(f);
  if (quarter && quarter[1] && quarter[2]) {
    const q = ROMAN[quarter[1]] ?? Number(quarter[1]);
    return range(
      { year: Number(quarter[2]), month: q * 3 - 2 },
      { year: Number(quarter[2]), month: q * 3 }
    );
  }
  if (schoolYear && schoolYear[1] && schoolYear[2]) {
    const start = Number(schoolYear[1]);
    const end =
      schoolYear[2].length === 2
        ? Math.floor(start / 100) * 100 + Number(schoolYear[2])
        : Number(schoolYear[2]);
    if (end === start + 1) return { kind: "school-year", start };
  }
  // Months without a year: "Tháng 6 đến tháng 9 hằng năm", "Từ tháng 9 đến tháng 12", "08 – 11".
  if (/(^|\s)thang(\s|$)/.test(f) || /^\d{1,2}( \d{1,2})?$/.test(f)) {
    const numbers = [...f.matchAll(/(?<!\d)\d{1,2}(?!\d)/g)].map((m) => Number(m[0]));
    if (numbers.length > 0 && numbers.length <= 2 && numbers.every(month)) {
      return range(
        { year: null, month: numbers[0] as number },
        { year: null, month: numbers[numbers.length - 1] as number }
      );
    }
  }
  const year = /^(?:trong |ca |suot |xuyen suot )?nam (\d{4})$/.exec(f);
  if (year) return { kind: "year", year: Number(year[1]) };
  const term = /(?:hoc ky|hk) ?(i{1,2}|[12])\b/.exec(f);
  if (term && term[1])
    return { kind: "term", term: (ROMAN[term[1]] ?? Number(term[1])) === 2 ? 2 : 1 };
  if (
    /thuong xuyen|xuyen suot|hang thang|hang tuan|hang quy|ca nam|hang nam|dinh ky|trong nam hoc|suot nam|lien tuc/.test(
      f
    )
  )
    return { kind: "ongoing" };
  return { kind: "unparseable" };
}

/** The school year (its starting year) a month falls in: September to August. */
export function schoolYearOf(ym: { year: number; month: number }): number {
  return ym.month >= 9 ? ym.year : ym.year - 1;
}

/** Resolves a month written without its year inside a school year (September to August). */
export function resolveMonth(
  ym: YearMonth,
  schoolYearStart: number
): { year: number; month: number } {
  if (ym.year !== null) return { year: ym.year, month: ym.month };
  return { year: ym.month >= 9 ? schoolYearStart : schoolYearStart + 1, month: ym.month };
}
