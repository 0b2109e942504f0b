/**
 * A .docx or .xlsx opened in the task pane outside Office: the same three faces the Office
 * adapters give the pane (plan context, plan tables, check), over the file's bytes in memory.
 * Every change makes new bytes (the original is kept for "undo"); nothing leaves the browser —
 * the user downloads the result.
 */
import type { DocumentModel } from "../../core/document/model";
import { planTableModel } from "../../core/document/standardPlan";
import { ND30_PROFILE } from "../../core/format/profile";
import { recognizeHeader } from "../../core/plan/header";
import type { ColumnRole } from "../../core/plan/layouts";
import { gridFromStrings } from "../../core/plan/table";
import type { Patch, PatchOp } from "../../core/plan/patch";
import type { PlanSettings } from "../../core/plan/settings";
import { identityTexts } from "../../core/plan/session";
import { sameText } from "../../core/text/cellText";
import type {
  CellEdit,
  CheckHost,
  DocumentContent,
  DocumentTable,
  EditOptions,
  FillOutcome,
  FormatHost,
  FormatSnapshot,
  HostAdapter,
  InsertTableOutcome,
  PlanTableHost,
} from "../adapter";
import { FileReadError, readOfficeFile, type FileKind, type ReadFile } from "./read";
import {
  addDocxProgressColumns,
  addXlsxProgressColumns,
  appendDocxTable,
  fillDocx,
  fillXlsx,
  writeDocx,
  writeXlsx,
} from "./write";
import { formatDocx, formatXlsx, readDocxFormat, readXlsxFormat } from "./format";
import { docxFromHtml } from "./fromHtml";

export const MIME: Readonly<Record<FileKind, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface FileDocument {
  readonly name: string;
  readonly kind: FileKind;
  /** "html": the file was a plan saved as HTML, opened as a new .docx of its text and tables. */
  readonly convertedFrom: "html" | null;
  readonly adapter: HostAdapter;
  readonly planHost: PlanTableHost;
  readonly checkHost: CheckHost;
  /** Formatting to a plan; "undo" goes back to the bytes before it. */
  readonly formatHost: FormatHost;
  /** The file as it is now (with KHCT's changes), and whether KHCT changed it. */
  current(): { readonly data: Uint8Array; readonly changed: boolean };
  /** Back to the bytes before KHCT's last change; false when there is none. */
  undo(): Promise<boolean>;
  /** How many changes can be undone (each made new bytes). */
  changeCount(): number;
  /** The name to download the changed file under: "ke-hoach (KHCT).docx". */
  downloadName(): string;
  /** Called after every change and undo; returns the unsubscribe function. */
  subscribe(listener: (event: "change" | "undo") => void): () => void;
}

