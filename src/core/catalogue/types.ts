/**
 * The catalogue's data model: accreditation frameworks (one circular's criteria for one or more
 * school levels) as read-only, versioned data. Text is the regulation's own wording, Unicode NFC.
 */
import type { SchoolLevel } from "../schoolLevel";

/** One indicator (chỉ báo) of a level: "a) …" has key "a"; an unlettered paragraph has key "" or null. */
export interface Indicator {
  readonly key: string | null;
  readonly text: string;
}

export type LevelNumber = 1 | 2 | 3;

export interface CriterionLevels {
  readonly 1: readonly Indicator[];
  readonly 2: readonly Indicator[];
  /** Absent or null: the criterion has no Mức 3 in the regulation. */
  readonly 3?: readonly Indicator[] | null;
}

/** Wording changed by an amending circular, kept next to the original. */
export interface Amendment {
  readonly by: string;
  readonly current: CriterionLevels;
  readonly original: CriterionLevels;
  readonly title?: { readonly current: string; readonly original: string };
}

export interface Criterion {
  /** "1.2": standard number, dot, criterion number. */
  readonly id: string;
  readonly title: string;
  readonly levels: CriterionLevels;
  /** The highest level the criterion has (2 when it has no Mức 3). */
  readonly maxLevel: 2 | 3;
  /** null: no amendment recorded (not "verified unchanged"; see the framework's gaps). */
  readonly amendment: Amendment | null;
  /** Only in frameworks that have mandatory criteria (57/2026). */
  readonly mandatory?: boolean;
  /** A suspected transcription slip in the source, kept verbatim. */
  readonly flags?: string;
  /**
   * Indicators a later circular repealed (bãi bỏ) or suspended (ngưng hiệu lực), from `effective`:
   * the 2018 text stays in `levels`; a plan dated from then does not aim at a repealed one.
   */
  readonly changes?: readonly IndicatorChange[];
}

export interface IndicatorChange {
  /** The amending circular, "22/2024/TT-BGDĐT". */
  readonly by: string;
  /** ISO date it takes effect. */
  readonly effective: string;
  readonly action: "repealed" | "suspended";
  readonly level: LevelNumber;
  /** Indicator keys of that level ("" = the unlettered paragraph). */
  readonly keys: readonly string[];
  /** The reference's confidence ("high", "medium"…): repeals known from a secondary source are medium. */
  readonly confidence: string;
}

export interface Standard {
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly Criterion[];
}

export interface Level4Criterion {
  readonly id: string;
  /** null: the regulation's text is not available to KHCT ("chưa có nguyên văn"). */
  readonly text: string | null;
}

export interface Successor {
  readonly circular: string;
  readonly date: string;
  readonly verified: boolean;
  /** Until when plans may still be written under the old framework; null when not known. */
  readonly oldFrameworkUsableUntil: string | null;
}

export interface Framework {
  readonly id: string;
  /** "17/2018/TT-BGDĐT" */
  readonly circular: string;
  /** ISO date */
  readonly issuedDate: string;
  readonly title: string;
  readonly issuer: string;
  readonly schoolLevels: readonly SchoolLevel[];
  readonly annex?: string;
  readonly amendedBy: readonly string[];
  readonly replaces: readonly string[];
  readonly supersededBy: Successor | null;
  readonly textVersion: string;
  /** false: transcribed from third-party copies, not checked against the official text. */
  readonly verified: boolean;
  /** Levels a criterion can have: 3 (Mức 1–3, plus the separate Mức 4 list) or 2. */
  readonly levelCount: 2 | 3;
  readonly standards: readonly Standard[];
  /** null: the framework has no Mức 4; count null: it has one but its size is not known. */
  readonly level4: {
    readonly count: number | null;
    readonly criteria: readonly Level4Criterion[];
  } | null;
  /** What the reference data lacks, said plainly. */
  readonly gaps: readonly string[];
  /** The circular's own plan form, when it has one (57/2026, reported). */
  readonly planForm?: PlanForm;
}

/** A document plans cite (a circular, a guidance letter, a decree). */
/** A circular's improvement-plan form, as school apps print it (TT57's Biểu 2 Phụ lục V). */
export interface PlanForm {
  readonly name: string;
  /** How the form is known ("reported by apps, official text not seen"). */
  readonly status: string;
  /** "Không xây dựng kế hoạch cải tiến đối với toàn bộ tiêu chí …". */
  readonly rule: string;
  readonly sections: readonly {
    readonly numeral: string;
    readonly heading: string;
    /** The printed sub-items ("1. Tên cơ sở giáo dục", "a) …"). */
    readonly content: readonly string[];
    readonly table?: "issuesTable" | "planTable" | "monitoringTable";
  }[];
  readonly issuesColumns: readonly string[];
  readonly planColumns: readonly string[];
  readonly monitoringColumns: readonly string[];
  readonly statusValues: readonly string[];
  readonly monitoringTimes: readonly string[];
}

export interface CitedDocument {
  /** "17/2018/TT-BGDĐT", "5932/BGDĐT-QLCL", "30/2020/NĐ-CP" */
  readonly number: string;
  readonly type: string;
  /** ISO date; null when not known. */
  readonly date: string | null;
  readonly issuer: string;
  readonly subject: string | null;
  /** false: the facts come from a single or weak source. */
  readonly confirmed: boolean;
}

export interface CatalogueData {
  readonly source: string;
  readonly frameworks: readonly Framework[];
  readonly documents: readonly CitedDocument[];
}
