/**
 * The catalogue: every framework KHCT knows, and lookups over them. Read-only data built from the
 * reference transcription (scripts/build-catalogue.js); see each framework's `gaps`.
 */
import { render, say, type Said } from "../messages";
import type { SchoolLevel } from "../schoolLevel";
import data from "./data/frameworks.json";
import type {
  CatalogueData,
  Criterion,
  Framework,
  Indicator,
  IndicatorChange,
  LevelNumber,
  Standard,
} from "./types";

export const CATALOGUE: CatalogueData = data as unknown as CatalogueData;

/** The 2018 circular of each school level: the framework plans are written under today. */
const DEFAULT_FRAMEWORK: Readonly<Record<SchoolLevel, string>> = {
  "tieu-hoc": "tt17-2018",
  "trung-hoc": "tt18-2018",
  "mam-non": "tt19-2018",
};

export function frameworkById(id: string): Framework | undefined {
  return CATALOGUE.frameworks.find((f) => f.id === id);
}

export function defaultFramework(level: SchoolLevel): Framework {
  const framework = frameworkById(DEFAULT_FRAMEWORK[level]);
  if (!framework) throw new Error(`catalogue: no framework ${DEFAULT_FRAMEWORK[level]}`);
  return framework;
}

export function frameworksForLevel(level: SchoolLevel): Framework[] {
  return CATALOGUE.frameworks.filter((f) => f.schoolLevels.includes(level));
}

/** Frameworks issued by a circular ("17/2018/TT-BGDĐT" or just "17/2018"). */
export function frameworksOfCircular(circular: string): Framework[] {
  const key = circularKey(circular);
  return CATALOGUE.frameworks.filter((f) => circularKey(f.circular) === key);
}

/** "17/2018/TT-BGDĐT", "17/2018/TT-BGD&ĐT", "17/2018" -> "17/2018". */
export function circularKey(circular: string): string {
  const match = /(\d{1,4})\s*\/\s*(\d{4})/.exec(circular);
  return match ? `${Number(match[1])}/${match[2]}` : circular.trim();
}

export function criteria(framework: Framework): Criterion[] {
  return framework.standards.flatMap((s) => s.criteria);
}

export interface CriterionLocation {
  readonly standard: Standard;
  readonly criterion: Criterion;
}

export function findCriterion(framework: Framework, id: string): CriterionLocation | undefined {
  for (const standard of framework.standards) {
    const criterion = standard.criteria.find((c) => c.id === id);
    if (criterion) return { standard, criterion };
  }
  return undefined;
}

export function findStandard(framework: Framework, id: string): Standard | undefined {
  return framework.standards.find((s) => s.id === id);
}

/** The indicators of one level; null when the criterion has no such level. */
export function levelIndicators(
  criterion: Criterion,
  level: LevelNumber
): readonly Indicator[] | null {
  if (level > criterion.maxLevel) return null;
  return criterion.levels[level] ?? null;
}

/**
 * The repeal or suspension that applies to an indicator on a date (ISO, "2025-09-01"); null when
 * none does, or when no date is given (the 2018 text as issued).
 */
export function indicatorChange(
  criterion: Criterion,
  level: LevelNumber,
  key: string | null,
  asOf: string | null
): IndicatorChange | null {
  if (!asOf) return null;
  // The latest change in effect wins (a suspension in 2021, then the repeal in 2025).
  return (
    [...(criterion.changes ?? [])]
      .filter((c) => c.level === level && c.keys.includes(key ?? "") && c.effective <= asOf)
      .sort((a, b) => b.effective.localeCompare(a.effective))[0] ?? null
  );
}

/** Every repeal and suspension recorded for an indicator, oldest first (the catalogue shows them all). */
export function indicatorChanges(
  criterion: Criterion,
  level: LevelNumber,
  key: string | null
): IndicatorChange[] {
  return (criterion.changes ?? [])
    .filter((c) => c.level === level && c.keys.includes(key ?? ""))
    .sort((a, b) => a.effective.localeCompare(b.effective));
}

