/**
 * The rows of a recognised plan table: section rows ("MỨC 1, 2, 3", "MỨC 4"), standard rows
 * ("1 | Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"), criterion rows, level-4 rows, "Không"
 * rows, empty rows, and anything else (kept, reported, never touched).
 */
import { say, type Param } from "../messages";
import {
  parseCriterionRef,
  parseCriterionRefs,
  type ParsedRef,
  type RefError,
} from "../catalogue/reference";
import type { Framework } from "../catalogue/types";
import { fold, squash } from "../text/fold";
import { isLevel4Only, type HeaderMatch } from "./header";
import { SECTION_LEVEL4, SECTION_LEVELS123, STANDARD } from "./rowPatterns";
import type { ColumnRole } from "./layouts";
import type { TableGrid } from "./table";

export type Section = "levels123" | "level4";

export type RowKind = "section" | "standard" | "criterion" | "level4" | "none" | "empty" | "other";

export interface RowCell {
  readonly col: number;
  /** The text of the cell (for a vertically merged cell, the merge's text). */
  readonly text: string;
  /** The position is covered by a merge that starts in another row or column. */
  readonly covered: boolean;
}

export interface PlanRow {
  /** Row index in the table grid. */
  readonly index: number;
  readonly kind: RowKind;
  /** The MỨC section the row stands in (null before any section row, or in layouts without them). */
  readonly section: Section | null;
  /** For section rows: which section starts here. */
  readonly starts?: Section;
  /** For standard rows: the standard's number and the title as written. */
  readonly standard?: { readonly id: string; readonly title: string; readonly written: string };
  /** For criterion and level-4 rows: the parsed reference (the first, when the cell names several). */
  readonly ref?: ParsedRef;
  /** Every criterion the cell names ("Tiêu chí 1.4; Tiêu chí 2.3", "1.1 - 1.3"), the first included. */
  readonly refs?: readonly ParsedRef[];
  /** A criterion cell that could not be read as a reference. */
  readonly refError?: RefError;
  readonly cells: Readonly<Partial<Record<ColumnRole, RowCell>>>;
}

export interface PlanTable {
  readonly grid: TableGrid;
  readonly header: HeaderMatch;
  readonly rows: readonly PlanRow[];
}

function rowCells(
  grid: TableGrid,
  header: HeaderMatch,
  r: number
): Partial<Record<ColumnRole, RowCell>> {
  const out: Partial<Record<ColumnRole, RowCell>> = {};
  for (const [role, col] of Object.entries(header.columns) as [ColumnRole, number][]) {
    const cell = grid.cells[r]?.[col];
    if (!cell) continue;
    const covered = cell.origin.row !== r || cell.origin.col !== col;
    // A vertical merge (same column) carries its text down; a horizontal one does not repeat it.
    const text =
      covered && cell.origin.col === col
        ? (grid.cells[cell.origin.row]?.[col]?.text ?? "")
        : covered
          ? ""
          : cell.text;
    out[role] = { col, text, covered };
  }
  return out;
}

/** The distinct non-empty texts of a row, each merge counted once. */
function rowTexts(grid: TableGrid, r: number): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const cell of grid.cells[r] ?? []) {
    const key = `${cell.origin.row}:${cell.origin.col}`;
    if (seen.has(key) || cell.origin.row !== r) continue;
    seen.add(key);
    if (cell.text.trim()) texts.push(cell.text);
  }
  return texts;
}

