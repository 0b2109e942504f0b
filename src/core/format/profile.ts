/**
 * Format profiles: the look of a plan document as data. The default follows Nghị định
 * 30/2020/NĐ-CP, Phụ lục I (facts in shared/reference/catalogue/references.json): adapters check
 * and apply a profile; nothing here touches a document.
 */
import type { ColumnRole } from "../plan/layouts";

/** A range a value must fall in, and the value KHCT sets when it is outside. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly preferred: number;
}

export interface FormatProfile {
  readonly id: string;
  readonly name: string;
  /** Where the rules come from, shown to the user. */
  readonly source: string;
  readonly font: string;
  readonly paper: { readonly widthMm: number; readonly heightMm: number };
  readonly marginsMm: {
    readonly top: Range;
    readonly bottom: Range;
    readonly left: Range;
    readonly right: Range;
  };
  /** Body text. */
  readonly bodyPt: Range;
  /** Text inside the plan table (the decree sets no size for tables; 12–14 keeps 9 columns readable). */
  readonly tablePt: Range;
  readonly firstLineIndentCm: number;
  readonly paragraphAfterPt: number;
  /** Line spacing as a multiple of single (1–1.5 allowed). */
  readonly lineSpacing: Range;
  /** The pieces of the administrative header and closing, with their sizes. */
  readonly parts: {
    readonly quocHieu: { readonly pt: number; readonly bold: true };
    readonly tieuNgu: { readonly pt: number; readonly bold: true };
    readonly authority: { readonly pt: number; readonly bold: false };
    readonly school: { readonly pt: number; readonly bold: true };
    readonly number: { readonly pt: number };
    readonly dateLine: { readonly pt: number; readonly italic: true };
    readonly title: { readonly pt: number; readonly bold: true };
    readonly noiNhanLabel: { readonly pt: number; readonly bold: true; readonly italic: true };
    readonly noiNhanList: { readonly pt: number };
    readonly signature: { readonly pt: number; readonly bold: true };
  };
  /** Relative widths of plan-table columns by role: text columns wide, TT narrow. */
  readonly columnWeights: Readonly<Partial<Record<ColumnRole, number>>>;
}

export const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";

export const ND30_PROFILE: FormatProfile = {
  id: "nd30-2020",
  name: "Thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
  source: "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, Phụ lục I",
  font: "Times New Roman",
  paper: { widthMm: 210, heightMm: 297 },
  marginsMm: {
    top: { min: 20, max: 25, preferred: 20 },
    bottom: { min: 20, max: 25, preferred: 20 },
    left: { min: 30, max: 35, preferred: 30 },
    right: { min: 15, max: 20, preferred: 15 },
  },
  bodyPt: { min: 13, max: 14, preferred: 14 },
  tablePt: { min: 12, max: 14, preferred: 12 },
  firstLineIndentCm: 1.27,
  paragraphAfterPt: 6,
  lineSpacing: { min: 1, max: 1.5, preferred: 1.15 },
  parts: {
    quocHieu: { pt: 12, bold: true },
    tieuNgu: { pt: 14, bold: true },
    authority: { pt: 12, bold: false },
    school: { pt: 12, bold: true },
    number: { pt: 13 },
    dateLine: { pt: 14, italic: true },
    title: { pt: 14, bold: true },
    noiNhanLabel: { pt: 12, bold: true, italic: true },
    noiNhanList: { pt: 11 },
    signature: { pt: 14, bold: true },
  },
  columnWeights: {
    tt: 6,
    standard: 8,
    criterion: 17,
    level: 6,
    target: 18,
    solution: 20,
    content: 24,
    responsible: 12,
    timeframe: 10,
    budget: 9,
    support: 9,
    note: 7,
    progress: 10,
    result: 14,
    fail: 6,
    pass: 6,
    level1: 6,
    level2: 6,
    level3: 6,
    unmet: 20,
    achieved: 20,
  },
};

