/** Every validation rule, in the order they run. README's "Kiểm tra" table lists them (a test keeps both in step). */
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
import { assessmentMarks, budgets, citations, statements, superseded } from "./rules/document";
import { duplicateRows } from "./rules/duplicates";
import { rowNumbers, sectionNumbering } from "./rules/numbering";
import { timeframes } from "./rules/timeframes";
import { tablesUnderstood } from "./rules/tables";
import { conclusion } from "./rules/conclusion";
import {
  evidenceCodes,
  tt57Form,
  tt57Issues,
  tt57Monitoring,
  tt57PlanItems,
  tt57Status,
} from "./rules/tt57";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  tablesUnderstood,
  criterionUnknown,
  standardTitle,
  criterionTitle,
  criterionLabel,
  criterionDuplicate,
  rowOrder,
  standardNumbering,
  rowNumbers,
  sectionNumbering,
  duplicateRows,
  targetLevel,
  requiredEmpty,
  schoolYearImpossible,
  schoolYearInconsistent,
  timeframes,
  citations,
  superseded,
  statements,
  conclusion,
  assessmentMarks,
  budgets,
  tt57Form,
  tt57Issues,
  tt57PlanItems,
  tt57Status,
  tt57Monitoring,
  evidenceCodes,
];
