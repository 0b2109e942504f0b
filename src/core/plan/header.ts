/**
 * Header recognition: which layout an existing table follows and which column holds what.
 * Tolerant of line breaks inside headers, case, diacritics, spacing, a header spread over two
 * rows (a merged "Kết quả" over "Không đạt | Đạt | Mức 1 …"), and column order.
 */
import { fold } from "../text/fold";
import { LAYOUTS, type ColumnRole, type Layout } from "./layouts";
import type { TableGrid } from "./table";

export interface HeaderMatch {
  readonly layout: Layout;
  /** Index of the first header row, and how many rows the header has. */
  readonly headerStart: number;
  readonly headerRows: number;
  /** Where each recognised role is. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  /** Columns that match no role of the layout (kept as they are). */
  readonly unmatched: readonly number[];
}

export type HeaderResult =
  | { readonly ok: true; readonly match: HeaderMatch }
  | { readonly ok: false; readonly reason: string };

/**
 * The folded header text of each column over rows [start, start + rows). Merged header cells count
 * for every column they cover. `folded` caches each cell's folded text across calls.
 */
export function headerTexts(
  grid: TableGrid,
  start: number,
  rows: number,
  folded: Map<string, string> = new Map()
): string[] {
  return Array.from({ length: grid.colCount }, (_, c) => {
    const parts: string[] = [];
    let lastOrigin = "";
    for (let r = start; r < start + rows; r++) {
      const cell = grid.cells[r]?.[c];
      if (!cell) continue;
      const originKey = `${cell.origin.row}:${cell.origin.col}`;
      if (originKey === lastOrigin) continue;
      lastOrigin = originKey;
      let text = folded.get(originKey);
      if (text === undefined) {
        text = fold(grid.cells[cell.origin.row]?.[cell.origin.col]?.text ?? "");
        folded.set(originKey, text);
      }
      // Folding the parts one by one equals folding them joined by a space.
      if (text) parts.push(text);
    }
    return parts.join(" ");
  });
}

interface Candidate {
  readonly match: HeaderMatch;
  readonly complete: boolean;
  readonly matched: number;
  readonly missing: readonly string[];
}

function longestMatch(text: string, patterns: readonly RegExp[]): number {
  let best = 0;
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) best = Math.max(best, m[0].length);
  }
  return best;
}

function tryLayout(
  layout: Layout,
  texts: readonly string[],
  headerStart: number,
  headerRows: number
): Candidate {
  // Each column takes the most specific role that matches it (the longest match wins).
  const taken = new Map<ColumnRole, { col: number; strength: number }>();
  texts.forEach((text, colIndex) => {
    if (!text) return;
    let best: { role: ColumnRole; strength: number } | null = null;
    for (const column of layout.columns) {
      const strength = longestMatch(text, column.variants);
      if (strength > 0 && (!best || strength > best.strength))
        best = { role: column.role, strength };
    }
    if (!best) return;
    const previous = taken.get(best.role);
    if (!previous || best.strength > previous.strength)
      taken.set(best.role, { col: colIndex, strength: best.strength });
  });
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, { col }] of taken) columns[role] = col;
  const mapped = new Set(Object.values(columns));
  const unmatched = texts.map((_, i) => i).filter((i) => !mapped.has(i));
  const missing = layout.columns
    .filter((c) => c.required && columns[c.role] === undefined)
    .map((c) => c.header);
  return {
    match: { layout, headerStart, headerRows, columns, unmatched },
    complete: missing.length === 0,
    matched: taken.size,
    missing,
  };
}

function better(a: Candidate, b: Candidate | null): boolean {
  if (!b) return true;
  if (a.complete !== b.complete) return a.complete;
  if (a.matched !== b.matched) return a.matched > b.matched;
  return a.match.unmatched.length < b.match.unmatched.length;
}

/** Recognises the header in the first rows of a table. */
export function recognizeHeader(
  grid: TableGrid,
  layouts: readonly Layout[] = LAYOUTS
): HeaderResult {
  if (grid.rowCount === 0 || grid.colCount === 0) return { ok: false, reason: "Bảng trống." };
  let best: Candidate | null = null;
  const folded = new Map<string, string>();
  for (let start = 0; start < Math.min(3, grid.rowCount); start++) {
    for (const rows of [1, 2]) {
      if (start + rows > grid.rowCount) continue;
      const texts = headerTexts(grid, start, rows, folded);
      for (const layout of layouts) {
        const candidate = tryLayout(layout, texts, start, rows);
        if (better(candidate, best)) best = candidate;
      }
    }
  }
  if (best && best.complete) return { ok: true, match: best.match };
  if (!best || best.matched < 2) {
    return {
      ok: false,
      reason:
        "Không nhận ra tiêu đề cột của bảng: đây không giống bảng kế hoạch cải tiến hay bảng kết quả tự đánh giá.",
    };
  }
  return {
    ok: false,
    reason: `Bảng giống “${best.match.layout.name}” nhưng thiếu cột: ${best.missing.map((h) => `“${h}”`).join(", ")}.`,
  };
}
