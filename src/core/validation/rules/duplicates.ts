/** Rows repeated in any layout: the same content twice, possibly with small differences, said plainly. */
import type { ColumnRole } from "../../plan/layouts";
import { isTemplateFiller } from "../../plan/templates";
import { fold } from "../../text/fold";
import type { Finding, Rule } from "../types";
import { planTables } from "./helpers";

const CONTENT: readonly ColumnRole[] = ["solution", "content", "target"];
const OTHERS: readonly ColumnRole[] = [
  "criterion",
  "responsible",
  "timeframe",
  "budget",
  "progress",
  "result",
  "note",
];

function words(folded: string): Set<string> {
  return new Set(folded.split(" ").filter((w) => w.length > 1));
}

function similarity(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.max(1, a.size + b.size - common);
}

export const duplicateRows: Rule = {
  id: "duplicate-row",
  area: "structure",
  description:
    "Hai dòng có cùng nội dung (có thể khác người phụ trách hay năm): nói rõ khác ở đâu.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      // Copies sit next to each other or under the same criterion: compare with the rows just above
      // and with the rows of the same criterion (and exact copies anywhere), so long tables stay fast.
      type Seen = {
        index: number;
        words: Set<string>;
        cells: Partial<Record<ColumnRole, string>>;
        criterion: string;
      };
      const seen: Seen[] = [];
      const exact = new Map<string, Seen>();
      const byCriterion = new Map<string, Seen[]>();
      for (const row of table.rows) {
        if (row.kind === "section" || row.kind === "standard" || row.kind === "empty") continue;
        // What KHCT wrote as a placeholder is not the school's content: rows of placeholders are not copies.
        const content = CONTENT.map((role) => row.cells[role]?.text ?? "")
          .filter((t) => !isTemplateFiller(t))
          .join(" ");
        const folded = fold(content);
        const w = words(folded);
        if (w.size < 4) continue;
        const cells: Partial<Record<ColumnRole, string>> = {};
        for (const role of OTHERS)
          if (row.cells[role] && !row.cells[role]?.covered)
            cells[role] = row.cells[role]?.text ?? "";
        const criterion = row.ref?.ref.id ?? "";
        const near = [...seen.slice(-8), ...(criterion ? (byCriterion.get(criterion) ?? []) : [])];
        const twin = exact.get(folded) ?? near.find((s) => similarity(s.words, w) >= 0.85);
        if (twin) {
          const differ = OTHERS.filter(
            (role) =>
              role in cells &&
              role in twin.cells &&
              fold(cells[role] ?? "") !== fold(twin.cells[role] ?? "")
          );
          const names = differ.map(
            (role) =>
              `“${table.header.layout.columns.find((c) => c.role === role)?.header ?? role}”`
          );
          findings.push({
            rule: this.id,
            severity: "warning",
            message: `Hàng ${row.index + 1} lặp lại nội dung hàng ${twin.index + 1}${names.length ? `, chỉ khác ở ${names.join(", ")}` : " (giống hệt)"}.`,
            location: { table: key, row: row.index },
            ...(row.ref ? { criterion: row.ref.ref.id } : {}),
          });
          continue;
        }
        const entry = { index: row.index, words: w, cells, criterion };
        seen.push(entry);
        exact.set(folded, entry);
        if (criterion) byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), entry]);
      }
    }
    return findings;
  },
};
