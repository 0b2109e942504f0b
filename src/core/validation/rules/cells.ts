/** Required cells of criterion rows: solution, responsible, timeframe (and the target level where there is a Mức column). */
import { say, told } from "../../messages";
import { isTemplateFiller } from "../../plan/templates";
import type { ColumnRole } from "../../plan/layouts";
import type { Finding, RoleCell, Rule } from "../types";
import { isItemTable, itemName, itemRows } from "../../plan/rows";
import { planTables } from "./helpers";

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
    "Ô bắt buộc của dòng tiêu chí (cả dòng Mức 4) hay của việc cải tiến (mẫu Thông tư 57/2026) còn trống hoặc còn ghi chú mẫu: giải pháp, người chủ trì, thời gian (và mức cần đạt nếu có cột Mức); ghi chú mẫu của KHCT còn sót ở bất kỳ ô nào.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      const layout = table.header.layout;
      const name = (role: ColumnRole) =>
        layout.columns.find((c) => c.role === role)?.header ?? role;
      const rows = isItemTable(table)
        ? itemRows(table)
        : table.rows.filter((r) => (r.kind === "criterion" || r.kind === "level4") && r.ref);
      for (const row of rows) {
        const item = itemName(row);
        const label = row.kind === "level4" ? say("item.level4", { label: item }) : item;
        for (const [role, cell] of Object.entries(row.cells) as [ColumnRole, RoleCell][]) {
          if (!cell || cell.covered) continue;
          const empty = cell.text.trim() === "";
          const placeholder =
            !empty && isTemplateFiller(cell.text) && !/^Đạt tiêu chí/u.test(cell.text.trim());
          if (!placeholder && !(empty && REQUIRED.includes(role))) continue;
          findings.push({
            rule: this.id,
            severity: "warning",
            ...told(empty ? "required-empty.empty" : "required-empty.placeholder", {
              label,
              column: name(role),
            }),
            location: { table: key, row: row.index, column: cell.col },
            ...(row.ref ? { criterion: row.ref.ref.id } : {}),
          });
        }
      }
    }
    return findings;
  },
};