/** Opens a file's bytes; throws FileReadError (Vietnamese) when it is not a readable .docx/.xlsx. */
export async function openFileDocument(name: string, bytes: Uint8Array): Promise<FileDocument> {
  let data = bytes;
  let content: ReadFile = await readOfficeFile(data);
  let convertedFrom: "html" | null = null;
  if (content.kind === "html") {
    // A plan saved as HTML: worked on as a new .docx of its text and tables (the pane says so).
    data = await docxFromHtml(
      new TextDecoder("utf-8").decode(bytes),
      content.paragraphs[0] ?? name
    );
    content = await readOfficeFile(data);
    convertedFrom = "html";
  }
  const history: { data: Uint8Array; content: ReadFile; what: "format" | "other" }[] = [];
  let settings: PlanSettings | null = content.settings;
  const dismissed = new Set<string>(content.dismissed);
  const kind: FileKind = content.kind === "xlsx" ? "xlsx" : "docx";

  const listeners = new Set<(event: "change" | "undo") => void>();
  const notify = (event: "change" | "undo") => listeners.forEach((l) => l(event));
  const commit = async (next: Uint8Array, what: "format" | "other" = "other") => {
    // Read back before accepting: a change KHCT cannot read again is not kept.
    const reread = await readOfficeFile(next);
    history.push({ data, content, what });
    data = next;
    content = reread;
    notify("change");
  };

  const tableRef = (key: string): { index: number; sheet: string; start: number } | null => {
    const index = content.tables.findIndex((t) => t.key === key);
    if (index < 0) return null;
    const bang = key.lastIndexOf("!");
    return { index, sheet: key.slice(0, bang), start: Number(key.slice(bang + 1)) };
  };

  const fill = async (key: string, patch: Patch) => {
    const ref = tableRef(key);
    if (!ref) return null;
    return kind === "docx"
      ? fillDocx(data, ref.index, patch)
      : fillXlsx(data, ref.sheet, ref.start, patch);
  };

  const adapter: HostAdapter = {
    kind: "file",
    async readPlanContext() {
      return { paragraphs: identityTexts(content.paragraphs, content.tables), settings };
    },
    async writeSettings(next) {
      // Kept for this session; the file itself is not rewritten just to remember a confirmation.
      settings = next;
    },
    async insertAtSelection() {
      throw new Error(
        "Trong chế độ tệp không có con trỏ để chèn: hãy chép nội dung và dán vào tài liệu."
      );
    },
  };

  const planHost: PlanTableHost = {
    async readTables(): Promise<DocumentTable[]> {
      return [...content.tables];
    },
    async applyPatch(table, patch): Promise<FillOutcome> {
      const current = content.tables.find((t) => t.key === table.key);
      if (!current) return { ok: false, reason: "gone" };
      if (current.grid.rowCount !== patch.rowCount || current.grid.colCount !== patch.colCount)
        return { ok: false, reason: "changed" };
      const result = await fill(table.key, patch);
      if (!result) return { ok: false, reason: "gone" };
      await commit(result.data);
      // The file writer counts skipped cells; the pane shows only how many.
      const skipped: PatchOp[] = result.skipped
        ? patch.ops.filter((op) => op.kind === "set").slice(0, result.skipped)
        : [];
      return { ok: true, written: result.set, inserted: result.inserted, skipped };
    },
    async addProgressColumns(table) {
      const current = content.tables.find((t) => t.key === table.key);
      const ref = tableRef(table.key);
      if (
        !current ||
        !ref ||
        current.grid.rowCount !== table.grid.rowCount ||
        current.grid.colCount !== table.grid.colCount
      )
        return { ok: false as const, reason: "changed" as const };
      const next =
        kind === "docx"
          ? await addDocxProgressColumns(data, ref.index, current.grid)
          : await addXlsxProgressColumns(
              data,
              ref.sheet,
              ref.start,
              current.grid.rowCount,
              current.grid.colCount
            );
      if (!next) return { ok: false as const, reason: "occupied" as const };
      await commit(next);
      return { ok: true as const };
    },
    async insertTable(rows, merged, headerRows): Promise<InsertTableOutcome> {
      if (kind !== "docx")
        throw new FileReadError(
          "Trong chế độ tệp, KHCT chưa chèn được bảng mới vào tệp Excel: hãy mở tệp bằng Excel, hoặc dùng “Tạo kế hoạch mẫu”."
        );
      const header = recognizeHeader(gridFromStrings(rows.slice(0, Math.max(1, headerRows))));
      const roles =
        rows[0]?.map((_, c) =>
          header.ok
            ? ((Object.entries(header.match.columns).find(([, i]) => i === c)?.[0] as ColumnRole) ??
              null)
            : null
        ) ?? [];
      const table = planTableModel(rows, merged, headerRows, roles, ND30_PROFILE);
      await commit(await appendDocxTable(data, table, ND30_PROFILE));
      return { ok: true, where: "cuối văn bản" };
    },
  };

  const checkHost: CheckHost = {
    async readDocument(): Promise<DocumentContent> {
      return { paragraphs: content.paragraphs, tables: content.tables, dismissed: [...dismissed] };
    },
    async select() {
      // A file has no selection; the pane shows the place in the finding itself.
    },
    async applyEdits(edits: readonly CellEdit[], options: EditOptions = {}) {
      // No co-author edits a file in memory: the cells hold what the last read saw.
      const applied = edits.filter((e) =>
        sameText(
          content.tables.find((t) => t.key === e.table)?.grid.cells[e.row]?.[e.col]?.text,
          e.expected
        )
      );
      let written = 0;
      let skipped = 0;
      let next = data;
      for (const [key, group] of groupBy(edits, (e) => e.table)) {
        const table = content.tables.find((t) => t.key === key);
        if (!table) {
          skipped += group.length;
          continue;
        }
        const patch: Patch = {
          rowCount: table.grid.rowCount,
          colCount: table.grid.colCount,
          ops: group.map((e) => ({
            kind: "set",
            row: e.row,
            col: e.col,
            text: e.text,
            expected: e.expected,
            role: "note",
          })),
        };
        const ref = tableRef(key);
        if (!ref) continue;
        const result =
          kind === "docx"
            ? await fillDocx(next, ref.index, patch)
            : await fillXlsx(next, ref.sheet, ref.start, patch);
        next = result.data;
        written += result.set;
        skipped += result.skipped;
      }
      if (written > 0) await commit(next);
      // Rows are never removed here: KHCT's undo in file mode goes back to the previous bytes.
      const kept = options.removals?.length ?? 0;
      return { written, skipped, removed: 0, kept, applied };
    },
    async setDismissed(key, on) {
      if (on) dismissed.add(key);
      else dismissed.delete(key);
    },
  };

  const formatHost: FormatHost = {
    async readFormat(): Promise<FormatSnapshot> {
      return kind === "docx" ? readDocxFormat(data) : readXlsxFormat(data);
    },
    async applyFormat(plan) {
      const result = kind === "docx" ? await formatDocx(data, plan) : await formatXlsx(data, plan);
      await commit(result.data, "format");
      return { ok: true, written: result.written, skipped: result.skipped };
    },
    async undoFormat() {
      // Only when formatting was the last change: never take back a fill made after it.
      if (history[history.length - 1]?.what !== "format") return null;
      return (await file.undo()) ? { tableKept: false } : null;
    },
  };

  const file: FileDocument = {
    name,
    kind,
    adapter,
    planHost,
    checkHost,
    formatHost,
    convertedFrom,
    // A converted file is new bytes from the start: there is something to download.
    current: () => ({ data, changed: history.length > 0 || convertedFrom !== null }),
    changeCount: () => history.length,
    async undo() {
      const previous = history.pop();
      if (!previous) return false;
      data = previous.data;
      content = previous.content;
      notify("undo");
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    downloadName: () =>
      convertedFrom
        ? `${name.replace(/\.(docx?|html?)$/i, "")} (KHCT).docx`
        : name.replace(/(\.(docx|xlsx))?$/i, (m) => ` (KHCT)${m || `.${kind}`}`),
  };
  return file;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** A new standard plan as file bytes (the trainer's sample), for download. */
export async function standardPlanFile(model: DocumentModel, kind: FileKind): Promise<Uint8Array> {
  return kind === "docx" ? writeDocx(model) : writeXlsx(model);
}
