/**
 * School years as plans write them: "2025-2026", "2025 - 2026", "2025– 2026", "2025/2026".
 * A school year runs from September of its first year to the end of May of the second.
 */
export interface SchoolYear {
  readonly start: number;
  readonly end: number;
  /** The canonical form, "2025-2026". */
  readonly text: string;
}

export interface SchoolYearMention {
  /** As written in the document. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** false for "2017-1018" or "2024-2026": not two consecutive years. */
  readonly consecutive: boolean;
  readonly index: number;
}

// Any hyphen or dash Word writes: "-", the non-breaking hyphen (U+2011), en and em dashes, a slash.
const YEAR_RANGE = /\b((?:19|20|10)\d{2})\s*[-\u2010-\u2015/]\s*((?:19|20|10)\d{2})\b/g;

/** Every "yyyy-yyyy" range in a text, including impossible ones (they are what validation reports). */
export function findYearRanges(text: string): SchoolYearMention[] {
  const out: SchoolYearMention[] = [];
  for (const match of text.matchAll(YEAR_RANGE)) {
    const start = Number(match[1]);
    const end = Number(match[2]);
    out.push({
      raw: match[0],
      start,
      end,
      consecutive: end === start + 1,
      index: match.index ?? 0,
    });
  }
  return out;
}

/** Parses one school year; null when the text is not exactly a consecutive "yyyy-yyyy". */
export function parseSchoolYear(text: string): SchoolYear | null {
  const ranges = findYearRanges(text);
  const first = ranges[0];
  if (ranges.length !== 1 || !first || !first.consecutive) return null;
  return schoolYear(first.start);
}

export function schoolYear(start: number): SchoolYear {
  return { start, end: start + 1, text: `${start}-${start + 1}` };
}
