/**
 * Validation findings: a rule id, a severity, a Vietnamese message saying what is wrong and what is
 * expected, a location the pane can select, and, where safe, the fix as data for the adapters.
 */
import type { Said } from "../messages";
import type { Framework } from "../catalogue/types";
import type { PlanIdentity } from "../plan/identity";
import type { ColumnRole } from "../plan/layouts";
import type { AnalysedTable } from "../plan/session";
import type { SchoolLevel } from "../schoolLevel";

export type Severity = "error" | "warning" | "hint";

/** Vietnamese names of the severities, as the pane and the CLI show them. */
export const SEVERITY_NAME: Readonly<Record<Severity, string>> = {
  error: "Lỗi",
  warning: "Cảnh báo",
  hint: "Gợi ý",
};

export interface FindingLocation {
  /** Key of the table (DocumentTable.key) and row/column in its grid. */
  readonly table?: string;
  readonly row?: number;
  readonly column?: number;
  /** Index of the paragraph in the document's text. */
  readonly paragraph?: number;
}

/** A cell to rewrite, only if it still holds `expected`. */
export interface CellFix {
  readonly table: string;
  readonly row: number;
  readonly col: number;
  readonly expected: string;
  readonly text: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** In Vietnamese: what the CLI prints, and what findings are grouped by. */
  readonly message: string;
  /** The same as an id with parameters, for the pane's language (core/messages.ts). */
  readonly said: Said;
  readonly location: FindingLocation;
  readonly criterion?: string;
  readonly fix?: readonly CellFix[];
  /** For a finding that stands for several places with one cause (rows listed in the message). */
  readonly related?: readonly FindingLocation[];
}

export interface CheckContext {
  readonly framework: Framework;
  readonly level: SchoolLevel;
  readonly identity: PlanIdentity;
  readonly paragraphs: readonly string[];
  readonly tables: readonly AnalysedTable[];
}

export interface Rule {
  /** Stable id, e.g. "criterion-unknown". */
  readonly id: string;
  readonly area: "criteria" | "titles" | "numbering" | "cells" | "years" | "structure";
  /** One Vietnamese sentence: what the rule checks. */
  readonly description: string;
  /** Whether some of its findings carry a fix. */
  readonly fixable: boolean;
  check(context: CheckContext): Finding[];
}

/** Helper for rules: the cell of a role in a plan row. */
export type RoleCell = { readonly col: number; readonly text: string; readonly covered: boolean };
export type { ColumnRole };
