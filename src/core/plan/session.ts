/**
 * What the "Lập kế hoạch" panel works on, host-independent: the document's tables recognised,
 * the plan and self-assessment tables picked out, proposals turned into templates with the
 * user's edits, and a patch with its preview.
 */
import type { Framework } from "../catalogue/types";
import { readAssessment } from "./assessment";
import { recognizeHeader, type HeaderResult } from "./header";
import { readableLayouts, type ColumnRole, type TableKind } from "./layouts";
import type { Patch } from "./patch";
import type { AssessmentResults, Proposal } from "./proposal";
import { readPlanTable, type PlanTable } from "./rows";
import type { TableGrid } from "./table";
import type { AssessedLevel, RowTemplate } from "./templates";

export interface FoundTable {
  readonly key: string;
  readonly where: string;
  readonly grid: TableGrid;
}

export interface AnalysedTable extends FoundTable {
  readonly header: HeaderResult;
  readonly kind: TableKind | null;
  readonly table: PlanTable | null;
}

export function analyseTables(
  tables: readonly FoundTable[],
  framework: Framework
): AnalysedTable[] {
  return tables.map((found) => {
    const header = recognizeHeader(found.grid, readableLayouts());
    if (!header.ok) return { ...found, header, kind: null, table: null };
    return {
      ...found,
      header,
      kind: header.match.layout.kind,
      table: readPlanTable(found.grid, header.match, framework),
    };
  });
}

/** The results of every self-assessment table (Mức 1–3 and Mức 4) in the document, merged. */
export function resultsFromTables(tables: readonly AnalysedTable[]): {
  results: AssessmentResults;
  sources: readonly AnalysedTable[];
} {
  const levels = new Map<string, AssessedLevel>();
  const level4 = new Map<string, boolean>();
  const sources: AnalysedTable[] = [];
  for (const t of tables) {
    if (t.kind !== "assessment" || !t.table) continue;
    const read = readAssessment(t.table);
    read.results.levels.forEach((v, k) => levels.set(k, v));
    read.results.level4.forEach((v, k) => level4.set(k, v));
    sources.push(t);
  }
  return { results: { levels, level4 }, sources };
}

export interface ProposalEdit {
  readonly solution?: string;
  readonly responsible?: string;
}

/** The templates to write: the ticked proposals, with what the user typed in place of the placeholders. */
export function chosenTemplates(
  proposals: readonly Proposal[],
  unticked: ReadonlySet<string>,
  edits: ReadonlyMap<string, ProposalEdit>
): RowTemplate[] {
  return proposals
    .filter((p) => !unticked.has(proposalKey(p)))
    .map((p) => {
      const edit = edits.get(proposalKey(p));
      if (!edit) return p.template;
      const values: Partial<Record<ColumnRole, string>> = { ...p.template.values };
      if (edit.solution?.trim()) values.solution = values.content = edit.solution.trim();
      if (edit.responsible?.trim()) values.responsible = edit.responsible.trim();
      return { ...p.template, values };
    });
}

export const proposalKey = (p: Proposal) => `${p.template.kind}:${p.template.id}`;

export interface PreviewItem {
  readonly kind: "insert" | "set";
  /** "Tiêu chí 1.2", "Tiêu chuẩn 3", "MỨC 4". */
  readonly label: string;
  /** For a set: the column's standard header. */
  readonly column?: string;
}

export function previewItems(patch: Patch, table: PlanTable): PreviewItem[] {
  const headerOf = (role: ColumnRole) =>
    table.header.layout.columns.find((c) => c.role === role)?.header ?? role;
  return patch.ops.map((op) => {
    if (op.kind === "insert") return { kind: "insert", label: op.label };
    const row = table.rows.find((r) => r.index === op.row);
    return {
      kind: "set",
      label: row?.ref?.label ?? `hàng ${op.row + 1}`,
      column: headerOf(op.role),
    };
  });
}

/**
 * The text the plan's identity is read from: the paragraphs, then every table cell (the header
 * block of an administrative document is often a borderless table).
 */
export function identityTexts(
  paragraphs: readonly string[],
  tables: readonly FoundTable[]
): string[] {
  const cells = tables.flatMap((t) =>
    t.grid.cells.flatMap((row, r) =>
      row.filter((c) => c.origin.row === r && c.text.trim() !== "").map((c) => c.text)
    )
  );
  return [...paragraphs, ...cells];
}
