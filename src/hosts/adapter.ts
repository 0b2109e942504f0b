/**
 * The verbs every host adapter offers the task pane. The pane receives an adapter (or none,
 * outside Office) and never touches office.js itself. Each verb is one Word.run/Excel.run batch
 * with a fixed number of context.sync() calls, whatever the size of the document.
 */
import type { PlanSettings } from "../core/plan/settings";

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
  readonly kind: "word" | "excel";
  readPlanContext(): Promise<PlanContext>;
  writeSettings(settings: PlanSettings): Promise<void>;
  /** Inserts text at the cursor (Word: after the selection, never replacing it; Excel: the active cell if empty). */
  insertAtSelection(text: string, options?: InsertOptions): Promise<InsertResult>;
}

/** A host batch runner: Word.run or Excel.run, or a test's recording fake. */
export type BatchRunner<C> = <T>(batch: (context: C) => Promise<T>) => Promise<T>;
