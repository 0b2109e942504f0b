/**
 * Plans on Thông tư 57/2026's form (Biểu 2 Phụ lục V, as school apps print it — the official text is
 * not seen; reference/catalogue/tt57-2026.json, improvementPlanFormReported): the sections I–VIII
 * in order, the three tables (Mục IV vấn đề trọng tâm, Mục V kế hoạch, Mục VI theo dõi), the
 * criteria Mục IV names, a plan item for each weakness, the status values, the evidence codes, the
 * monitoring record. Every message says the form is reported by apps.
 */
import { render, say, told, type Said } from "../../messages";
import { CATALOGUE, criteria, findCriterion, findStandard } from "../../catalogue/catalogue";
import type { Framework } from "../../catalogue/types";
import type { ColumnRole } from "../../plan/layouts";
import { PROGRESS_ORDER, TT57_PROGRESS_TEXT } from "../../tracking/progress";
import { codesIn, itemTexts, linkIssues, readIssues } from "../../plan/formFill";
import type { AnalysedTable } from "../../plan/session";
import { fold, squash } from "../../text/fold";
import type { CheckContext, Finding, Rule } from "../types";
import { sameTitle } from "./helpers";

/** The form's "Mức độ thực hiện" values, as apps print them (tracking writes the same words). */
const TT57_STATUS_VALUES = PROGRESS_ORDER.map((status) => TT57_PROGRESS_TEXT[status]);

/** Said with every finding about the form: KHCT knows it from apps, not from the circular. */
export const FORM_SOURCE = render(say("form.source"), "vi");
const source = say("form.source");
/** "Bảng 2, hàng 5" / "Table 2, row 5". */
const at = (where: string, row: number) => say("place.row", { where, row: row + 1 });

const TT57 = "57/2026";
const isTt57 = (framework: Framework) => framework.circular.startsWith(TT57);

/** The words that name each section of the form in a heading (folded; apps vary the rest). */
const SECTION_WORDS: Readonly<Record<string, RegExp>> = {
  I: /thong tin chung/,
  II: /can cu/,
  III: /muc dich/,
  IV: /van de trong tam/,
  V: /ke hoach cai tien/,
  VI: /theo doi/,
  VII: /to chuc thuc hien/,
  VIII: /co che/,
};

/** The form's sections as the catalogue records them (headings as printed), with their words. */
export const TT57_SECTIONS: readonly { numeral: string; heading: string; words: RegExp }[] = (
  CATALOGUE.frameworks.find((f) => f.planForm)?.planForm?.sections ?? []
).map((s) => ({ numeral: s.numeral, heading: s.heading, words: SECTION_WORDS[s.numeral] ?? /$^/ }));

/** The form's tables in a document. */
function formTables(context: CheckContext): {
  issues: AnalysedTable[];
  plans: AnalysedTable[];
  monitoring: AnalysedTable[];
} {
  const layout = (t: AnalysedTable) => (t.header.ok ? t.header.match.layout.id : null);
  return {
    issues: context.tables.filter((t) => t.kind === "issues"),
    plans: context.tables.filter((t) => t.kind === "plan" && layout(t) === "tt57-plan"),
    monitoring: context.tables.filter((t) => t.kind === "monitoring"),
  };
}

/** Whether the document is a TT57 plan: its framework, or the form's own tables. */
export function isTt57Plan(context: CheckContext): boolean {
  const { issues, plans, monitoring } = formTables(context);
  return isTt57(context.framework) || issues.length + monitoring.length > 0 || plans.length > 0;
}

/** The body rows of a recognised table, each with the text of its role cells. */
function bodyRows(
  t: AnalysedTable
): { row: number; cells: Partial<Record<ColumnRole, { col: number; text: string }>> }[] {
  if (!t.header.ok) return [];
  const { headerStart, headerRows, columns } = t.header.match;
  const out: ReturnType<typeof bodyRows> = [];
  for (let r = headerStart + headerRows; r < t.grid.rowCount; r++) {
    const cells: Partial<Record<ColumnRole, { col: number; text: string }>> = {};
    let any = false;
    for (const [role, col] of Object.entries(columns) as [ColumnRole, number][]) {
      const cell = t.grid.cells[r]?.[col];
      if (!cell || cell.origin.col !== col) continue;
      const text = squash(t.grid.cells[cell.origin.row]?.[col]?.text ?? "");
      cells[role] = { col, text };
      if (text && role !== "tt") any = true;
    }
    if (any) out.push({ row: r, cells });
  }
  return out;
}

/** A section heading line: "IV. TÓM TẮT …" (a roman numeral, then the heading). */
function headingOf(paragraph: string): { numeral: string; words: string } | null {
  const text = squash(paragraph);
  if (text.length > 160) return null;
  const m = /^(VIII|VII|VI|IV|V|III|II|I)\s*[.)/:-]\s*(.+)$/u.exec(text);
  return m && m[1] && m[2] ? { numeral: m[1], words: fold(m[2]) } : null;
}

