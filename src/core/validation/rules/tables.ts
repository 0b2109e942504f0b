/**
 * Never silent about tables: a table that looks like a plan or a self-assessment but is not
 * understood is named with what was found and what is missing; a plan table without a column KHCT
 * checks is said so; a document with no plan table does not end in "no errors".
 */
import { told } from "../../messages";
import { roleHeader, type ColumnRole } from "../../plan/layouts";
import type { Finding, Rule } from "../types";

/** Columns whose absence means a check cannot run on a plan table. */
const CHECKED: readonly ColumnRole[] = ["criterion", "responsible", "timeframe"];

export const tablesUnderstood: Rule = {
  id: "table-not-understood",
  area: "structure",
  description:
    "Bảng giống bảng kế hoạch hay bảng kết quả tự đánh giá nhưng KHCT không đọc được (nói rõ nhận ra cột nào, thiếu cột nào); bảng kế hoạch thiếu cột cần kiểm tra; tài liệu không có bảng kế hoạch.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const t of context.tables) {
      if (!t.header.ok) {
        if (!t.header.guess) continue;
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("table-not-understood", { where: t.where, reason: t.header.said }),
          location: { table: t.key },
        });
        continue;
      }
      if (t.kind !== "plan") continue;
      const columns = t.header.match.columns;
      // A plan on Thông tư 57/2026's form names criteria in Mục IV, not in its plan table.
      const checked =
        t.header.match.layout.id === "tt57-plan"
          ? CHECKED.filter((r) => r !== "criterion")
          : CHECKED;
      const lacking = checked.filter((role) => columns[role] === undefined);
      if (lacking.length === 0) continue;
      findings.push({
        rule: this.id,
        severity: "hint",
        ...told("table-lacks-columns", {
          where: t.where,
          columns: lacking.map((r) => `“${roleHeader(r)}”`).join(", "),
        }),
        location: { table: t.key },
      });
    }
    if (!context.tables.some((t) => t.kind === "plan")) {
      const understood = context.tables.filter((t) => t.kind !== null).length;
      findings.push({
        rule: this.id,
        severity: "warning",
        ...(context.tables.length === 0
          ? told("no-tables")
          : told(understood ? "no-plan-table.others" : "no-plan-table", {
              count: context.tables.length,
              understood,
            })),
        location: {},
      });
    }
    return findings;
  },
};
