/** Rules on the text around the tables and on the self-assessment tables: citations, statements, marks, budgets. */
import { levelName, say, told } from "../../messages";
import {
  CATALOGUE,
  circularKey,
  counts,
  criteria,
  indicatorsInForce,
  levelIndicators,
  planDate,
} from "../../catalogue/catalogue";
import { formatDate } from "../../catalogue/select";
import type { CitedDocument } from "../../catalogue/types";
import { readAssessment } from "../../plan/assessment";
import type { SchoolLevel } from "../../schoolLevel";
import { fold, squash } from "../../text/fold";
import { formatDong, mentionsMoney, parseBudget } from "../../text/money";

/** An amount in đồng, said in the pane's language ("5.000.000 đồng", "5.000.000 VND"). */
const dong = (amount: number) =>
  say("money.dong", { amount: formatDong(amount).replace(/ đồng$/u, "") });
import type { Finding, Rule } from "../types";
import { criterionRows, planTables } from "./helpers";

const CITATION =
  /(\d{1,5})\s*\/\s*(?:(\d{4})\s*\/\s*)?(TT|NĐ|QĐ|ND|QD|BGDĐT|BGD&ĐT)\s*-\s*([A-ZĐa-zđ&]+)/gu;
const DATE_AFTER =
  /^[^.;]{0,40}?ngày\s*(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu;
const LEVEL_CIRCULAR: Readonly<Record<string, SchoolLevel>> = {
  "17/2018": "tieu-hoc",
  "18/2018": "trung-hoc",
  "19/2018": "mam-non",
};

function documentFor(
  number: string,
  year: string | undefined,
  kind: string,
  issuerCode: string
): CitedDocument | undefined {
  const wanted = year
    ? `${Number(number)}/${year}`
    : `${Number(number)}/${kind.replace("&", "")}-${issuerCode}`.toUpperCase();
  return CATALOGUE.documents.find((d) =>
    year ? circularKey(d.number) === wanted : d.number.replace("&", "").toUpperCase() === wanted
  );
}

export const citations: Rule = {
  id: "citation",
  area: "structure",
  description:
    "Văn bản được trích dẫn với ngày ban hành sai, hoặc thông tư không phải của cấp học của trường.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    context.paragraphs.forEach((raw, index) => {
      const text = squash(raw);
      const citesAmendment = /22\s*\/\s*2024/.test(text);
      for (const m of text.matchAll(CITATION)) {
        const [, number = "", year, kind = "", issuer = ""] = m;
        const doc = documentFor(number, year, kind, issuer);
        if (!doc) continue;
        const date = DATE_AFTER.exec(text.slice((m.index ?? 0) + m[0].length));
        if (doc.date && date) {
          const written = `${date[3]}-${String(Number(date[2])).padStart(2, "0")}-${String(Number(date[1])).padStart(2, "0")}`;
          if (written !== doc.date) {
            findings.push({
              rule: this.id,
              severity: doc.confirmed ? "error" : "hint",
              ...told("citation.date", {
                type: doc.type,
                number: doc.number,
                issued: formatDate(doc.date),
                written: `${Number(date[1])}/${Number(date[2])}/${date[3]}`,
              }),
              location: { paragraph: index },
            });
          }
        }
        const level = year ? LEVEL_CIRCULAR[`${Number(number)}/${year}`] : undefined;
        // Thông tư 22/2024 amends all three 2018 circulars; quoting its subject names them all.
        if (level && level !== context.level && !citesAmendment) {
          const own = Object.entries(LEVEL_CIRCULAR).find(([, l]) => l === context.level)?.[0];
          findings.push({
            rule: this.id,
            severity: "error",
            ...told("citation.level", {
              number: doc.number,
              level: levelName(level),
              own: levelName(context.level),
              circular: `${own}/TT-BGDĐT`,
            }),
            location: { paragraph: index },
          });
        }
      }
    });
    return findings;
  },
};

export const statements: Rule = {
  id: "statement",
  area: "criteria",
  description:
    "Câu tổng hợp mâu thuẫn với thông tư hoặc với chính nó: “Mức 3: tổng số N tiêu chí”, “đạt 3/5, tỉ lệ 60%”.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    const c = counts(context.framework);
    context.paragraphs.forEach((raw, index) => {
      const text = squash(raw);
      const total = /mức\s*([1-4])\s*:?\s*tổng\s*số\s*0*(\d+)\s*tiêu\s*chí/iu.exec(text);
      if (total) {
        const level = Number(total[1]);
        const expected = level === 4 ? c.level4 : c.criteriaAtLevel[level as 1 | 2 | 3];
        const written = Number(total[2]);
        // Criteria left with indicators at that level once repeals in force by the plan's year are
        // dropped (Thông tư 22/2024: Mức 2 of TT17 1.5 from 25/01/2025).
        const asOf = planDate(context.identity.schoolYear);
        const inForce =
          level === 4 || !asOf
            ? expected
            : criteria(context.framework).filter(
                (cr) => (indicatorsInForce(cr, level as 1 | 2 | 3, asOf)?.length ?? 0) > 0
              ).length;
        if (inForce !== expected && (written === expected || written === inForce)) {
          const dropped = criteria(context.framework)
            .filter(
              (cr) =>
                (levelIndicators(cr, level as 1 | 2 | 3)?.length ?? 0) > 0 &&
                (indicatorsInForce(cr, level as 1 | 2 | 3, asOf)?.length ?? 0) === 0
            )
            .map((cr) => cr.id);
          findings.push({
            rule: this.id,
            severity: "hint",
            ...told("statement.total-repealed", {
              level,
              written,
              circular: context.framework.circular,
              expected: expected ?? "",
              dropped: dropped.join(", "),
              inForce: inForce ?? "",
            }),
            location: { paragraph: index },
          });
        } else if (expected !== null && written !== expected) {
          findings.push({
            rule: this.id,
            severity: "error",
            ...told("statement.total", {
              level,
              written: total[2] ?? "",
              circular: context.framework.circular,
              expected,
            }),
            location: { paragraph: index },
          });
        }
      }
      for (const ratio of text.matchAll(
        /(\d+)\s*\/\s*(\d+)\s*,?\s*(?:tỉ|tỷ)\s*lệ\s*(\d+(?:[.,]\d+)?)\s*%/giu
      )) {
        const [a, b, p] = [
          Number(ratio[1]),
          Number(ratio[2]),
          Number((ratio[3] ?? "").replace(",", ".")),
        ];
        if (b === 0 || Math.abs((a / b) * 100 - p) <= 1) continue;
        findings.push({
          rule: this.id,
          severity: "error",
          ...told("statement.ratio", {
            text: ratio[0],
            a,
            b,
            percent: Math.round((a / b) * 1000) / 10,
            written: p,
          }),
          location: { paragraph: index },
        });
      }
    });
    return findings;
  },
};

