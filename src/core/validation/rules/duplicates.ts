/** Rows repeated in any layout: the same content twice, possibly with small differences, said plainly. */
import { say, told } from "../../messages";
import type { ColumnRole } from "../../plan/layouts";
import type { PlanRow, PlanTable } from "../../plan/rows";
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

/** A row that repeats an earlier one: its twin and the columns in which they differ. */
export interface DuplicatePair {
  readonly row: PlanRow;
  readonly twin: number;
  readonly differ: readonly ColumnRole[];
}

/**
 * The rows of a table that repeat an earlier row's content (possibly with a different person or
 * year). Copies sit next to each other or under the same criterion: each row is compared with the
 * rows just above, with the rows of the same criterion, and with exact copies anywhere, so long
 * tables stay fast.
 */
export function duplicatePairs(table: PlanTable): DuplicatePair[] {
  // Asked by more than one rule for the same table in one check: computed once.
  const known = computed.get(table);
  if (known) return known;
  const pairs = findPairs(table);
  computed.set(table, pairs);
  return pairs;
}

const computed = new WeakMap<PlanTable, DuplicatePair[]>();

function findPairs(table: PlanTable): DuplicatePair[] {
  type Seen = {
    index: number;
    words: Set<string>;
    cells: Partial<Record<ColumnRole, string>>;
    criterion: string;
  };
  const pairs: DuplicatePair[] = [];
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
      if (row.cells[role] && !row.cells[role]?.covered) cells[role] = row.cells[role]?.text ?? "";
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
      pairs.push({ row, twin: twin.index, differ });
      continue;
    }
    const entry = { index: row.index, words: w, cells, criterion };
    seen.push(entry);
    exact.set(folded, entry);
    if (criterion) byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), entry]);
  }
  return pairs;
}

/** Rows counted as content: what a copy could be a copy of. */
function contentRows(table: PlanTable): number {
  return table.rows.filter(
    (r) => r.kind !== "section" && r.kind !== "standard" && r.kind !== "empty"
  ).length;
}

export const duplicateRows: Rule = {
  id: "duplicate-row",
  area: "structure",
  description:
    "Hai dòng có cùng nội dung (có thể khác người phụ trách hay năm): nói rõ khác ở đâu; nhiều dòng lặp trong một bảng là một mục.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      const pairs = duplicatePairs(table);
      const name = (role: ColumnRole) =>
        `“${table.header.layout.columns.find((c) => c.role === role)?.header ?? role}”`;
      if (pairs.length >= 3) {
        // One cause, one finding: the whole table pasted twice, or many repeated rows.
        const content = contentRows(table);
        const whole = pairs.length * 2 >= content * 0.8;
        const examples = pairs
          .slice(0, 6)
          .map((p) => say("row.copy", { row: p.row.index + 1, twin: p.twin + 1 }));
        const more = pairs.length > 6 ? ", …" : "";
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told(whole ? "duplicate-row.whole" : "duplicate-row.many", {
            count: pairs.length,
            list: examples,
            more,
          }),
          location: { table: key, row: (pairs[0] as DuplicatePair).row.index },
          related: pairs.map((p) => ({ table: key, row: p.row.index })),
        });
        continue;
      }
      for (const { row, twin, differ } of pairs) {
        const names = differ.map(name);
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told(names.length ? "duplicate-row.differs" : "duplicate-row.same", {
            row: row.index + 1,
            twin: twin + 1,
            ...(names.length ? { columns: names.join(", ") } : {}),
          }),
          location: { table: key, row: row.index },
          ...(row.ref ? { criterion: row.ref.ref.id } : {}),
        });
      }
    }
    return findings;
  },
};