/** Reads the body rows of a recognised table. */
export function readPlanTable(
  grid: TableGrid,
  header: HeaderMatch,
  framework?: Framework
): PlanTable {
  const rows: PlanRow[] = [];
  // The Mức 4 results table lists only Mức 4 criteria ("Tiêu chí 1" … "Tiêu chí 5").
  let section: Section | null =
    header.layout.kind === "assessment" && isLevel4Only(header.columns) ? "level4" : null;
  const referenceRoles: readonly ColumnRole[] = ["criterion"];
  for (let r = header.headerStart + header.headerRows; r < grid.rowCount; r++) {
    const cells = rowCells(grid, header, r);
    const texts = rowTexts(grid, r);
    const base = { index: r, cells };
    if (texts.length === 0) {
      rows.push({ ...base, kind: "empty", section });
      continue;
    }
    const joined = texts.length <= 2 ? fold(texts.join(" ")) : "";
    if (joined && (SECTION_LEVELS123.test(joined) || SECTION_LEVEL4.test(joined))) {
      section = SECTION_LEVEL4.test(joined) ? "level4" : "levels123";
      rows.push({ ...base, kind: "section", section, starts: section });
      continue;
    }
    // A grouping standard cell that says Mức 4 ("ĐG Mức 4", merged down over its rows) puts the
    // rows it covers in the Mức 4 part.
    const grouping = cells.standard?.text ? fold(cells.standard.text) : "";
    const rowSection: Section | null = SECTION_LEVEL4.test(grouping) ? "level4" : section;
    const standardText = texts.find((t) => STANDARD.test(t));
    const criterionCell = referenceRoles
      .map((role) => cells[role])
      .find((cell) => cell && cell.text.trim() !== "");
    const standardMatch = standardText ? STANDARD.exec(squash(standardText)) : null;
    if (
      standardMatch &&
      standardMatch[1] &&
      (!criterionCell || STANDARD.test(criterionCell.text))
    ) {
      rows.push({
        ...base,
        kind: "standard",
        section,
        standard: {
          id: String(Number(standardMatch[1])),
          title: squash(standardMatch[2] ?? ""),
          written: squash(standardText ?? ""),
        },
      });
      continue;
    }
    if (criterionCell) {
      const text = squash(criterionCell.text);
      if (!criterionCell.covered && rowSection === "level4" && fold(text) === "khong") {
        rows.push({ ...base, kind: "none", section: rowSection });
        continue;
      }
      const where = rowSection === "level4" ? "level4" : "levels123";
      const parsed = parseCriterionRef(text, { section: where });
      if (parsed.ok) {
        // Known to be a reference; whether it exists for this school level is a separate question.
        const checked = framework ? parseCriterionRef(text, { framework, section: where }) : parsed;
        // Several criteria only when a list separator follows the first label.
        const after = text.slice(text.indexOf(parsed.written) + parsed.written.length);
        const all = /^\s*(;|,|&|\+|\/|và|va\b|-|–|—|đến|tới)/iu.test(after)
          ? parseCriterionRefs(text, { section: where, ...(framework ? { framework } : {}) })
          : [];
        rows.push({
          ...base,
          kind: parsed.ref.kind === "level4" ? "level4" : "criterion",
          section: rowSection,
          ref: checked.ok ? checked : parsed,
          ...(all.length > 1 ? { refs: all } : {}),
          ...(checked.ok ? {} : { refError: checked }),
        });
        continue;
      }
      if (!criterionCell.covered) {
        rows.push({ ...base, kind: "other", section, refError: parsed });
        continue;
      }
    }
    rows.push({ ...base, kind: "other", section });
  }
  return { grid, header, rows };
}

/**
 * A table of improvement items rather than of criteria (Thông tư 57/2026's form: criteria are named
 * in Mục IV): it has no criterion column, and each non-empty body row is an item.
 */
export function isItemTable(table: PlanTable): boolean {
  return table.header.columns.criterion === undefined;
}

/** The item rows of an item table. */
export function itemRows(table: PlanTable): PlanRow[] {
  return table.rows.filter((r) => r.kind === "other");
}

/** How a row is named in messages: its criterion's label, or "Việc n" for an item. */
/** itemLabel as said: the label as written, or "Việc 3" / "Task 3" in the pane's language. */
export function itemName(row: PlanRow): Param {
  const number = row.cells.tt?.text.trim();
  return (
    row.ref?.label ??
    (number ? say("item.numbered", { n: number }) : say("item.at-row", { row: row.index + 1 }))
  );
}

export function itemLabel(row: PlanRow): string {
  const number = row.cells.tt?.text.trim();
  return row.ref?.label ?? `Việc ${number || `ở hàng ${row.index + 1}`}`;
}
