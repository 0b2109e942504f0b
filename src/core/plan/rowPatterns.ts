/**
 * The shapes of rows in plan tables, shared by header recognition (where a header must end) and
 * row reading: section rows ("MỨC 1, 2, 3", "MỨC 4", "ĐG Mức 4", "Tiêu chí Mức 4"), standard rows
 * ("1 | Tiêu chuẩn 1: Tổ chức và quản lý nhà trường") and data rows (criterion references, marks).
 */
import { fold, squash } from "../text/fold";

/** Folded text of a "MỨC 1, 2, 3" section row. */
export const SECTION_LEVELS123 =
  /^(cac tieu chi )?muc (1 2 3|1 2 va 3|1 den 3|i ii iii|1 3|i iii)$/;
/** Folded text of a Mức 4 section row, or of a standard cell that groups the Mức 4 rows. */
export const SECTION_LEVEL4 = /^((dg|danh gia|cac|ke hoach|phan)\s)*(tieu chi )?muc (4|iv)$/;
/** A standard row's text: "Tiêu chuẩn 1: …", "1. Tiêu chuẩn 1 - …" (raw text, squashed). */
export const STANDARD =
  /^\s*(?:\d+\s*[.)]?\s*)?ti[eê]u\s*chu[aẩâ]n\s*(\d{1,2})\s*[:.\-–]?\s*(.*)$/isu;

/** A "MỨC …" section row or a "Tiêu chuẩn n: …" row. */
export function isGroupRowText(text: string): boolean {
  const f = fold(text);
  return SECTION_LEVELS123.test(f) || SECTION_LEVEL4.test(f) || STANDARD.test(squash(text));
}

const REFERENCE = /(?:ti[eêế]u\s*ch[ií]|\btc)\s*\d{1,2}\s*[.,]\s*\d{1,2}/iu;
const BARE_REFERENCE = /^\s*\d{1,2}\s*\.\s*\d{1,2}\s*$/u;
const MARK = /^\s*[xX✓✔√]\s*$/u;

/** A Mức 4 criterion alone in its cell: "Tiêu chí 3", "TC 3". */
const LEVEL4_REFERENCE = /^\s*(?:ti[eêế]u\s*ch[ií]|tc)\s*\d{1,2}\s*$/iu;
/** What KHCT writes for the school to replace: "[Ghi …]". */
const PLACEHOLDER = /^\s*\[Ghi /u;

/**
 * A row of data: a cell names a criterion ("Tiêu chí 1.2", "TC 2.2", "1.1", "Tiêu chí 3"), holds a
 * mark ("x") or one of KHCT's placeholders.
 */
export function looksLikeDataRow(texts: readonly string[]): boolean {
  return texts.some(
    (t) =>
      REFERENCE.test(t) ||
      BARE_REFERENCE.test(t) ||
      MARK.test(t) ||
      LEVEL4_REFERENCE.test(t) ||
      PLACEHOLDER.test(t)
  );
}

/** A cell that names a criterion ("Tiêu chí 1.2", "TC 2.2", "1.1"). */
export function namesCriterion(text: string): boolean {
  return REFERENCE.test(text) || BARE_REFERENCE.test(text);
}
