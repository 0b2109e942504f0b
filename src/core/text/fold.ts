/**
 * Text folding for matching Vietnamese the way users type it: no diacritics, đ as d, lower case,
 * punctuation as spaces (except the dot of "1.10"), one space between words.
 * "Thư viện" and "thu vien" fold to the same string.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NUMBER_DOT = "\uE000";

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/(\d)\.(?=\d)/g, `$1${NUMBER_DOT}`)
    .replace(/[^\p{L}\p{N}\uE000]+/gu, " ")
    .replace(/\uE000/g, ".")
    .trim();
}

/** Words of a folded text. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(" ") : [];
}

/** Trims list punctuation (";", ".", ",", ":") and spaces at the end, for display and comparison. */
export function stripTrailingPunctuation(text: string): string {
  return text.replace(/[\s;.,:]+$/u, "");
}

/** Collapses runs of white space (including line breaks from table cells) to one space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
