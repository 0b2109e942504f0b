/** Required cells of criterion rows: solution, responsible, timeframe (and the target level where there is a Mức column). */
import { isPlaceholder } from "../../plan/templates";
import type { ColumnRole } from "../../plan/layouts";
import type { Finding, Rule } from "../types";
import { criterionRows, planTables } from "./helpers";

const REQUIRED: readonly ColumnRole[] = [
  "solution",
  "content",
  "responsible",
  "timeframe",
  "level",
];

export const requiredEmpty: Rule = {
  id: "required-empty",
  area: "cells",
  description:
    "Ô bắt buộc của dòng tiêu chí còn trống hoặc còn ghi chú mẫu: giải pháp, người chủ trì, thời gian (và mức cần đạt nếu có cột Mức).",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      const layout = table.header.layout;
      for (const row of criterionRows(table)) {
        if (!row.ref) continue;
        for (const role of REQUIRED) {
          const cell = row.cells[role];
          if (!cell || cell.covered) continue;
          const empty = cell.text.trim() === "";
          if (!empty && !isPlaceholder(cell.text)) continue;
          const header = layout.columns.find((c) => c.role === role)?.header ?? role;
          findings.push({
            rule: this.id,
            severity: "warning",
            message: `${row.ref.label}: ô “${header}” ${empty ? "còn trống" : "còn ghi chú mẫu, chưa được viết"}.`,
            location: { table: key, row: row.index, column: cell.col },
            criterion: row.ref.ref.id,
          });
        }
      }
    }
    return findings;
  },
};
