/**
 * KHCT's history of its own operations — fill, fix, progress update, format — undone one at a
 * time in reverse order. Excel keeps no undo after an add-in writes, and Word's Ctrl+Z sees
 * KHCT's batch as many small steps mixed with the co-authors' typing, so KHCT keeps its own.
 *
 * The hosts stay unaware of it: `journaled()` wraps the faces the pane uses and records each
 * successful write with what undoing it takes:
 * - a table change (Word, Excel): the document is read again, the rows are found again by their
 *   text (the core's planRevert), and only what still holds KHCT's text is written back — what a
 *   co-author changed meanwhile is kept and named;
 * - a format: the format host's own record (looks have no text to compare);
 * - a file opened outside Office: the bytes before the operation (nobody else edits them).
 *
 * Nothing is stored in the document: the history lasts as long as the task pane is open, like
 * Office's own undo.
 */
import {
  changeSize,
  editsChange,
  fillChange,
  planRevert,
  rowLabel,
  type Refusal,
  type TableChange,
} from "../core/history/change";
import type {
  CellEdit,
  CheckHost,
  DocumentContent,
  DocumentTable,
  EditOptions,
  FormatHost,
  PlanTableHost,
  RowRemoval,
} from "./adapter";

export type OperationKind = "fill" | "fix" | "progress" | "format" | "table" | "columns";

export interface JournalEntry {
  readonly id: number;
  readonly kind: OperationKind;
  readonly at: Date;
  /** Where it happened, for the user ("Bảng 2"); "" for the whole document. */
  readonly where: string;
  /** Cells written and rows inserted (0 for a format). */
  readonly cells: number;
  readonly rows: number;
}

/** What undoing the last operation would do on the document as it is now. */
export interface UndoPreview {
  readonly entry: JournalEntry;
  readonly restore: number;
  readonly remove: number;
  readonly refused: readonly Refusal[];
  /** A format (looks put back) or a file (previous bytes): no cell counts. */
  readonly whole: boolean;
}

export interface UndoOutcome {
  readonly entry: JournalEntry;
  readonly restored: number;
  readonly removed: number;
  readonly refused: readonly Refusal[];
  readonly whole: boolean;
  /** A format whose table rows changed since: the rows' looks were kept. */
  readonly tableKept: boolean;
}

export interface Journal {
  /** Oldest first. */
  entries(): readonly JournalEntry[];
  subscribe(listener: () => void): () => void;
  previewLast(): Promise<UndoPreview | null>;
  /**
   * Undoes the last operation. When nothing of it could be undone (everything refused), the entry
   * stays, so the user can retry (e.g. on the right sheet) or forget it.
   */
  undoLast(): Promise<UndoOutcome | null>;
  /** Drops the last entry without touching the document. */
  forgetLast(): void;
}

interface Undoer {
  preview(): Promise<Omit<UndoPreview, "entry">>;
  apply(): Promise<Omit<UndoOutcome, "entry">>;
}

/** Entries kept: enough for a working session, bounded so the pane never grows without end. */
export const JOURNAL_LIMIT = 50;

export interface JournalWriter extends Journal {
  record(entry: Omit<JournalEntry, "id" | "at">, undoer: Undoer): void;
}

export function createJournal(now: () => Date = () => new Date()): JournalWriter {
  const stack: { entry: JournalEntry; undoer: Undoer }[] = [];
  const listeners = new Set<() => void>();
  // The same array until something changes (React's useSyncExternalStore compares snapshots).
  let snapshot: readonly JournalEntry[] = [];
  const notify = () => {
    snapshot = stack.map((s) => s.entry);
    listeners.forEach((l) => l());
  };
  let next = 1;
  let busy = false;
  return {
    entries: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    record(entry, undoer) {
      stack.push({ entry: { ...entry, id: next++, at: now() }, undoer });
      if (stack.length > JOURNAL_LIMIT) stack.shift();
      notify();
    },
    async previewLast() {
      const top = stack[stack.length - 1];
      if (!top) return null;
      return { entry: top.entry, ...(await top.undoer.preview()) };
    },
    async undoLast() {
      const top = stack[stack.length - 1];
      if (!top || busy) return null;
      busy = true;
      try {
        const outcome = await top.undoer.apply();
        const nothing =
          !outcome.whole &&
          outcome.restored === 0 &&
          outcome.removed === 0 &&
          outcome.refused.length > 0;
        if (!nothing && stack[stack.length - 1] === top) stack.pop();
        notify();
        return { entry: top.entry, ...outcome };
      } finally {
        busy = false;
      }
    },
    forgetLast() {
      if (stack.pop()) notify();
    },
  };
}

/** The pane's faces of a document, wrapped so that every KHCT write is recorded in the journal. */
export interface JournaledHosts {
  readonly planHost: PlanTableHost | null;
  readonly checkHost: CheckHost | null;
  readonly formatHost: FormatHost | null;
}

/** A file opened outside Office: undo is the previous bytes, valid while no later change exists. */
export interface FileUndo {
  changeCount(): number;
  undo(): Promise<boolean>;
}