export const tt57Form: Rule = {
  id: "tt57-form",
  area: "structure",
  description:
    "Kế hoạch theo mẫu Biểu 2 Phụ lục V (Thông tư 57/2026, theo các ứng dụng): đủ các mục I–VIII theo thứ tự, có bảng vấn đề trọng tâm (Mục IV), bảng kế hoạch (Mục V) và bảng theo dõi (Mục VI).",
  fixable: false,
  check(context) {
    if (!isTt57Plan(context)) return [];
    const findings: Finding[] = [];
    const found = new Map<string, number>();
    context.paragraphs.forEach((p, i) => {
      const heading = headingOf(p);
      if (!heading) return;
      const section = TT57_SECTIONS.find((s) => s.words.test(heading.words));
      if (section && !found.has(section.numeral)) found.set(section.numeral, i);
    });
    if (found.size === 0) {
      findings.push({
        rule: this.id,
        severity: "hint",
        ...told("tt57-form.no-sections", { heading: TT57_SECTIONS[3]?.heading ?? "", source }),
        location: {},
      });
    } else {
      const missing = TT57_SECTIONS.filter((s) => !found.has(s.numeral));
      if (missing.length > 0)
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("tt57-form.missing", {
            sections: {
              join: missing.map((s) =>
                say("form.section", { numeral: s.numeral, heading: s.heading })
              ),
              with: "; ",
            },
            source,
          }),
          location: {},
        });
      const present = TT57_SECTIONS.filter((s) => found.has(s.numeral));
      present.forEach((s, k) => {
        const next = present[k + 1];
        if (!next) return;
        const here = found.get(s.numeral) ?? 0;
        const there = found.get(next.numeral) ?? 0;
        if (there < here)
          findings.push({
            rule: this.id,
            severity: "warning",
            ...told("tt57-form.order", {
              a: next.numeral,
              ah: next.heading,
              b: s.numeral,
              bh: s.heading,
              source,
            }),
            location: { paragraph: there },
          });
      });
    }
    const { issues, plans, monitoring } = formTables(context);
    const lacking = [
      issues.length === 0 ? say("form.table.issues") : null,
      plans.length === 0 && !context.tables.some((t) => t.kind === "plan")
        ? say("form.table.plan")
        : null,
      monitoring.length === 0 ? say("form.table.monitoring") : null,
    ].filter((x): x is Said => x !== null);
    if (lacking.length > 0)
      findings.push({
        rule: this.id,
        severity: "warning",
        ...told("tt57-form.tables", { tables: { join: lacking, with: "; " }, source }),
        location: {},
      });
    return findings;
  },
};

/** The framework's standards as "Tiêu chuẩn n: title". */
const standardLabel = (framework: Framework, id: string) => {
  const standard = findStandard(framework, id);
  return standard ? `Tiêu chuẩn ${id}: ${standard.title}` : `Tiêu chuẩn ${id}`;
};

