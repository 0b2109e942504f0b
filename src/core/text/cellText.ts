/**
 * Cell texts compared the way hosts report them: Word ends a cell's paragraphs with "\r" and
 * may add an empty last paragraph; trailing blanks at the end of a line are not content.
 */
export function normaliseCell(text: string): string {
  return text
    .replace(/\r\n?|\v/g, "\n")
    .replace(/[ \t\u00a0]+$/gm, "")
    .replace(/\n+$/, "");
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return normaliseCell(a ?? "") === normaliseCell(b ?? "");
}

/** Two rows hold the same texts, position by position (a missing cell counts as empty). */
export function sameRow(a: readonly string[], b: readonly string[]): boolean {
  const width = Math.max(a.length, b.length);
  for (let c = 0; c < width; c++) if (!sameText(a[c], b[c])) return false;
  return true;
}

/**
 * What names a row — its first two cells (TT, criterion) — as one key: enough to tell whether a
 * table's rows were inserted, removed or moved since it was read.
 */
export function rowNameKey(cells: readonly string[]): string {
  return JSON.stringify(cells.slice(0, 2).map(normaliseCell));
}
