/**
 * Never silent about tables: a table that looks like a plan or a self-assessment but is not
 * understood is named with what was found and what is missing; a plan table without a column KHCT
 * checks is said so; a document with no plan table does not end in "no errors".
 */
import { KIND_RULES, roleHeader, type ColumnRole } from "../../plan/layouts";
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
          message: `${t.where}: ${t.header.reason} KHCT chưa kiểm tra, chưa điền bảng này.`,
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
        message: `${t.where}: bảng kế hoạch không có cột ${lacking.map((r) => `“${roleHeader(r)}”`).join(", ")}, nên KHCT không kiểm tra được phần đó.`,
        location: { table: t.key },
      });
    }
    if (!context.tables.some((t) => t.kind === "plan")) {
      const understood = context.tables.filter((t) => t.kind !== null).length;
      findings.push({
        rule: this.id,
        severity: "warning",
        message:
          context.tables.length === 0
            ? `Tài liệu không có bảng nào: không có ${KIND_RULES.plan.name} để kiểm tra (chỉ kiểm tra phần chữ).`
            : `Không thấy ${KIND_RULES.plan.name} trong ${context.tables.length} bảng của tài liệu${understood ? ` (nhận ra ${understood} bảng khác)` : ""}: bảng kế hoạch cần có cột giải pháp hoặc nội dung công việc và các cột như tiêu chí, người chủ trì, thời gian.`,
        location: {},
      });
    }
    return findings;
  },
};
