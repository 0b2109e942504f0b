/**
 * The level a school reaches from its criteria's results, by the rule of its framework
 * (reference/catalogue: `rating` of TT17/18/19, `ratingReported` of TT57):
 * - Thông tư 17/18/19/2018 (khoản 4 Điều 2, khoản 2 Điều 6): a criterion is met at a level when all
 *   its indicators are; levels are cumulative; the school is at Mức n when every criterion meets
 *   Mức 1..n (a criterion without Mức 3 counts at its highest level); Mức 4 = Mức 3 and every item
 *   of Điều 22.
 * - Thông tư 57/2026 (khoản 3 Điều 5, as apps print it — not read in the circular): Mức n when the
 *   8 mandatory criteria are all at Mức n and at least 5 of the other 7 are; for Mức 2 also none
 *   below Mức 1.
 */
import { render, say, type Said } from "../messages";
import { changeSaid, criteria, indicatorChange, levelIndicators } from "./catalogue";
import type { Criterion, Framework, LevelNumber } from "./types";

export type ResultLevel = 0 | 1 | 2 | 3;

export interface Rating {
  /** The level reached (0: not even Mức 1); null when results are missing for some criterion. */
  readonly level: 0 | 1 | 2 | 3 | 4 | null;
  /** Criteria without a result (the rating cannot be known). */
  readonly missing: readonly string[];
  /** Why the next level is not reached, in Vietnamese (empty at the top). */
  readonly short: string;
  /** The rule applied, in Vietnamese, with its standing (reported for TT57). */
  readonly rule: string;
  /**
   * Levels of criteria no longer counted on the date rated (every indicator of the level repealed
   * or suspended — Thông tư 22/2024's repeals from 25/01/2025), as sentences for messages.
   */
  readonly notCounted: readonly string[];
  /** short, rule and notCounted as said, for the pane's language. */
  readonly said: {
    readonly short: Said | null;
    readonly rule: Said;
    readonly notCounted: readonly Said[];
  };
}

/**
 * The level a criterion must reach for the school to be at Mức n: n, capped at the criterion's
 * highest level, lowered past any level none of whose indicators counts on `asOf` (a repealed or
 * suspended indicator is not a basis for the rating). Mức 1 always counts.
 */
export function requiredLevel(
  criterion: Criterion,
  n: LevelNumber,
  asOf: string | null
): LevelNumber {
  let level = Math.min(n, criterion.maxLevel) as LevelNumber;
  while (level > 1 && !counts(criterion, level, asOf)) level = (level - 1) as LevelNumber;
  return level;
}

/** Whether some indicator of the level counts on `asOf`. */
function counts(criterion: Criterion, level: LevelNumber, asOf: string | null): boolean {
  const all = levelIndicators(criterion, level) ?? [];
  return all.length === 0 || all.some((i) => !indicatorChange(criterion, level, i.key, asOf));
}

/** The criteria's levels that do not count on `asOf`, with why (one sentence each). */
function uncounted(framework: Framework, asOf: string | null): Said[] {
  const out: Said[] = [];
  for (const criterion of criteria(framework))
    for (const level of [2, 3] as const) {
      if (level > criterion.maxLevel || counts(criterion, level, asOf)) continue;
      const all = levelIndicators(criterion, level) ?? [];
      const change = indicatorChange(criterion, level, all[0]?.key ?? null, asOf);
      if (change)
        out.push(
          say("rating.not-counted", { id: criterion.id, level, change: changeSaid(change) })
        );
    }
  return out;
}

const isTt57 = (framework: Framework) => framework.circular.startsWith("57/2026");

/** The rule of a framework as said in messages. */
export function ratingRuleSaid(framework: Framework): Said {
  return isTt57(framework)
    ? say("rating.rule.tt57")
    : say("rating.rule.2018", { circular: framework.circular });
}

/**
 * The school's level from each criterion's level (0 = not met) and, for Mức 4, each Mức 4
 * criterion's result ("1".."n" → met).
 */
export function rateSchool(
  framework: Framework,
  levels: ReadonlyMap<string, ResultLevel>,
  level4: ReadonlyMap<string, boolean> = new Map(),
  /** The date rated (ISO; a plan's: the start of its school year): repeals in force then apply. */
  asOf: string | null = null
): Rating {
  const all = criteria(framework);
  const missing = all.filter((c) => !levels.has(c.id)).map((c) => c.id);
  const ruleSaid = ratingRuleSaid(framework);
  const notCountedSaid = uncounted(framework, asOf);
  const rated = (level: Rating["level"], short: Said | null): Rating => ({
    level,
    missing,
    short: short ? render(short, "vi") : "",
    rule: render(ruleSaid, "vi"),
    notCounted: notCountedSaid.map((s) => render(s, "vi")),
    said: { short, rule: ruleSaid, notCounted: notCountedSaid },
  });
  if (missing.length > 0) return rated(null, null);
  const at = (id: string) => levels.get(id) ?? 0;
  const reaches = (n: 1 | 2 | 3): Said | null => {
    if (isTt57(framework)) {
      const mandatory = all.filter((c) => c.mandatory);
      const others = all.filter((c) => !c.mandatory);
      const mandatoryShort = mandatory.filter((c) => at(c.id) < n).map((c) => c.id);
      if (mandatoryShort.length > 0)
        return say("rating.short.mandatory", { ids: mandatoryShort.join(", "), n });
      const othersAt = others.filter((c) => at(c.id) >= n).length;
      if (othersAt < 5) return say("rating.short.others", { at: othersAt, of: others.length, n });
      const below = n >= 2 ? all.filter((c) => at(c.id) < 1).map((c) => c.id) : [];
      if (below.length > 0) return say("rating.short.below", { ids: below.join(", "), n: 1 });
      return null;
    }
    const short = all.filter((c) => at(c.id) < requiredLevel(c, n, asOf)).map((c) => c.id);
    return short.length > 0 ? say("rating.short.below", { ids: short.join(", "), n }) : null;
  };
  let level: 0 | 1 | 2 | 3 | 4 = 0;
  let short: Said | null = null;
  for (const n of [1, 2, 3] as const) {
    if (n > framework.levelCount) break;
    const why = reaches(n);
    if (why) {
      short = why;
      break;
    }
    level = n;
  }
  if (level === 3 && framework.level4 && framework.level4.count !== null) {
    const count = framework.level4.count;
    const met = [...level4.values()].filter(Boolean).length;
    if (level4.size >= count && met >= count) level = 4;
    else if (level4.size > 0) short = say("rating.short.level4", { met, of: count });
  }
  return rated(level, short);
}
