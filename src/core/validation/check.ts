/**
 * Runs every rule over a document: its paragraphs and its recognised tables. A rule that throws
 * becomes a finding naming the rule, and the check goes on.
 */
import { told } from "../messages";
import { RULES } from "./registry";
import type { CheckContext, Finding, Rule, Severity } from "./types";

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, hint: 2 };

export function check(context: CheckContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.check(context));
    } catch (error) {
      findings.push({
        rule: "rule-failed",
        severity: "hint",
        ...told("rule-failed", {
          rule: rule.id,
          error: error instanceof Error ? error.message : String(error),
        }),
        location: {},
      });
    }
  }
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export function countBySeverity(findings: readonly Finding[]): Readonly<Record<Severity, number>> {
  return {
    error: findings.filter((f) => f.severity === "error").length,
    warning: findings.filter((f) => f.severity === "warning").length,
    hint: findings.filter((f) => f.severity === "hint").length,
  };
}

/** Prefix of the document entries that remember dismissed findings (one entry per finding). */
export const DISMISS_PREFIX = "KHCT.boqua.";

const fnv = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
};

/**
 * A stable key for a finding, to remember its dismissal in the document: the rule, the criterion
 * and the place (table and column; the row only when the finding names no criterion, so a row
 * inserted above does not bring it back; the paragraph) — not the wording, so rewording a message
 * does not resurrect every dismissed finding.
 */
export function findingKey(finding: Finding): string {
  const { table, row, column, paragraph } = finding.location;
  const criterion = finding.criterion ?? "";
  return fnv(
    [
      finding.rule,
      criterion,
      table ?? "",
      criterion ? "" : (row ?? ""),
      column ?? "",
      paragraph ?? "",
    ].join("|")
  );
}

/** The key dismissals were stored under before (rule, criterion, message): still honoured. */
export function legacyFindingKey(finding: Finding): string {
  return fnv(`${finding.rule}|${finding.criterion ?? ""}|${finding.message}`);
}

/** Whether a finding is among the dismissed keys (its key, or the key it had before). */
export function isDismissed(finding: Finding, dismissed: ReadonlySet<string>): boolean {
  return dismissed.has(findingKey(finding)) || dismissed.has(legacyFindingKey(finding));
}
