/** Numbering: the TT column of layouts that number every row, and the document's section headings. */
import { say, told } from "../../messages";
import { squash } from "../../text/fold";
import type { Finding, Rule } from "../types";
import { duplicatePairs } from "./duplicates";
import { planTables } from "./helpers";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

export const rowNumbers: Rule = {
  id: "row-numbers",
  area: "numbering",
  description:
    "Cột TT của bảng đánh số từng dòng bị nhảy số hoặc trùng số (dòng lặp lại dòng khác không tính; nhiều dòng trong một bảng là một mục, sửa một lần).",
  fixable: true,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      if (!table.header.layout.numbersEveryRow || table.header.columns.tt === undefined) continue;
      // A copy of an earlier row is not numbered on: the copy is the mistake, and renumbering the
      // rows after it would hide it (duplicate-row says so).
      const copies = new Set(duplicatePairs(table).map((p) => p.row.index));
      const wrong: { row: number; col: number; written: string; expected: number; text: string }[] =
        [];
      let expected = 1;
      for (const row of table.rows) {
        const cell = row.cells.tt;
        if (!cell || cell.covered || row.kind === "empty" || row.kind === "section") continue;
        if (copies.has(row.index)) continue;
        const written = cell.text.trim();
        if (!/^\d+$/.test(written)) continue;
        if (Number(written) !== expected)
          wrong.push({ row: row.index, col: cell.col, written, expected, text: cell.text });
        expected++;
      }
      const fixOf = (w: (typeof wrong)[number]) => ({
        table: key,
        row: w.row,
        col: w.col,
        expected: w.text,
        text: String(w.expected),
      });
      if (wrong.length > 2) {
        const first = wrong[0] as (typeof wrong)[number];
        const shown = wrong
          .slice(0, 6)
          .map((w) => say("row.change", { row: w.row + 1, from: w.written, to: w.expected }));
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("row-numbers.many", {
            count: wrong.length,
            list: shown,
            more: wrong.length > 6 ? ", …" : "",
          }),
          location: { table: key, row: first.row, column: first.col },
          fix: wrong.map(fixOf),
          related: wrong.map((w) => ({ table: key, row: w.row, column: w.col })),
        });
        continue;
      }
      for (const w of wrong) {
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("row-numbers.one", { written: w.written, expected: w.expected }),
          location: { table: key, row: w.row, column: w.col },
          fix: [fixOf(w)],
        });
      }
    }
    return findings;
  },
};

export const sectionNumbering: Rule = {
  id: "section-numbering",
  area: "numbering",
  description: "Đề mục của văn bản (I, II, III…; 1, 2, 3… trong mỗi mục) nhảy số hoặc lặp số.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    let roman = 0;
    let arabic = 0;
    context.paragraphs.forEach((raw, index) => {
      const text = squash(raw);
      const r = /^([IVX]{1,4})\.\s*\S/.exec(text);
      if (r && r[1] && ROMAN.includes(r[1])) {
        const n = ROMAN.indexOf(r[1]) + 1;
        if (n !== roman + 1) {
          findings.push({
            rule: this.id,
            severity: "warning",
            ...(n <= roman
              ? told("section-numbering.back", {
                  section: r[1],
                  previous: ROMAN[roman - 1] ?? "",
                })
              : told("section-numbering.gap", {
                  section: r[1],
                  previous: ROMAN[roman - 1] ?? say("none-yet"),
                  missing: ROMAN[roman] ?? "",
                })),
            location: { paragraph: index },
          });
        }
        roman = n;
        arabic = 0;
        return;
      }
      const a = /^(\d{1,2})\.(?!\d)\s*\p{L}/u.exec(text);
      if (!a || roman === 0) return;
      const n = Number(a[1]);
      if (n !== arabic + 1 && n !== arabic) {
        findings.push({
          rule: this.id,
          severity: "hint",
          ...told("section-numbering.sub", {
            section: ROMAN[roman - 1] ?? "",
            n,
            previous: arabic || say("none-yet"),
          }),
          location: { paragraph: index },
        });
      }
      arabic = n;
    });
    return findings;
  },
};
