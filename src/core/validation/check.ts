/**
 * Runs every rule over a document: its paragraphs and its recognised tables. A rule that throws
 * becomes a finding naming the rule, and the check goes on.
 */
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
        message: `Quy tắc “${rule.id}” gặp lỗi nên chưa kiểm tra được: ${error instanceof Error ? error.message : String(error)}`,
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

/**
 * A stable key for a finding, to remember its dismissal in the document: FNV-1a of the rule,
 * criterion and message (a finding whose wording changes comes back, which is the safe side).
 */
export function findingKey(finding: Finding): string {
  const text = `${finding.rule}|${finding.criterion ?? ""}|${finding.message}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