export function journaled(
  hosts: JournaledHosts,
  journal: JournalWriter,
  file: FileUndo | null = null
): JournaledHosts {
  const { planHost, checkHost, formatHost } = hosts;
  let lastRead: DocumentContent | null = null;

  const fileUndoer = (): Undoer => {
    const version = file?.changeCount() ?? 0;
    return {
      preview: async () => ({ restore: 0, remove: 0, refused: [], whole: true }),
      apply: async () => {
        const ok = file !== null && file.changeCount() === version && (await file.undo());
        return {
          restored: 0,
          removed: 0,
          refused: ok ? [] : [{ label: "", reason: "changed" }],
          whole: ok,
          tableKept: false,
        };
      },
    };
  };

  /** Undo of table changes: one read of the document, then one guarded write (edits, removals). */
  const tableUndoer = (changes: readonly TableChange[]): Undoer => {
    const plan = async () => {
      if (!checkHost) throw new Error("KHCT không đọc được tài liệu để hoàn tác.");
      const content = await checkHost.readDocument();
      const plans = changes.map((change) => planRevert(content.tables, change));
      const edits: CellEdit[] = [];
      const removals: RowRemoval[] = [];
      for (const p of plans) {
        if (!p.table) continue;
        const table = p.table;
        edits.push(...p.edits.map((e) => ({ ...e, table })));
        removals.push(...p.removals.map((r) => ({ ...r, table })));
      }
      return { content, edits, removals, refused: plans.flatMap((p) => p.refused) };
    };
    return {
      async preview() {
        const { edits, removals, refused } = await plan();
        return { restore: edits.length, remove: removals.length, refused, whole: false };
      },
      async apply() {
        const { content, edits, removals, refused } = await plan();
        if (!checkHost || (edits.length === 0 && removals.length === 0))
          return { restored: 0, removed: 0, refused, whole: false, tableKept: false };
        const outcome = await checkHost.applyEdits(edits, { removals, purpose: "undo" });
        // Changed between the read and the write (a co-author typing at that moment): kept too.
        const late: Refusal[] = edits
          .filter((e) => !outcome.applied.includes(e))
          .map((e) => ({
            label: rowLabel(
              content.tables
                .find((t) => t.key === e.table)
                ?.grid.cells[e.row]?.map((c) => c.text) ?? []
            ),
            reason: "changed" as const,
          }));
        for (let i = 0; i < outcome.kept; i++) late.push({ label: "", reason: "changed" });
        return {
          restored: outcome.written,
          removed: outcome.removed,
          refused: [...refused, ...late],
          whole: false,
          tableKept: false,
        };
      },
    };
  };

  const wrappedPlan: PlanTableHost | null = planHost && {
    ...planHost,
    async applyPatch(table, patch) {
      const outcome = await planHost.applyPatch(table, patch);
      if (outcome.ok && outcome.written + outcome.inserted > 0) {
        const change = fillChange(table.key, table.grid, patch, outcome.skipped);
        const size = changeSize([change]);
        journal.record(
          { kind: "fill", where: table.where, cells: size.cells, rows: size.rows },
          file ? fileUndoer() : tableUndoer([change])
        );
      }
      return outcome;
    },
    // Word takes new columns back with Ctrl+Z and Excel's are two header cells: only a file
    // needs KHCT's undo for them (and its later operations need it to be recorded).
    ...(planHost.addProgressColumns
      ? {
          addProgressColumns: async (table: DocumentTable) => {
            const outcome = await (
              planHost.addProgressColumns as NonNullable<PlanTableHost["addProgressColumns"]>
            )(table);
            if (outcome.ok && file)
              journal.record(
                { kind: "columns", where: table.where, cells: 2, rows: 0 },
                fileUndoer()
              );
            return outcome;
          },
        }
      : {}),
    async insertTable(rows, merged, headerRows) {
      const outcome = await planHost.insertTable(rows, merged, headerRows);
      // Only a file needs KHCT's undo for a new table (Word has Ctrl+Z; Excel's is one range).
      if (outcome.ok && file)
        journal.record(
          { kind: "table", where: outcome.where, cells: 0, rows: rows.length },
          fileUndoer()
        );
      return outcome;
    },
  };

  const wrappedCheck: CheckHost | null = checkHost && {
    ...checkHost,
    async readDocument() {
      lastRead = await checkHost.readDocument();
      return lastRead;
    },
    async applyEdits(edits, options: EditOptions = {}) {
      const read = lastRead;
      const outcome = await checkHost.applyEdits(edits, options);
      if (options.purpose === "undo" || outcome.applied.length === 0) return outcome;
      const keys = [...new Set(outcome.applied.map((e) => e.table))];
      const tables = keys.map((key) => read?.tables.find((t) => t.key === key));
      const changes = keys.flatMap((key, i) => {
        const table = tables[i];
        return table
          ? [
              editsChange(
                key,
                table.grid,
                outcome.applied.filter((e) => e.table === key)
              ),
            ]
          : [];
      });
      journal.record(
        {
          kind: options.purpose ?? "fix",
          where: tables
            .map((t) => t?.where ?? "")
            .filter(Boolean)
            .join(", "),
          cells: outcome.applied.length,
          rows: 0,
        },
        file ? fileUndoer() : tableUndoer(changes)
      );
      return outcome;
    },
  };

  const wrappedFormat: FormatHost | null = formatHost && {
    ...formatHost,
    async applyFormat(plan) {
      const outcome = await formatHost.applyFormat(plan);
      if (outcome.ok)
        journal.record(
          { kind: "format", where: "", cells: outcome.written, rows: 0 },
          file
            ? fileUndoer()
            : {
                preview: async () => ({ restore: 0, remove: 0, refused: [], whole: true }),
                apply: async () => {
                  const undone = await formatHost.undoFormat();
                  return {
                    restored: 0,
                    removed: 0,
                    refused: [],
                    whole: undone !== null,
                    tableKept: undone?.tableKept ?? false,
                  };
                },
              }
        );
      return outcome;
    },
  };

  return { planHost: wrappedPlan, checkHost: wrappedCheck, formatHost: wrappedFormat };
}
