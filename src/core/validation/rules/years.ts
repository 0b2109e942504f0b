/** School years: impossible ranges anywhere; the plan's own year written differently in title, body and closing. */
import { told } from "../../messages";
import { fold, squash } from "../../text/fold";
import { findYearRanges } from "../../text/schoolYear";
import type { Finding, Rule } from "../types";

export const schoolYearImpossible: Rule = {
  id: "school-year-impossible",
  area: "years",
  description: "Năm học không thể có (“2017-1018”, hai năm không liền nhau).",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    context.paragraphs.forEach((paragraph, index) => {
      const text = squash(paragraph);
      for (const m of findYearRanges(text)) {
        if (m.consecutive) continue;
        const before = fold(text.slice(Math.max(0, m.index - 20), m.index));
        // "giai đoạn 2022-2025", "từ năm 2016-2017 đến 2020-2021" are periods, not school years.
        if (!/nam hoc\s*$/.test(before)) continue;
        findings.push({
          rule: this.id,
          severity: "error",
          ...told("school-year-invalid", { raw: m.raw, start: m.start, next: m.start + 1 }),
          location: { paragraph: index },
        });
      }
    });
    return findings;
  },
};

export const schoolYearInconsistent: Rule = {
  id: "school-year-inconsistent",
  area: "years",
  description: "Năm học của kế hoạch ghi khác nhau giữa tiêu đề, thân bài và câu kết.",
  fixable: false,
  check(context) {
    const year = context.identity.schoolYear;
    // A plan for a period names each of its school years; that is not an inconsistency.
    if (!year || context.identity.period) return [];
    const findings: Finding[] = [];
    context.paragraphs.forEach((paragraph, index) => {
      const text = squash(paragraph);
      const folded = fold(text);
      // The plan speaking of itself: "Kế hoạch … năm học X" (title, purpose, closing sentence).
      if (!/ke hoach (cai tien|nay)/.test(folded)) return;
      for (const m of findYearRanges(text)) {
        if (!m.consecutive || m.start === year.start) continue;
        if (!/nam hoc\s*$/.test(fold(text.slice(Math.max(0, m.index - 20), m.index)))) continue;
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("school-year-inconsistent", { start: m.start, end: m.end, title: year.text }),
          location: { paragraph: index },
        });
      }
    });
    return findings;
  },
};
