/**
 * Which framework a plan is written under: the one the user chose, else the one the plan cites
 * for its school level, else the 2018 circular of the level. The choice comes with notes the pane
 * shows (a successor is cited, the cited circular does not fit the level, the text is unverified).
 */
import { levelName, say, told, type MessageId, type Param, type Said } from "../messages";
import type { SchoolLevel } from "../schoolLevel";
import type { SchoolYear } from "../text/schoolYear";
import { circularKey, defaultFramework, frameworkById, frameworksOfCircular } from "./catalogue";
import type { Framework } from "./types";

/** "form": the document has Thông tư 57/2026's plan form; "date": its school year is 2026-2027 or later. */
export type ChoiceReason = "user" | "cited" | "default" | "form" | "date";

export interface FrameworkNote {
  readonly code:
    | "circular-level-mismatch"
    | "successor"
    | "unverified"
    | "user-framework-level-mismatch"
    | "successor-chosen";
  /** Vietnamese; `said`: the same for the pane's language. */
  readonly message: string;
  readonly said: Said;
}

function note(
  code: FrameworkNote["code"],
  id: MessageId,
  params: Readonly<Record<string, Param>>
): FrameworkNote {
  return { code, ...told(id, params) };
}

const circular = (framework: Framework) => say("circular", { number: framework.circular });

export interface FrameworkChoice {
  readonly framework: Framework;
  readonly reason: ChoiceReason;
  readonly notes: readonly FrameworkNote[];
  /**
   * The framework offered second when the choice is a guess between two (a plan of 2026-2027 or
   * later citing none: the successor first, the level's 2018 circular second); null otherwise.
   */
  readonly alternative: Framework | null;
}

export interface ChoiceInput {
  readonly level: SchoolLevel;
  /** Circulars the plan cites, e.g. ["17/2018/TT-BGDĐT", "22/2024/TT-BGDĐT"]. */
  readonly citedCirculars?: readonly string[];
  readonly schoolYear?: SchoolYear | null;
  /** A framework id the user picked. */
  readonly override?: string | null;
  /** The document has the tables of Thông tư 57/2026's plan form (Biểu 2 Phụ lục V). */
  readonly successorForm?: boolean;
  /**
   * A document read (not a new plan): one of school year 2026-2027 or later that cites no circular
   * is offered the successor first.
   */
  readonly byDate?: boolean;
}

/** The first school year the successor circular (TT57/2026, from 07/7/2026) applies to. */
const SUCCESSOR_FIRST_YEAR = 2026;

export function chooseFramework(input: ChoiceInput): FrameworkChoice {
  const notes: FrameworkNote[] = [];
  const cited = (input.citedCirculars ?? []).flatMap((c) => frameworksOfCircular(c));
  let framework: Framework | undefined;
  let reason: ChoiceReason;
  let alternative: Framework | null = null;

  const chosen = input.override ? frameworkById(input.override) : undefined;
  if (chosen) {
    framework = chosen;
    reason = "user";
    if (!chosen.schoolLevels.includes(input.level)) {
      notes.push(
        note("user-framework-level-mismatch", "note.user-level", {
          circular: circular(chosen),
          level: levelName(input.level),
        })
      );
    }
  } else {
    framework = cited.find((f) => f.schoolLevels.includes(input.level));
    reason = framework ? "cited" : "default";
    if (!framework) {
      framework = defaultFramework(input.level);
      const successor = framework.supersededBy
        ? frameworksOfCircular(framework.supersededBy.circular).find((f) =>
            f.schoolLevels.includes(input.level)
          )
        : undefined;
      const late =
        input.byDate === true &&
        input.schoolYear != null &&
        input.schoolYear.start >= SUCCESSOR_FIRST_YEAR &&
        cited.length === 0;
      if (successor && (input.successorForm || late)) {
        notes.push(
          note("successor-chosen", "note.successor-chosen", {
            plan: input.successorForm
              ? say("note.plan-on-form")
              : say("note.plan-of-year", {
                  start: input.schoolYear?.start ?? "",
                  end: input.schoolYear?.end ?? "",
                }),
            successor: circular(successor),
            circular: circular(framework),
            id: framework.id,
          })
        );
        reason = input.successorForm ? "form" : "date";
        alternative = framework;
        framework = successor;
      }
    }
  }

  for (const cites of new Set(cited.map((f) => f.circular))) {
    const ofCircular = cited.filter((f) => f.circular === cites);
    if (ofCircular.some((f) => f.schoolLevels.includes(input.level))) continue;
    const levels = [...new Set(ofCircular.flatMap((f) => f.schoolLevels))];
    notes.push(
      note("circular-level-mismatch", "note.cited-level", {
        number: cites,
        levels: levels.map(levelName),
        level: levelName(input.level),
      })
    );
  }

  const successor = framework.supersededBy;
  if (successor) {
    const citesSuccessor = (input.citedCirculars ?? []).some(
      (c) => circularKey(c) === circularKey(successor.circular)
    );
    const from = Number(successor.date.slice(0, 4));
    const late = input.schoolYear ? input.schoolYear.end > from : false;
    if (citesSuccessor || late) {
      notes.push(
        note("successor", successor.verified ? "note.successor" : "note.successor-unverified", {
          successor: successor.circular,
          date: formatDate(successor.date),
          circular: circular(framework),
        })
      );
    }
  }
  if (!framework.verified) {
    notes.push(note("unverified", "note.unverified", { circular: circular(framework) }));
  }
  return { framework, reason, notes, alternative };
}

/** "2026-07-07" -> "07/7/2026", the way Vietnamese documents write dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${Number(m)}/${y}`;
}
