/**
 * Which framework a plan is written under: the one the user chose, else the one the plan cites
 * for its school level, else the 2018 circular of the level. The choice comes with notes the pane
 * shows (a successor is cited, the cited circular does not fit the level, the text is unverified).
 */
import type { SchoolLevel } from "../schoolLevel";
import { SCHOOL_LEVEL_NAME } from "../schoolLevel";
import type { SchoolYear } from "../text/schoolYear";
import {
  circularKey,
  circularName,
  defaultFramework,
  frameworkById,
  frameworksOfCircular,
} from "./catalogue";
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
  readonly message: string;
}

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
      notes.push({
        code: "user-framework-level-mismatch",
        message: `${circularName(chosen)} không áp dụng cho cấp ${SCHOOL_LEVEL_NAME[input.level].toLowerCase()}.`,
      });
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
        notes.push({
          code: "successor-chosen",
          message: `${input.successorForm ? "Kế hoạch theo mẫu Biểu 2 Phụ lục V" : `Kế hoạch năm học ${input.schoolYear?.start}-${input.schoolYear?.end}`} không dẫn thông tư nào: KHCT dùng ${circularName(successor)} (khung tiêu chí do ứng dụng của trường công bố, chưa đối chiếu văn bản chính thức); nếu trường vẫn theo ${circularName(framework)}, hãy chọn lại khung tiêu chí (dòng lệnh: --framework ${framework.id}).`,
        });
        reason = input.successorForm ? "form" : "date";
        alternative = framework;
        framework = successor;
      }
    }
  }

  for (const circular of new Set(cited.map((f) => f.circular))) {
    const ofCircular = cited.filter((f) => f.circular === circular);
    if (ofCircular.some((f) => f.schoolLevels.includes(input.level))) continue;
    const levels = [...new Set(ofCircular.flatMap((f) => f.schoolLevels))];
    notes.push({
      code: "circular-level-mismatch",
      message: `Kế hoạch trích dẫn Thông tư ${circular} (cấp ${levels.map((l) => SCHOOL_LEVEL_NAME[l].toLowerCase()).join(", ")}), không phải văn bản của cấp ${SCHOOL_LEVEL_NAME[input.level].toLowerCase()}.`,
    });
  }

  const successor = framework.supersededBy;
  if (successor) {
    const citesSuccessor = (input.citedCirculars ?? []).some(
      (c) => circularKey(c) === circularKey(successor.circular)
    );
    const from = Number(successor.date.slice(0, 4));
    const late = input.schoolYear ? input.schoolYear.end > from : false;
    if (citesSuccessor || late) {
      notes.push({
        code: "successor",
        message: `Thông tư ${successor.circular} (${formatDate(successor.date)}) được dẫn là văn bản thay thế ${circularName(framework)}; thời hạn chuyển tiếp${successor.verified ? "" : " và nội dung của nó"} chưa được KHCT xác minh. Chọn khung tiêu chí phù hợp với kế hoạch của trường.`,
      });
    }
  }
  if (!framework.verified) {
    notes.push({
      code: "unverified",
      message: `Nội dung ${circularName(framework)} trong KHCT lấy từ bản chép lại, chưa đối chiếu với văn bản chính thức.`,
    });
  }
  return { framework, reason, notes, alternative };
}

/** "2026-07-07" -> "07/7/2026", the way Vietnamese documents write dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${Number(m)}/${y}`;
}
