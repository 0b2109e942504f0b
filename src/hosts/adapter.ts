/**
 * The verbs every host adapter offers the task pane. The pane receives an adapter (or none,
 * outside Office) and never touches office.js itself. Each verb is one Word.run/Excel.run batch
 * with a fixed number of context.sync() calls, whatever the size of the document.
 */
import type { FormatPlan } from "../core/format/planFormat";
import type { FormatInput } from "../core/format/session";
import type { Patch, PatchOp } from "../core/plan/patch";
import type { PlanSettings } from "../core/plan/settings";
import type { TableGrid } from "../core/plan/table";

export interface PlanContext {
  /** The document's visible text: Word paragraphs (table cells included), Excel non-empty cells. */
  readonly paragraphs: readonly string[];
  /** KHCT's confirmation stored in the document, if any (and if readable). */
  readonly settings: PlanSettings | null;
}

export type InsertResult =
  | { readonly ok: true; readonly where: string }
  /** The active cell has content: nothing was written; the pane may ask to append. */
  | {
      readonly ok: false;
      readonly reason: "occupied";
      readonly where: string;
      readonly current: string;
    }
  /** The active cell holds a formula: KHCT never replaces or appends to one. */
  | { readonly ok: false; readonly reason: "formula"; readonly where: string };

export interface InsertOptions {
  /** Excel: add the text on a new line at the end of a non-empty cell (the user confirmed). */
  readonly append?: boolean;
}

export interface HostAdapter {
  readonly kind: "word" | "excel" | "file";
  readPlanContext(): Promise<PlanContext>;
  writeSettings(settings: PlanSettings): Promise<void>;
  /** Inserts text at the cursor (Word: after the selection, never replacing it; Excel: the active cell if empty). */
  insertAtSelection(text: string, options?: InsertOptions): Promise<InsertResult>;
}

/** A host batch runner: Word.run or Excel.run, or a test's recording fake. */
export type BatchRunner<C> = <T>(batch: (context: C) => Promise<T>) => Promise<T>;

/** A table found in the document, as the core sees it; `key` identifies it for the host. */
export interface DocumentTable {
  readonly key: string;
  /** Where it is, for the user: "Bảng 2", "Trang tính KH, từ hàng 3". */
  readonly where: string;
  readonly grid: TableGrid;
  /** Excel: the sheet column (0-based) of the grid's first column — a used range starts at its first used cell. Absent: column A. */
  readonly left?: number;
}

export type FillOutcome =
  | {
      readonly ok: true;
      readonly written: number;
      readonly inserted: number;
      readonly skipped: readonly PatchOp[];
    }
  /** Nothing was written: the table changed since it was read, is gone, or has no row new rows can copy. */
  | { readonly ok: false; readonly reason: "changed" | "gone" | "no-anchor-row" };

export type InsertTableOutcome =
  | { readonly ok: true; readonly where: string }
  /** Excel: the cells the new table would cover are not all empty; nothing was written. */
  | { readonly ok: false; readonly reason: "occupied"; readonly where: string };

/** Plan tables: read them, fill one in place, or insert a new one at the cursor. */
export interface PlanTableHost {
  readTables(): Promise<DocumentTable[]>;
  applyPatch(table: DocumentTable, patch: Patch): Promise<FillOutcome>;
  /**
   * Excel: the monitoring report on a new sheet, as a table and a column chart of its first
   * `chartRows` lines (the standards). Word inserts the report with insertTable.
   */
  insertReport?(
    title: string,
    rows: readonly (readonly string[])[],
    chartRows: number
  ): Promise<{ readonly ok: true; readonly where: string }>;
  /**
   * Adds the "Tiến độ thực hiện" and "Kết quả thực hiện" columns at the right of a plan table (on the
   * user's request): header cells written, body cells left empty. Refused (nothing written) when the
   * table changed or, in Excel, the cells to the right are not empty.
   */
  addProgressColumns?(table: DocumentTable): Promise<
    | { readonly ok: true }
    | {
        readonly ok: false;
        /** "merged": Word adds columns only to a table without merged cells (office-js#3425). */
        readonly reason: "changed" | "occupied" | "merged";
      }
  >;
  /** A new table at the cursor (Word) or the active cell (Excel); `merged` rows span from their `from` column. */
  insertTable(
    rows: readonly (readonly string[])[],
    merged: readonly { readonly row: number; readonly from: number }[],
    headerRows: number
  ): Promise<InsertTableOutcome>;
}

