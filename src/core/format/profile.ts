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
