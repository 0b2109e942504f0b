/**
 * Text normalisations that keep the words: only spacing, the form of criterion labels and of year
 * ranges, and the capital of a "Tiêu chí" label. Each is shown in the preview with its reason and
 * applied only to a cell that still holds what was read.
 */
import type { AnalysedTable } from "../plan/session";
import type { CellFix } from "../validation/types";

export type NormalizationKind = "label" | "year-range" | "spaces" | "label-capital";

export interface Normalization extends CellFix {
  readonly kinds: readonly NormalizationKind[];
}

/** The normalised text and what changed; the same text when nothing applies. */
export function normalizeText(text: string): { text: string; kinds: NormalizationKind[] } {
  const kinds: NormalizationKind[] = [];
  let out = text;
  const step = (kind: NormalizationKind, next: string) => {
    if (next !== out) {
      kinds.push(kind);
      out = next;
    }
  };
  // "Tiêu chí 2. 2", "Tiêu chí 2 .2", "tiêu chí 2 . 10" — a label, not a sentence ending in a number.
  step(
    "label",
    out
      .replace(/(Tiêu chí|TIÊU CHÍ|tiêu chí)\s+(\d{1,2})\s*\.\s+(\d{1,2})(?!\d)/gu, "$1 $2.$3")
      .replace(/(Tiêu chí|TIÊU CHÍ|tiêu chí)\s+(\d{1,2})\s+\.(\d{1,2})(?!\d)/gu, "$1 $2.$3")
  );
  // Year ranges of school years: "2025 - 2026", "2025- 2026", "2025 –2026", "2025—2026".
  step(
    "year-range",
    out.replace(/\b(20\d\d)\s*[-–—]\s*(20\d\d)\b/g, (m, a: string, b: string) =>
      Number(b) === Number(a) + 1 ? `${a}-${b}` : m
    )
  );
  step(
    "spaces",
    out
      .split("\n")
      .map((line) => line.replace(/(\S) {2,}(?=\S)/g, "$1 ").replace(/[ \t]+$/g, ""))
      .join("\n")
  );
  step(
    "label-capital",
    out.replace(/^(tiêu chí|tiêu chuẩn)(?= \d)/u, (m) => m[0]!.toUpperCase() + m.slice(1))
  );
  return { text: out, kinds };
}

/** The normalisations of every cell of the plan tables (origin cells only). */
export function normalizations(tables: readonly AnalysedTable[]): Normalization[] {
  const out: Normalization[] = [];
  for (const table of tables) {
    if (table.kind !== "plan" && table.kind !== "assessment") continue;
    table.grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.origin.row !== r || cell.origin.col !== c || !cell.text) return;
        const { text, kinds } = normalizeText(cell.text);
        if (kinds.length === 0) return;
        out.push({ table: table.key, row: r, col: c, expected: cell.text, text, kinds });
      })
    );
  }
  return out;
}