/** What the check reads: the text outside the tables, and the tables. */
export interface DocumentContent {
  readonly paragraphs: readonly string[];
  readonly tables: readonly DocumentTable[];
  /** Keys of the findings co-authors dismissed for this document. */
  readonly dismissed: readonly string[];
}

/** A cell rewrite, applied only if the cell still holds `expected` (a co-author may have changed it). */
export interface CellEdit {
  readonly table: string;
  readonly row: number;
  readonly col: number;
  readonly expected: string;
  readonly text: string;
}

export interface RowRemoval {
  readonly table: string;
  readonly row: number;
  /** The row's texts in grid positions ("" where a merge covers it). */
  readonly cells: readonly string[];
}

export interface EditOptions {
  readonly removals?: readonly RowRemoval[];
  /** What the edits are, for KHCT's history of its own operations. */
  readonly purpose?: "fix" | "progress" | "undo";
}

export interface EditOutcome {
  readonly written: number;
  /** Edits not written because the cell no longer held what they expected. */
  readonly skipped: number;
  readonly removed: number;
  /** Rows not removed because someone changed them (or the host cannot remove rows). */
  readonly kept: number;
  /** The edits that were written. */
  readonly applied: readonly CellEdit[];
}

/** The outcome of applyEdits, from what a host wrote and removed. */
export function editOutcome(
  edits: readonly CellEdit[],
  applied: readonly CellEdit[],
  removals: readonly RowRemoval[],
  removed: number
): EditOutcome {
  return {
    written: applied.length,
    skipped: edits.length - applied.length,
    removed,
    kept: removals.length - removed,
    applied,
  };
}

export interface CheckHost {
  /** Paragraphs and tables in a fixed number of syncs, whatever the document's size. */
  readDocument(): Promise<DocumentContent>;
  /** Moves the selection to a finding's place. */
  select(location: {
    readonly table?: string;
    readonly row?: number;
    readonly column?: number;
    readonly paragraph?: number;
  }): Promise<void>;
  /**
   * Writes cell edits, each only while its cell holds `expected`, then removes rows, each only
   * while it holds exactly its cells (undoing a fill) — one read to confirm, one write.
   */
  applyEdits(edits: readonly CellEdit[], options?: EditOptions): Promise<EditOutcome>;
  /**
   * Remembers (or forgets) a dismissed finding in the document, one small entry per finding, so
   * co-authors dismissing different findings never overwrite each other.
   */
  setDismissed(key: string, dismissed: boolean, note: string): Promise<void>;
  /**
   * Attaches notes as the host's own comments on their cells or paragraphs (Word: WordApi 1.4;
   * Excel: ExcelApi 1.10), so co-authors without KHCT see them. Absent where the host has none.
   */
  attachComments?(
    notes: readonly CommentNote[]
  ): Promise<{ readonly added: number; readonly skipped: number }>;
}

export interface CommentNote {
  readonly location: {
    readonly table?: string;
    readonly row?: number;
    readonly column?: number;
    readonly paragraph?: number;
  };
  readonly text: string;
}

/** What the format panel reads: the text and tables, and the look of both (see the core's FormatInput). */
export interface FormatSnapshot extends FormatInput {
  readonly tables: readonly DocumentTable[];
}

export type FormatOutcome =
  | { readonly ok: true; readonly written: number; readonly skipped: number }
  /** Nothing was written: the table changed since the preview, or is gone. */
  | { readonly ok: false; readonly reason: "changed" | "gone" };

/** What undoing a format did. */
export interface FormatUndo {
  /**
   * The table's rows changed since (a co-author inserted, removed or moved rows): the look of its
   * rows and cells was kept, because it would land on other rows; the rest was restored.
   */
  readonly tableKept: boolean;
}

/** Formatting: read the look, apply a plan in a fixed number of syncs, undo KHCT's formats. */
export interface FormatHost {
  readFormat(): Promise<FormatSnapshot>;
  applyFormat(plan: FormatPlan): Promise<FormatOutcome>;
  /**
   * Restores what the most recent applyFormat not yet undone changed (formats are undone in
   * reverse order); null when there is nothing to undo.
   */
  undoFormat(): Promise<FormatUndo | null>;
}
