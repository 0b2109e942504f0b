/**
 * Reading the self-assessment results tables: an "x" marks each criterion's result
 * (Không đạt | Đạt | Mức 1 | Mức 2 | Mức 3), and Mức 4 criteria are "Đạt" or "Không đạt".
 */
import type { LevelNumber } from "../catalogue/types";
import type { ColumnRole } from "./layouts";
import type { AssessmentResults } from "./proposal";
import type { PlanTable } from "./rows";
import type { AssessedLevel } from "./templates";
import { fold } from "../text/fold";

const MARK = /^[xXvV✓✔√+]$/u;
const RESULT_ROLES: readonly ColumnRole[] = ["fail", "pass", "level1", "level2", "level3"];

export interface AssessedRow {
  readonly row: number;
  readonly id: string;
  readonly kind: "criterion" | "level4";
  /** The result columns that carry a mark (validation reports none, or more than one). */
  readonly marked: readonly ColumnRole[];
  /** The level the marks give: the highest level marked, "Đạt" alone as Mức 1, "Không đạt" as 0. */
  readonly level: AssessedLevel | null;
}

export function isMark(text: string): boolean {
  return MARK.test(text.trim());
}

/** What a school may write in a result column instead of "x": the column's own words. */
const COLUMN_WORDS: Readonly<Partial<Record<ColumnRole, RegExp>>> = {
  fail: /^(khong|chua) dat$/,
  pass: /^dat$/,
  level1: /^(dat )?muc (1|i)$/,
  level2: /^(dat )?muc (2|ii)$/,
  level3: /^(dat )?muc (3|iii)$/,
};

/** A cell marks its column: "x", "✓", or the column's own words ("Đạt" under Đạt, "Mức 2" under Mức 2). */
function marks(role: ColumnRole, text: string): boolean {
  if (isMark(text)) return true;
  const words = COLUMN_WORDS[role];
  const f = fold(text);
  return Boolean(words?.test(f)) || (role !== "fail" && role !== "pass" && f === "dat");
}

function levelOf(marked: readonly ColumnRole[]): AssessedLevel | null {
  for (const [role, level] of [
    ["level3", 3],
    ["level2", 2],
    ["level1", 1],
    ["pass", 1],
  ] as const) {
    if (marked.includes(role)) return level as LevelNumber;
  }
  return marked.includes("fail") ? 0 : null;
}

export function readAssessment(table: PlanTable): {
  results: AssessmentResults;
  rows: AssessedRow[];
} {
  const levels = new Map<string, AssessedLevel>();
  const level4 = new Map<string, boolean>();
  const rows: AssessedRow[] = [];
  for (const row of table.rows) {
    if ((row.kind !== "criterion" && row.kind !== "level4") || !row.ref) continue;
    const marked = RESULT_ROLES.filter((role) => {
      const cell = row.cells[role];
      return cell !== undefined && !cell.covered && marks(role, cell.text);
    });
    const level = levelOf(marked);
    const kind = row.kind;
    rows.push({ row: row.index, id: row.ref.ref.id, kind, marked, level });
    if (kind === "level4") {
      if (marked.includes("pass") || marked.includes("fail"))
        level4.set(row.ref.ref.id, marked.includes("pass"));
    } else if (level !== null) {
      levels.set(row.ref.ref.id, level);
    }
  }
  return { results: { levels, level4 }, rows };
}
