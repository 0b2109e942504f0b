/** Rules on standard rows and the order of rows: titles, TT numbering, placement. */
import { levelName, say, told } from "../../messages";
import { findStandard } from "../../catalogue/catalogue";
import { squash } from "../../text/fold";
import type { Finding, Rule } from "../types";
import { planTables, sameTitle, levelsOfTitle } from "./helpers";
import type { CheckContext } from "../types";

const circular = (context: CheckContext) => say("circular", { number: context.framework.circular });

export const standardTitle: Rule = {
  id: "standard-title",
  area: "titles",
  description:
    "Tên tiêu chuẩn khác với thông tư của cấp học (thường là chép từ cấp học khác), sửa được.",
  fixable: true,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      for (const row of table.rows) {
        if (row.kind !== "standard" || !row.standard) continue;
        const expected = findStandard(context.framework, row.standard.id);
        const col = row.cells.criterion?.col ?? 0;
        if (!expected) {
          findings.push({
            rule: this.id,
            severity: "error",
            ...told("standard-unknown", { circular: circular(context), id: row.standard.id }),
            location: { table: key, row: row.index, column: col },
          });
          continue;
        }
        if (!row.standard.title || sameTitle(row.standard.title, expected.title)) continue;
        const from = levelsOfTitle(context.framework, "standard", expected.id, row.standard.title);
        const cellText = table.grid.cells[row.index]?.[col]?.text ?? "";
        findings.push({
          rule: this.id,
          severity: "error",
          ...told(from ? "standard-title.other-level" : "standard-title.differs", {
            id: expected.id,
            written: row.standard.title,
            ...(from ? { from: from.map(levelName) } : {}),
            circular: circular(context),
            title: expected.title,
          }),
          location: { table: key, row: row.index, column: col },
          // Fixable when the cell holds just "Tiêu chuẩn N: title" (nothing else of the school's would change).
          ...(squash(cellText) === row.standard.written
            ? {
                fix: [
                  {
                    table: key,
                    row: row.index,
                    col,
                    expected: cellText,
                    text: `Tiêu chuẩn ${expected.id}: ${expected.title}`,
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

export const standardNumbering: Rule = {
  id: "standard-numbering",
  area: "numbering",
  description: "Cột TT của dòng tiêu chuẩn đánh số sai (ví dụ Tiêu chuẩn 5 đánh số 4), sửa được.",
  fixable: true,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      const tt = table.header.columns.tt;
      if (tt === undefined || table.header.layout.numbersEveryRow) continue;
      for (const row of table.rows) {
        const cell = row.cells.tt;
        if (row.kind !== "standard" || !row.standard || !cell || cell.covered) continue;
        const written = cell.text.trim();
        if (written === "" || written === row.standard.id) continue;
        findings.push({
          rule: this.id,
          severity: "error",
          ...told("standard-numbering", { id: row.standard.id, written }),
          location: { table: key, row: row.index, column: cell.col },
          fix: [
            {
              table: key,
              row: row.index,
              col: cell.col,
              expected: cell.text,
              text: row.standard.id,
            },
          ],
        });
      }
    }
    return findings;
  },
};

export const rowOrder: Rule = {
  id: "row-order",
  area: "structure",
  description:
    "Tiêu chí nằm dưới dòng tiêu chuẩn khác, tiêu chí hoặc tiêu chuẩn không theo thứ tự.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      if (!table.header.layout.groupRows) continue;
      let standard: string | null = null;
      let lastStandard = 0;
      let lastCriterion: [number, number] = [0, 0];
      for (const row of table.rows) {
        if (row.kind === "section") {
          standard = null;
          lastStandard = 0;
          lastCriterion = [0, 0];
          continue;
        }
        if (row.kind === "standard" && row.standard) {
          const n = Number(row.standard.id);
          if (n < lastStandard) {
            findings.push({
              rule: this.id,
              severity: "warning",
              ...told("row-order.standard", { n, previous: lastStandard }),
              location: { table: key, row: row.index },
            });
          }
          lastStandard = n;
          standard = row.standard.id;
          continue;
        }
        if (
          row.kind !== "criterion" ||
          row.ref?.ref.kind !== "criterion" ||
          row.cells.criterion?.covered
        )
          continue;
        const { standard: s, number: c } = row.ref.ref;
        if (standard !== null && String(s) !== standard) {
          findings.push({
            rule: this.id,
            severity: "error",
            ...told("row-order.wrong-standard", { label: row.ref.label, under: standard, own: s }),
            location: { table: key, row: row.index, column: row.cells.criterion?.col ?? 0 },
            criterion: row.ref.ref.id,
          });
        } else if (s < lastCriterion[0] || (s === lastCriterion[0] && c < lastCriterion[1])) {
          findings.push({
            rule: this.id,
            severity: "warning",
            ...told("row-order.criterion", {
              label: row.ref.label,
              previous: `${lastCriterion[0]}.${lastCriterion[1]}`,
            }),
            location: { table: key, row: row.index, column: row.cells.criterion?.col ?? 0 },
            criterion: row.ref.ref.id,
          });
        }
        lastCriterion = [s, c];
      }
    }
    return findings;
  },
};