export const tt57Issues: Rule = {
  id: "tt57-issues",
  area: "criteria",
  description:
    "Bảng vấn đề trọng tâm (Mục IV, Thông tư 57/2026): tiêu chuẩn và tiêu chí có trong khung của thông tư, tên tiêu chuẩn là tên mới (không phải tên năm 2018), mỗi vấn đề nêu điểm hạn chế, không lập cho toàn bộ tiêu chí.",
  fixable: true,
  check(context) {
    const { framework } = context;
    if (!isTt57(framework)) return [];
    const findings: Finding[] = [];
    const named = new Set<string>();
    for (const t of formTables(context).issues) {
      for (const { row, cells } of bodyRows(t)) {
        const standardCell = cells.standard;
        const standardId = standardCell ? /(\d{1,2})/.exec(standardCell.text)?.[1] : undefined;
        if (standardCell && standardId && !findStandard(framework, standardId)) {
          findings.push({
            rule: this.id,
            severity: "error",
            ...told("tt57-issues.standard-unknown", {
              place: at(t.where, row),
              text: standardCell.text,
              count: framework.standards.length,
            }),
            location: { table: t.key, row, column: standardCell.col },
          });
        } else if (standardCell && standardId) {
          // A title after the number: TT57's own, not the 2018 circular's.
          const title = squash(standardCell.text.replace(/^.*?\d{1,2}\s*[:.\-–]?\s*/u, ""));
          const right = findStandard(framework, standardId)?.title ?? "";
          if (title && !sameTitle(title, right)) {
            const old = CATALOGUE.frameworks.find(
              (f) =>
                !isTt57(f) &&
                f.schoolLevels.includes(context.level) &&
                f.standards.some((s) => sameTitle(s.title, title))
            );
            const fixed = standardLabel(framework, standardId);
            findings.push({
              rule: this.id,
              severity: old ? "error" : "warning",
              ...told(old ? "tt57-issues.old-title" : "tt57-issues.title-differs", {
                place: at(t.where, row),
                title,
                ...(old ? { old: old.circular } : {}),
                fixed,
              }),
              location: { table: t.key, row, column: standardCell.col },
              fix: [
                {
                  table: t.key,
                  row,
                  col: standardCell.col,
                  expected: t.grid.cells[row]?.[standardCell.col]?.text ?? "",
                  text: fixed,
                },
              ],
            });
          }
        }
        for (const id of codesIn(cells.criterion?.text ?? "")) {
          const found = findCriterion(framework, id);
          if (!found) {
            findings.push({
              rule: this.id,
              severity: "error",
              ...told("tt57-issues.criterion-unknown", {
                place: at(t.where, row),
                id,
                ranges: {
                  join: framework.standards.map((s) =>
                    say("standard.range", {
                      id: s.id,
                      first: s.criteria[0]?.id ?? "",
                      last: s.criteria[s.criteria.length - 1]?.id ?? "",
                    })
                  ),
                  with: "; ",
                },
              }),
              location: { table: t.key, row, column: cells.criterion?.col },
              criterion: id,
            });
            continue;
          }
          named.add(id);
          if (standardId && found.standard.id !== standardId)
            findings.push({
              rule: this.id,
              severity: "warning",
              ...told("tt57-issues.wrong-standard", {
                place: at(t.where, row),
                id,
                own: found.standard.id,
                written: standardId,
              }),
              location: { table: t.key, row, column: cells.criterion?.col },
              criterion: id,
            });
        }
        if (cells.weakness && !cells.weakness.text)
          findings.push({
            rule: this.id,
            severity: "warning",
            ...told("tt57-issues.no-weakness", { place: at(t.where, row), source }),
            location: { table: t.key, row, column: cells.weakness.col },
          });
      }
    }
    const total = criteria(framework).length;
    if (named.size >= total)
      findings.push({
        rule: this.id,
        severity: "warning",
        ...told("tt57-issues.all", { total, source }),
        location: {},
      });
    return findings;
  },
};

export const tt57PlanItems: Rule = {
  id: "tt57-plan-items",
  area: "structure",
  description:
    "Mỗi vấn đề trọng tâm ở Mục IV có ít nhất một việc cải tiến ở bảng kế hoạch Mục V (nối bằng mã tiêu chí, bằng lời, hoặc theo thứ tự khi hai bảng không dẫn chiếu nhau).",
  fixable: false,
  check(context) {
    const { issues, plans } = formTables(context);
    if (issues.length === 0 || plans.length === 0) return [];
    // The form's blank rows ("[Ghi …]") are not issues or items: the school has not written them.
    const items = plans.flatMap((t) => (t.table ? itemTexts(t.table) : []));
    const problems = issues.flatMap((t) =>
      t.table ? readIssues(t.table).map((issue) => ({ t, issue })) : []
    );
    const linked = linkIssues(
      problems.map((p) => p.issue),
      items
    );
    return problems
      .filter((_, i) => !linked[i])
      .map(({ t, issue }) => ({
        rule: this.id,
        severity: "hint" as const,
        ...told("tt57-plan-items", {
          place: at(t.where, issue.row),
          issue: (issue.weakness || issue.currentState).slice(0, 80),
        }),
        location: {
          table: t.key,
          row: issue.row,
          ...(t.table?.header.columns.weakness !== undefined
            ? { column: t.table.header.columns.weakness }
            : {}),
        },
      }));
  },
};

export const tt57Status: Rule = {
  id: "tt57-status",
  area: "cells",
  description: `Cột “Mức độ thực hiện” của bảng kế hoạch theo Thông tư 57/2026 chỉ ghi ${TT57_STATUS_VALUES.join(" / ")}.`,
  fixable: true,
  check(context) {
    const findings: Finding[] = [];
    const known = new Map(TT57_STATUS_VALUES.map((v) => [fold(v), v]));
    // Wordings with the same meaning, written out as the form's.
    const same: Readonly<Record<string, string>> = {
      "da hoan thanh": "Hoàn thành",
      "hoan thanh tot": "Hoàn thành",
      "dang trien khai": "Đang thực hiện",
      "dang lam": "Đang thực hiện",
      "chua hoan thanh": "Chưa hoàn thành",
    };
    for (const t of formTables(context).plans) {
      for (const { row, cells } of bodyRows(t)) {
        const cell = cells.progress;
        if (!cell || !cell.text) continue;
        const folded = fold(cell.text)
          .replace(/[.;,]+$/, "")
          .trim();
        const exact = known.get(folded);
        if (exact === cell.text) continue;
        const fixed = exact ?? same[folded];
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("tt57-status", {
            place: at(t.where, row),
            text: cell.text,
            values: TT57_STATUS_VALUES.map((v) => `“${v}”`).join(", "),
            source,
          }),
          location: { table: t.key, row, column: cell.col },
          ...(fixed
            ? {
                fix: [
                  {
                    table: t.key,
                    row,
                    col: cell.col,
                    expected: t.grid.cells[row]?.[cell.col]?.text ?? "",
                    text: fixed,
                  },
                ],
              }
            : {}),
        });
      }
    }
    return findings;
  },
};