/** Column widths for a layout's roles, as fractions of the table width (summing to 1). */
export function columnFractions(
  profile: FormatProfile,
  roles: readonly (ColumnRole | null)[]
): number[] {
  const weights = roles.map((r) => (r ? (profile.columnWeights[r] ?? 10) : 10));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => w / total);
}

/** Is `value` inside the range? (A small tolerance for units converted by the host.) */
export function inRange(range: Range, value: number, tolerance = 0.05): boolean {
  return value >= range.min - tolerance && value <= range.max + tolerance;
}

/** Average width of a character of a serif face, in ems (Times New Roman, Vietnamese text). */
const CHAR_EM = 0.48;
/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/** How many characters of `pt` fit across `mm` millimetres (the cell padding left out). */
export function charsAcross(mm: number, pt: number): number {
  return Math.max(1, (mm * PT_PER_MM - 2 * 5.4) / (pt * CHAR_EM));
}

/** The text width of the page (A4) in mm, portrait or landscape, with the profile's margins. */
export function textWidthMm(profile: FormatProfile, orientation: "portrait" | "landscape"): number {
  const across = orientation === "landscape" ? profile.paper.heightMm : profile.paper.widthMm;
  return across - profile.marginsMm.left.preferred - profile.marginsMm.right.preferred;
}

/** The texts of one column, as the cells hold them (a cell spanning several columns left out). */
export type ColumnTexts = readonly (readonly string[])[];

const longestWord = (text: string) =>
  text.split(/\s+/).reduce((n, w) => Math.max(n, [...w].length), 0);

/**
 * Column widths from what the columns hold, as fractions of the table width: no column narrower
 * than its longest word (a word never breaks in the middle), the rest of the width shared by need
 * (the length of the column's longest texts, the role's weight as a floor), so a notes column full
 * of text gets room and a TT column does not. `fits` is false when the longest words alone do not
 * fit across `tableMm` at `pt` (the table wants a landscape page or a smaller size).
 */
export function contentWidths(
  profile: FormatProfile,
  roles: readonly (ColumnRole | null)[],
  columns: ColumnTexts,
  tableMm: number,
  pt: number
): { widths: number[]; fits: boolean } {
  const across = charsAcross(tableMm, pt);
  const n = roles.length;
  const minimum = Array.from({ length: n }, (_, c) => {
    const words = (columns[c] ?? []).reduce((m, t) => Math.max(m, longestWord(t)), 0);
    return (Math.max(words, 2) + 1) / across;
  });
  // Need: a long cell should wrap into a few lines, not dozens; the 90th percentile of the
  // column's lengths (so one long cell does not take the page), the role's weight as a floor.
  const need = Array.from({ length: n }, (_, c) => {
    const lengths = (columns[c] ?? [])
      .map((t) => [...t.replace(/\s+/g, " ").trim()].length)
      .sort((a, b) => a - b);
    const p90 = lengths.length ? (lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 0) : 0;
    const role = roles[c];
    const weight = role ? (profile.columnWeights[role] ?? 10) : 8;
    return Math.max(Math.sqrt(p90) * 2, weight / 2, 1);
  });
  const minTotal = minimum.reduce((a, b) => a + b, 0);
  if (minTotal >= 1) return { widths: minimum.map((m) => m / minTotal), fits: false };
  // Everyone gets its minimum; the rest is shared by need.
  const spare = 1 - minTotal;
  const needTotal = need.reduce((a, b) => a + b, 0) || 1;
  const widths = minimum.map((m, c) => m + (spare * (need[c] ?? 0)) / needTotal);
  return { widths, fits: true };
}

/** Lines a text takes in a column `chars` characters wide (words never split unless longer). */
export function wrappedLines(text: string, chars: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (line === 0) line = len;
      else if (line + 1 + len <= chars) line += 1 + len;
      else {
        lines++;
        line = len;
      }
      while (line > chars) {
        lines++;
        line -= Math.max(1, Math.floor(chars));
      }
    }
  }
  return lines;
}
