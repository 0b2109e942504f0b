/**
 * Row templates: the correct row for a criterion and a target level. "Kết quả cần đạt" is drawn
 * from the circular's indicators of the levels still to reach; what only the school can write
 * (solution, people, budget) is a visible placeholder, never invented content.
 */
import { findCriterion, indicatorsToReach, planDate } from "../catalogue/catalogue";
import type { Framework, LevelNumber } from "../catalogue/types";
import { stripTrailingPunctuation } from "../text/fold";
import type { SchoolYear } from "../text/schoolYear";
import type { ColumnRole } from "./layouts";

export const PLACEHOLDERS = {
  solution: "[Ghi công việc, giải pháp cụ thể]",
  responsible: "[Ghi người chủ trì, người phối hợp]",
  budget: "[Ghi kinh phí hoặc “Không”]",
  timeframe: "[Ghi thời gian thực hiện]",
} as const;

/** True for text KHCT put as a placeholder (the school has not written the cell yet). */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  return Object.values(PLACEHOLDERS).some((p) => p === t);
}

/**
 * Text KHCT writes where the school has not written yet: a placeholder, or the Mức 4 target line
 * used when the criterion's text is a gap in the catalogue.
 */
export function isTemplateFiller(text: string): boolean {
  const t = text.trim();
  // "[Ghi …]": what KHCT writes where the school writes (the plan forms' rows to fill included).
  return (
    isPlaceholder(t) ||
    /^\[(Ghi|Số|Mã) [^\]]*\]$/u.test(t) ||
    /^Đạt tiêu chí \d+ Mức 4\.?$/u.test(t)
  );
}

/** Current result of a criterion: 0 = không đạt, 1–3 = the level reached. */
export type AssessedLevel = 0 | LevelNumber;

export interface RowTemplate {
  readonly kind: "criterion" | "level4";
  /** "1.2", or "3" for the Mức 4 criterion 3. */
  readonly id: string;
  /** The standard the row stands under (criterion rows). */
  readonly standardId?: string;
  readonly target: LevelNumber | 4;
  readonly values: Readonly<Partial<Record<ColumnRole, string>>>;
}

/** The plan's school year; without one, a placeholder (never a time without its year). */
export function defaultTimeframe(year: SchoolYear | null): string {
  return year ? `Trong năm học ${year.text}` : PLACEHOLDERS.timeframe;
}

/** "Đạt Mức 2: a) …; b) …" — one line per level still to reach (null: no such criterion or level). */
export function targetText(
  framework: Framework,
  id: string,
  target: LevelNumber,
  current: AssessedLevel,
  asOf: string | null
): string | null {
  const found = findCriterion(framework, id);
  if (!found) return null;
  const needed = indicatorsToReach(found.criterion, target, current, asOf);
  if (needed === null) return null;
  return needed
    .map(({ level, indicators }) => {
      const parts = indicators.map(
        (i) => `${i.key ? `${i.key}) ` : ""}${stripTrailingPunctuation(i.text)}`
      );
      return `Đạt Mức ${level}: ${parts.join("; ")}.`;
    })
    .join("\n");
}

/**
 * The row for a criterion to raise from `current` to `target`; null when the criterion does not
 * exist in the framework, has no such level, or is already at the target.
 */
export function criterionRowTemplate(
  framework: Framework,
  id: string,
  target: LevelNumber,
  current: AssessedLevel,
  year: SchoolYear | null
): RowTemplate | null {
  const found = findCriterion(framework, id);
  if (!found || target > found.criterion.maxLevel || current >= target) return null;
  // Indicators repealed by the plan's school year (TT22/2024 from 25/01/2025) are not aimed at; a
  // criterion whose remaining levels were all repealed gets no row.
  const asOf = planDate(year);
  const needed = indicatorsToReach(found.criterion, target, current, asOf);
  if (!needed || needed.length === 0) return null;
  const label = `Tiêu chí ${id}`;
  const achieve = targetText(framework, id, target, current, asOf) ?? "";
  return {
    kind: "criterion",
    id,
    standardId: found.standard.id,
    target,
    values: {
      criterion: label,
      level: `Mức ${target}`,
      target: achieve,
      solution: PLACEHOLDERS.solution,
      content: PLACEHOLDERS.solution,
      responsible: PLACEHOLDERS.responsible,
      timeframe: defaultTimeframe(year),
      budget: PLACEHOLDERS.budget,
      standard: found.standard.id,
    },
  };
}

/** A Mức 4 row; the criterion's own text is used only where the catalogue has it. */
export function level4RowTemplate(
  framework: Framework,
  id: string,
  year: SchoolYear | null
): RowTemplate | null {
  const level4 = framework.level4;
  if (!level4) return null;
  if (level4.count !== null && !level4.criteria.some((c) => c.id === id)) return null;
  const text = level4.criteria.find((c) => c.id === id)?.text;
  return {
    kind: "level4",
    id,
    target: 4,
    values: {
      criterion: `Tiêu chí ${id}`,
      level: "Mức 4",
      target: text
        ? `Đạt tiêu chí ${id} Mức 4: ${stripTrailingPunctuation(text)}.`
        : `Đạt tiêu chí ${id} Mức 4.`,
      solution: PLACEHOLDERS.solution,
      content: PLACEHOLDERS.solution,
      responsible: PLACEHOLDERS.responsible,
      timeframe: defaultTimeframe(year),
      budget: PLACEHOLDERS.budget,
    },
  };
}