export const assessmentMarks: Rule = {
  id: "assessment-marks",
  area: "cells",
  description:
    "Trong bảng kết quả tự đánh giá, một tiêu chí không được đánh dấu ở cột nào, hoặc đánh dấu ở hai kết quả trái nhau.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const t of context.tables) {
      if (t.kind !== "assessment" || !t.table) continue;
      for (const row of readAssessment(t.table).rows) {
        const levels = row.marked.filter((m) => m !== "pass");
        const conflict =
          (row.marked.includes("fail") && row.marked.length > 1) ||
          levels.filter((m) => m !== "fail").length > 1;
        if (row.marked.length > 0 && !conflict) continue;
        findings.push({
          rule: this.id,
          severity: row.marked.length === 0 ? "warning" : "error",
          ...told(row.marked.length === 0 ? "assessment-marks.none" : "assessment-marks.conflict", {
            id: row.id,
          }),
          location: { table: t.key, row: row.row },
          criterion: row.id,
        });
      }
    }
    return findings;
  },
};

export const budgets: Rule = {
  id: "budget",
  area: "cells",
  description:
    "Số tiền ghi không đọc được; dòng tổng cộng không khớp với các khoản; tổng kinh phí các khoản một lần của kế hoạch.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    let total = 0;
    let counted = 0;
    for (const { key, table } of planTables(context)) {
      let tableTotal = 0;
      for (const row of criterionRows(table)) {
        const cell = row.cells.budget;
        if (!cell || cell.covered) continue;
        const budget = parseBudget(cell.text);
        if (budget.kind === "amount") {
          total += budget.dong;
          tableTotal += budget.dong;
          counted++;
        }
        // Resources in words, shares, per-unit amounts are normal; only money that cannot be read is said.
        if (budget.kind !== "unparseable" || !mentionsMoney(cell.text)) continue;
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("budget.unreadable", {
            label: row.ref?.label ?? say("this-row"),
            text: squash(cell.text),
          }),
          location: { table: key, row: row.index, column: cell.col },
          ...(row.ref ? { criterion: row.ref.ref.id } : {}),
        });
      }
      // A "Tổng cộng" row that does not add up.
      for (const row of table.rows) {
        if (row.kind !== "other") continue;
        const label = Object.values(row.cells)
          .map((c) => fold(c?.text ?? ""))
          .find((t) => /^(tong cong|tong|cong)( kinh phi)?$/.test(t));
        const cell = row.cells.budget;
        if (!label || !cell) continue;
        const written = parseBudget(cell.text);
        if (written.kind !== "amount" || written.dong === tableTotal) continue;
        findings.push({
          rule: this.id,
          severity: "error",
          ...told("budget.total", { written: dong(written.dong), sum: dong(tableTotal) }),
          location: { table: key, row: row.index, column: cell.col },
        });
      }
    }
    if (counted > 0) {
      findings.push({
        rule: this.id,
        severity: "hint",
        ...told("budget.sum", { sum: dong(total) }),
        location: {},
      });
    }
    return findings;
  },
};

export const superseded: Rule = {
  id: "framework-superseded",
  area: "criteria",
  description:
    "Kế hoạch cho năm học từ 2026-2027 vẫn theo thông tư năm 2018, trong khi Thông tư 57/2026 được dẫn là văn bản thay thế.",
  fixable: false,
  check(context) {
    const successor = context.framework.supersededBy;
    const year = context.identity.schoolYear;
    if (!successor || !year || year.start < Number(successor.date.slice(0, 4))) return [];
    return [
      {
        rule: this.id,
        severity: successor.verified ? "warning" : "hint",
        ...told(
          successor.oldFrameworkUsableUntil
            ? "framework-superseded.until"
            : "framework-superseded.unverified",
          {
            year: year.text,
            circular: context.framework.circular,
            successor: successor.circular,
            date: formatDate(successor.date),
            until: successor.oldFrameworkUsableUntil
              ? formatDate(successor.oldFrameworkUsableUntil)
              : "",
          }
        ),
        location: {},
      },
    ];
  },
};
