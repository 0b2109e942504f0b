/**
 * The conclusion of a self-assessment ("Tự đánh giá đạt Mức 3") against the results the document
 * itself states — a self-assessment table, or the summary lines "Mức n: Tổng số N tiêu chí, … đạt
 * a/b" — by the rating rule of the plan's framework (catalogue/rating.ts).
 */
import { say, told, type Said } from "../../messages";
import { planDate } from "../../catalogue/catalogue";
import { rateSchool, ratingRuleSaid } from "../../catalogue/rating";
import type { Framework } from "../../catalogue/types";
import { resultsFromTables } from "../../plan/session";
import { squash } from "../../text/fold";
import type { Finding, Rule } from "../types";

const CLAIM =
  /tự\s*đánh\s*giá[^.;:\n]{0,40}?(?:đạt|đạt\s*được)\s*(?:(mức|cấp\s*độ)\s*([1-4])|chuẩn\s*quốc\s*gia\s*mức\s*độ\s*([12]))/iu;
const SUMMARY =
  /mức\s*([1-4])\s*:?\s*tổng\s*số\s*0*(\d+)\s*tiêu\s*chí[^;]*?(?<=\s)đạt\s*:?\s*0*(\d+)\s*\/\s*0*(\d+)/giu;

/** The level a summary's lines give: the highest n with every level up to n fully met. */
function fromSummary(
  lines: ReadonlyMap<number, { met: number; of: number }>,
  framework: Framework
): { level: number; short: Said | null } | null {
  if (!lines.has(1)) return null;
  let level = 0;
  for (let n = 1; n <= framework.levelCount; n++) {
    const line = lines.get(n);
    if (!line) return null;
    if (line.met < line.of)
      return { level, short: say("rating.short.summary", { n, met: line.met, of: line.of }) };
    level = n;
  }
  const four = lines.get(4);
  if (level === 3 && four) {
    if (four.met >= four.of && four.of > 0) return { level: 4, short: null };
    return { level, short: say("rating.short.level4", { met: four.met, of: four.of }) };
  }
  return { level, short: null };
}

export const conclusion: Rule = {
  id: "conclusion",
  area: "criteria",
  description:
    "Kết luận tự đánh giá (“Tự đánh giá đạt Mức 3”, “đạt chuẩn quốc gia mức độ 1”) khớp với kết quả chính tài liệu nêu (bảng tự đánh giá hoặc các dòng “Mức n: … đạt a/b”), theo quy tắc xếp mức của thông tư.",
  fixable: false,
  check(context) {
    const { framework } = context;
    const claims: { index: number; level: number; written: string }[] = [];
    const lines = new Map<number, { met: number; of: number }>();
    context.paragraphs.forEach((raw, index) => {
      const text = squash(raw);
      const claim = CLAIM.exec(text);
      if (claim) {
        // Chuẩn quốc gia mức độ 1 = Mức 2, mức độ 2 = Mức 3 (Điều 37 of the 2018 circulars).
        const level = claim[2] ? Number(claim[2]) : Number(claim[3]) + 1;
        claims.push({ index, level, written: claim[0] });
      }
      for (const summary of text.matchAll(SUMMARY))
        lines.set(Number(summary[1]), { met: Number(summary[3]), of: Number(summary[4]) });
    });
    if (claims.length === 0) return [];
    const { results, sources } = resultsFromTables(context.tables);
    // Rated on the plan's date: TT22/2024's repeals count from 25/01/2025, not before.
    const asOf = planDate(context.identity.schoolYear);
    const table =
      sources.length > 0 ? rateSchool(framework, results.levels, results.level4, asOf) : null;
    const notCounted =
      table && table.said.notCounted.length > 0
        ? say("conclusion.not-counted", { items: { join: table.said.notCounted, with: "; " } })
        : "";
    const rated =
      table && table.level !== null
        ? {
            level: table.level as number,
            short: table.said.short,
            from: sources.map((s) => say("place", { where: s.where })),
          }
        : (() => {
            const s = framework.circular.startsWith("57/2026")
              ? null
              : fromSummary(lines, framework);
            return s ? { ...s, from: say("conclusion.from-summary") } : null;
          })();
    const findings: Finding[] = [];
    for (const claim of claims) {
      if (!rated) {
        if (table && table.level === null)
          findings.push({
            rule: this.id,
            severity: "hint",
            ...told("conclusion.missing", {
              written: claim.written,
              ids: table.missing.slice(0, 10).join(", "),
              more: table.missing.length > 10 ? ", …" : "",
            }),
            location: { paragraph: claim.index },
          });
        continue;
      }
      if (claim.level > rated.level)
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("conclusion.higher", {
            written: claim.written,
            from: rated.from,
            level:
              rated.level === 0
                ? say("conclusion.below-1")
                : say("conclusion.level", { level: rated.level }),
            short: rated.short ?? "",
            rule: ratingRuleSaid(framework),
            notCounted,
          }),
          location: { paragraph: claim.index },
        });
      else if (claim.level < rated.level)
        findings.push({
          rule: this.id,
          severity: "hint",
          ...told("conclusion.lower", {
            written: claim.written,
            from: rated.from,
            level: rated.level,
          }),
          location: { paragraph: claim.index },
        });
    }
    return findings;
  },
};
