/**
 * A new plan table, for a document that has none: the layout's standard header, then the rows the
 * plan needs with their section and standard rows, computed by the same fill patch as in place.
 */
import type { Framework } from "../catalogue/types";
import { createdColumns, type Layout } from "./layouts";
import { applyPatch, computeFillPatch } from "./patch";
import { readPlanTable } from "./rows";
import { gridFromStrings } from "./table";
import type { RowTemplate } from "./templates";

export interface NewTable {
  readonly rows: string[][];
  /** Rows whose cells from `from` to the last column are one merged cell (section and standard rows). */
  readonly merged: readonly { readonly row: number; readonly from: number }[];
  readonly headerRows: number;
}

export function newPlanTable(
  layout: Layout,
  templates: readonly RowTemplate[],
  framework: Framework
): NewTable {
  const created = createdColumns(layout);
  const header = created.map((c) => c.header);
  const grid = gridFromStrings([header]);
  const columns = Object.fromEntries(created.map((c, i) => [c.role, i]));
  const match = { layout, headerStart: 0, headerRows: 1, columns, unmatched: [] };
  const patch = computeFillPatch(readPlanTable(grid, match, framework), templates, framework);
  const rows = applyPatch([header], patch).rows;
  // A header-only table gets inserts only, in order, after the header row.
  const merged: { row: number; from: number }[] = [];
  patch.ops.forEach((op, i) => {
    if (op.kind === "insert" && op.mergeFrom !== undefined)
      merged.push({ row: 1 + i, from: op.mergeFrom });
  });
  return { rows, merged, headerRows: 1 };
}