/** A change as the user reads it: what, from when, by which circular, and how sure the source is. */
export function changeNote(change: IndicatorChange): string {
  return render(changeSaid(change), "vi");
}

/** changeNote as said, for the pane's language. */
export function changeSaid(change: IndicatorChange): Said {
  const [y, m, d] = change.effective.split("-");
  const what = say(change.action === "repealed" ? "change.repealed" : "change.suspended", {
    date: `${d}/${m}/${y}`,
    by: change.by,
  });
  return change.confidence === "high" ? what : say("change.secondary", { what });
}

/** A level's indicators in force on a date: repealed ones left out (suspended ones stay, marked by indicatorChange). */
export function indicatorsInForce(
  criterion: Criterion,
  level: LevelNumber,
  asOf: string | null
): readonly Indicator[] | null {
  const all = levelIndicators(criterion, level);
  if (!all || !asOf) return all;
  return all.filter((i) => indicatorChange(criterion, level, i.key, asOf)?.action !== "repealed");
}

/** The date a plan's changes are judged on: the start of its school year (1 September). */
export function planDate(year: { readonly start: number } | null): string | null {
  return year ? `${year.start}-09-01` : null;
}

export interface LevelRequirement {
  readonly level: LevelNumber;
  readonly indicators: readonly Indicator[];
}

/**
 * What a criterion requires to go from its current level to a target level: the indicators of
 * every level above the current one up to the target. Empty when the target is already met;
 * null when the criterion has no such target level (e.g. Mức 3 for 1.2 in Thông tư 17).
 */
export function indicatorsToReach(
  criterion: Criterion,
  target: LevelNumber,
  current: 0 | LevelNumber = 0,
  asOf: string | null = null
): LevelRequirement[] | null {
  if (target > criterion.maxLevel) return null;
  const out: LevelRequirement[] = [];
  for (let level = current + 1; level <= target; level++) {
    // A level whose every indicator was repealed by `asOf` asks for nothing.
    const indicators = indicatorsInForce(criterion, level as LevelNumber, asOf);
    if (indicators && indicators.length > 0) out.push({ level: level as LevelNumber, indicators });
  }
  return out;
}

export interface FrameworkCounts {
  readonly standards: number;
  readonly criteria: number;
  readonly criteriaPerStandard: Readonly<Record<string, number>>;
  /** How many criteria have each level: Mức 1 and 2 every criterion, Mức 3 fewer. */
  readonly criteriaAtLevel: Readonly<Record<LevelNumber, number>>;
  readonly indicatorsAtLevel: Readonly<Record<LevelNumber, number>>;
  /** Mức 4 criteria; null when the framework has a Mức 4 whose size is not known, 0 when none. */
  readonly level4: number | null;
  readonly mandatory: number;
}

export function counts(framework: Framework): FrameworkCounts {
  const all = criteria(framework);
  const atLevel = (level: LevelNumber) =>
    all.filter((c) => levelIndicators(c, level) !== null).length;
  const indicators = (level: LevelNumber) =>
    all.reduce((n, c) => n + (levelIndicators(c, level)?.length ?? 0), 0);
  return {
    standards: framework.standards.length,
    criteria: all.length,
    criteriaPerStandard: Object.fromEntries(
      framework.standards.map((s) => [s.id, s.criteria.length])
    ),
    criteriaAtLevel: { 1: atLevel(1), 2: atLevel(2), 3: atLevel(3) },
    indicatorsAtLevel: { 1: indicators(1), 2: indicators(2), 3: indicators(3) },
    level4: framework.level4 === null ? 0 : framework.level4.count,
    mandatory: all.filter((c) => c.mandatory).length,
  };
}

/** "Thông tư 17/2018/TT-BGDĐT", the way plans cite it. */
export function circularName(framework: Framework): string {
  return `Thông tư ${framework.circular}`;
}
