/**
 * Proposals from the self-assessment: a row for every criterion below the target the school
 * chose (capped at the criterion's own highest level), and for Mức 4 criteria not yet met.
 * The user reviews, edits and unticks them in the pane before anything is written.
 */
import { criteria } from "../catalogue/catalogue";
import type { Framework, LevelNumber } from "../catalogue/types";
import type { SchoolYear } from "../text/schoolYear";
import {
  criterionRowTemplate,
  level4RowTemplate,
  type AssessedLevel,
  type RowTemplate,
} from "./templates";

export interface AssessmentResults {
  /** Criterion id -> the level reached (0 = không đạt). */
  readonly levels: ReadonlyMap<string, AssessedLevel>;
  /** Mức 4 criterion id -> met. */
  readonly level4: ReadonlyMap<string, boolean>;
}

export interface Proposal {
  readonly template: RowTemplate;
  /** The result the proposal starts from; null when the self-assessment does not give one. */
  readonly current: AssessedLevel | null;
  readonly selected: boolean;
}

export interface ProposalOptions {
  readonly target: LevelNumber;
  readonly year: SchoolYear | null;
  /** Per-criterion targets chosen by the user, overriding `target`. */
  readonly targets?: ReadonlyMap<string, LevelNumber>;
  readonly includeLevel4?: boolean;
}

export interface ProposalResult {
  readonly proposals: readonly Proposal[];
  /** Criteria with no result in the self-assessment: nothing proposed, the pane asks. */
  readonly unassessed: readonly string[];
}

export function proposeRows(
  framework: Framework,
  results: AssessmentResults,
  options: ProposalOptions
): ProposalResult {
  const proposals: Proposal[] = [];
  const unassessed: string[] = [];
  for (const criterion of criteria(framework)) {
    const current = results.levels.get(criterion.id);
    if (current === undefined) {
      unassessed.push(criterion.id);
      continue;
    }
    const wanted = options.targets?.get(criterion.id) ?? options.target;
    const target = Math.min(wanted, criterion.maxLevel) as LevelNumber;
    const template = criterionRowTemplate(framework, criterion.id, target, current, options.year);
    if (template) proposals.push({ template, current, selected: true });
  }
  if (options.includeLevel4 && framework.level4) {
    const ids =
      framework.level4.count !== null
        ? framework.level4.criteria.map((c) => c.id)
        : [...results.level4.keys()];
    for (const id of ids) {
      if (results.level4.get(id) === true) continue;
      const template = level4RowTemplate(framework, id, options.year);
      if (template) proposals.push({ template, current: null, selected: true });
    }
  }
  return { proposals, unassessed };
}