/** Evidence codes: TT57's "MC.1.1.01" and the 2018 reports' "[H1-1.1-01]" (Công văn 5932/5942). */
const CODE_LIKE = /\[?\s*H\s*\d+\s*[-–]\s*[\d.]+\s*[-–]\s*\d+\s*\]?|\bMC[.\s]*\d[\d.\s]*\d/giu;
const MC = /^MC\.(\d)\.(\d)\.(\d{2})$/;
const H = /^\[H(\d+)-(\d+)\.(\d+)-(\d{2})\]$/;

export const evidenceCodes: Rule = {
  id: "evidence-code",
  area: "cells",
  description:
    "Mã minh chứng đúng dạng — MC.<tiêu chuẩn>.<tiêu chí>.<số 2 chữ số> (Thông tư 57/2026, theo các ứng dụng) hoặc [H<hộp>-<tiêu chí>-<số>] (Công văn 5932/5942) — và trỏ tới tiêu chí có trong khung.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    const tt57 = isTt57(context.framework);
    for (const t of context.tables) {
      if (!t.header.ok || t.header.match.columns.evidence === undefined) continue;
      for (const { row, cells } of bodyRows(t)) {
        const cell = cells.evidence;
        if (!cell?.text) continue;
        for (const m of cell.text.matchAll(CODE_LIKE)) {
          const code = m[0].trim();
          const tight = code.replace(/\s+/g, "").replace(/–/g, "-");
          const mc = MC.exec(tight);
          const h = H.exec(tight);
          const id = mc ? `${mc[1]}.${mc[2]}` : h ? `${h[2]}.${h[3]}` : null;
          const place = at(t.where, row);
          if (!id) {
            findings.push({
              rule: this.id,
              severity: "warning",
              ...told("evidence-code.form", {
                place,
                code,
                shape: say(tt57 ? "evidence.mc" : "evidence.h"),
              }),
              location: { table: t.key, row, column: cell.col },
            });
            continue;
          }
          if (!findCriterion(context.framework, id))
            findings.push({
              rule: this.id,
              severity: "warning",
              ...told("evidence-code.unknown", {
                place,
                code,
                id,
                circular: say("circular", {
                  number: context.framework.circular.startsWith(TT57)
                    ? TT57
                    : context.framework.circular,
                }),
              }),
              location: { table: t.key, row, column: cell.col },
              criterion: id,
            });
          else if (tt57 && h)
            findings.push({
              rule: this.id,
              severity: "hint",
              ...told("evidence-code.old", { place, code, id }),
              location: { table: t.key, row, column: cell.col },
              criterion: id,
            });
        }
      }
    }
    return findings;
  },
};

export const tt57Monitoring: Rule = {
  id: "tt57-monitoring",
  area: "structure",
  description:
    "Bảng theo dõi, đánh giá (Mục VI, Thông tư 57/2026): rà soát ít nhất 02 lần trong năm học, có lần cuối học kỳ I và cuối năm học.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const t of formTables(context).monitoring) {
      const times = bodyRows(t)
        .map((r) => r.cells.when?.text ?? "")
        .filter(Boolean);
      if (times.length < 2)
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("tt57-monitoring.few", { where: t.where, count: times.length, source }),
          location: { table: t.key },
        });
      const folded = times.map(fold);
      const lacking = [
        folded.some((x) => /hoc ky (i|1)\b/.test(x)) ? null : "Cuối học kỳ I",
        folded.some((x) => /cuoi nam|nam hoc$|tong ket/.test(x)) ? null : "Cuối năm học",
      ].filter((x): x is string => x !== null);
      if (times.length > 0 && lacking.length > 0)
        findings.push({
          rule: this.id,
          severity: "hint",
          ...told("tt57-monitoring.lacking", {
            where: t.where,
            times:
              lacking.length > 1
                ? say("times.two", { a: lacking[0] ?? "", b: lacking[1] ?? "" })
                : `“${lacking[0] ?? ""}”`,
            source,
          }),
          location: { table: t.key },
        });
    }
    return findings;
  },
};
