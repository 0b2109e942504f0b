/**
 * Findings a person can act on: the findings of one cause together (a plan numbered wrongly gives
 * one finding per row, 94 of them in one real plan), each with its place in words, and the fixes of
 * a group applied together after one preview.
 */
import { whereIn, type Locale } from "../messages";
import type { AnalysedTable } from "../plan/session";
import type { CellFix, Finding, Severity } from "./types";

export interface FindingGroup {
  /** The cause: the rule, the severity and the message id. */
  readonly key: string;
  readonly rule: string;
  readonly severity: Severity;
  /** The findings, in document order. */
  readonly findings: readonly Finding[];
  /** Every fix of the group's findings (one preview, one write). */
  readonly fixes: readonly CellFix[];
}

/** The cause: the rule, the severity and what is said (the message id, not its particulars). */
export function causeOf(finding: Finding): string {
  return `${finding.rule}|${finding.severity}|${finding.said.id}`;
}

/** Groups the findings by cause, in the order their first finding comes. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = causeOf(finding);
    const list = groups.get(key) ?? [];
    list.push(finding);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, list]) => ({
    key,
    rule: list[0]?.rule ?? "",
    severity: list[0]?.severity ?? "hint",
    findings: list,
    fixes: list.flatMap((f) => f.fix ?? []),
  }));
}

/**
 * "Bảng 2 · hàng 5 · Tiêu chí 1.4", "Đoạn 12", or "" for a finding about the whole document; in
 * English "Table 2 · row 5 · Tiêu chí 1.4" (the label is the document's own).
 */
export function placeInWords(
  finding: Finding,
  tables: readonly AnalysedTable[],
  locale: Locale = "vi"
): string {
  const { table: key, row, paragraph } = finding.location;
  if (key !== undefined) {
    const table = tables.find((t) => t.key === key);
    const parts = [table ? whereIn(table.where, locale) : locale === "en" ? "Table" : "Bảng"];
    if (row !== undefined) parts.push(`${locale === "en" ? "row" : "hàng"} ${row + 1}`);
    const label = finding.criterion
      ? `Tiêu chí ${finding.criterion}`
      : table?.table?.rows.find((r) => r.index === row)?.ref?.label;
    if (label) parts.push(label);
    return parts.join(" · ");
  }
  if (paragraph !== undefined) return `${locale === "en" ? "Paragraph" : "Đoạn"} ${paragraph + 1}`;
  return "";
}
