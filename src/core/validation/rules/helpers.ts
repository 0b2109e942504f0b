import type { Framework } from "../../catalogue/types";
import { CATALOGUE } from "../../catalogue/catalogue";
import type { PlanRow, PlanTable } from "../../plan/rows";
import type { AnalysedTable } from "../../plan/session";
import { fold, stripTrailingPunctuation } from "../../text/fold";
import type { SchoolLevel } from "../../schoolLevel";
import type { CheckContext } from "../types";

export interface PlanTableOf {
  readonly key: string;
  readonly table: PlanTable;
}

/** The plan tables (not the self-assessment ones) that were recognised. */
export function planTables(context: CheckContext): PlanTableOf[] {
  return context.tables
    .filter((t: AnalysedTable) => t.kind === "plan" && t.table !== null)
    .map((t) => ({ key: t.key, table: t.table as PlanTable }));
}

/** Titles compared the way people read them: no case, accents kept apart, no trailing punctuation. */
export function sameTitle(a: string, b: string): boolean {
  return fold(stripTrailingPunctuation(a)) === fold(stripTrailingPunctuation(b));
}

/** Another school level's framework whose standard (or criterion) has this title. */
/** The other school levels whose circular gives this title to this standard or criterion. */
export function levelsOfTitle(
  framework: Framework,
  kind: "standard" | "criterion",
  id: string,
  title: string
): readonly SchoolLevel[] | null {
  for (const other of CATALOGUE.frameworks) {
    if (other.id === framework.id || other.levelCount !== framework.levelCount) continue;
    const found =
      kind === "standard"
        ? other.standards.find((s) => s.id === id)?.title
        : other.standards.flatMap((s) => s.criteria).find((c) => c.id === id)?.title;
    if (
      found &&
      sameTitle(found, title) &&
      !other.schoolLevels.some((l) => framework.schoolLevels.includes(l))
    ) {
      return other.schoolLevels;
    }
  }
  return null;
}

export const criterionRows = (table: PlanTable): PlanRow[] =>
  table.rows.filter((r) => r.kind === "criterion");
