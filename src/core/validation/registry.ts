/** Every validation rule, in the order findings are reported. docs: README "Kiểm tra". */
import {
  criterionDuplicate,
  criterionLabel,
  criterionTitle,
  criterionUnknown,
  targetLevel,
} from "./rules/criteria";
import { requiredEmpty } from "./rules/cells";
import { rowOrder, standardNumbering, standardTitle } from "./rules/structure";
import { schoolYearImpossible, schoolYearInconsistent } from "./rules/years";
import { assessmentMarks, budgets, citations, statements } from "./rules/document";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  criterionUnknown,
  standardTitle,
  criterionTitle,
  criterionLabel,
  criterionDuplicate,
  rowOrder,
  standardNumbering,
  targetLevel,
  requiredEmpty,
  schoolYearImpossible,
  schoolYearInconsistent,
  citations,
  statements,
  assessmentMarks,
  budgets,
];
