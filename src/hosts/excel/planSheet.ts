/**
 * Excel: the plan as an ordinary range, as schools keep it (merged group rows allowed) — never
 * an Excel table object, whose rows.add causes merge conflicts and lost edits under co-authoring.
 *
 * Reading the active sheet is one sync; applying a fill patch is two, whatever the number of rows:
 * one to confirm that the table still holds what the patch was computed from, one to write.
 */
import { PROGRESS_HEADERS } from "../../core/plan/layouts";
import { confirmPatch, type Patch, type PatchOp, type SetOp } from "../../core/plan/patch";
import { buildGrid, type RawCell, type TableGrid } from "../../core/plan/table";
import { locateTables } from "../../core/plan/locate";
import { sameRow, sameText } from "../../core/text/cellText";
import { DISMISS_PREFIX } from "../../core/validation/check";
import {
  editOutcome,
  type BatchRunner,
  type CellEdit,
  type CheckHost,
  type DocumentContent,
  type DocumentTable,
  type EditOptions,
  type EditOutcome,
  type FillOutcome,
  type InsertTableOutcome,
  type PlanTableHost,
} from "../adapter";
import { columnName, parseAddress } from "./address";

export { parseAddress };
import { asCellText } from "./excelAdapter";

export interface SheetSnapshot {
  readonly sheet: string;
  /** Sheet position of the grid's top-left cell (0-based). */
  readonly top: number;
  readonly left: number;
  readonly grid: TableGrid;
}

/** Where a table found in the snapshot stands: its rows [start, end) of the snapshot grid. */
export interface TablePlace {
  readonly start: number;
  readonly end: number;
}

/** Bounds on what one request reads, within Excel on the web's 5 MB payload limit. */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 64;

/** The sheet is larger than KHCT reads in one request; the message is for the user. */
export class TooLargeError extends Error {
  constructor(rows: number, columns: number) {
    super(
      `Trang tính đang dùng ${rows} hàng × ${columns} cột, quá ${MAX_ROWS} hàng × ${MAX_COLUMNS} cột mà KHCT đọc được một lần. Hãy để bảng kế hoạch ở một trang tính riêng.`
    );
  }
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/**
 * Builds the grid of the used range: values, and merged areas when the host can report them
 * (ExcelApi 1.13; without it covered cells simply read as empty).
 */
export function gridFromSheet(
  values: readonly (readonly unknown[])[],
  top: number,
  left: number,
  mergedAreas: readonly string[]
): TableGrid {
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const area of mergedAreas) {
    const a = parseAddress(area);
    spans.set(`${a.top - top}:${a.left - left}`, {
      rows: a.bottom - a.top + 1,
      cols: a.right - a.left + 1,
    });
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        if (r !== a.top || c !== a.left) covered.add(`${r - top}:${c - left}`);
  }
  const rows: RawCell[][] = values.map((row, r) => {
    const cells: RawCell[] = [];
    row.forEach((value, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const span = spans.get(`${r}:${c}`);
      cells.push({
        text: text(value),
        ...(span ? { colSpan: span.cols, rowSpan: span.rows } : {}),
      });
    });
    return cells;
  });
  return buildGrid(rows);
}

export function createExcelPlanSheet(
  run: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch),
  options: { mergedAreas?: boolean } = {}
) {
  /** Queues the reads of the active sheet's used range; the function returns the grid after the sync. */
  const loadActiveSheet = (context: Excel.RequestContext) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,rowCount,columnCount");
    const merged = options.mergedAreas ? used.getMergedAreasOrNullObject() : null;
    merged?.load("areas/items/address");
    // The finisher runs after the caller's sync, which the rules below cannot follow into a closure.
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
    return (): SheetSnapshot | null => {
      if (used.isNullObject) return null;
      if (used.rowCount > MAX_ROWS || used.columnCount > MAX_COLUMNS) {
        // Reading part of a sheet and filling it would put rows in the wrong place: refuse instead.
        throw new TooLargeError(used.rowCount, used.columnCount);
      }
      const corner = parseAddress(used.address);
      const areas = merged && !merged.isNullObject ? merged.areas.items.map((a) => a.address) : [];
      return {
        sheet: sheet.name,
        top: corner.top,
        left: corner.left,
        grid: gridFromSheet(used.values, corner.top, corner.left, areas),
      };
    };
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  };
  return {
    /** The active sheet's used range as a grid (one sync). */
    readActiveSheet(): Promise<SheetSnapshot | null> {
      return run(async (context) => {
        const finish = loadActiveSheet(context);
        await context.sync();
        return finish();
      });
    },

    /**
     * The active sheet's grid and, in the same sync, whatever else `more` queues on the context
     * (the check reads the dismissed findings with it: one round-trip, not two).
     */
    readActiveSheetWith<T>(
      more: (context: Excel.RequestContext) => () => T
    ): Promise<[SheetSnapshot | null, T]> {
      return run(async (context) => {
        const finish = loadActiveSheet(context);
        const extra = more(context);
        await context.sync();
        return [finish(), extra()];
      });
    },

    /**
     * Applies a fill patch computed on `place` of `snapshot`. Refuses (nothing written) when the
     * table no longer holds what the patch was computed from outside the cells it fills; skips a
     * cell a co-author filled meanwhile. Sets are written before inserts, inserts bottom-up, so
     * snapshot coordinates stay valid throughout the one write batch.
     */
    applyPatch(
      snapshot: SheetSnapshot,
      place: TablePlace,
      grid: TableGrid,
      patch: Patch
    ): Promise<FillOutcome> {
      return run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(snapshot.sheet);
        const height = place.end - place.start;
        const width = snapshot.grid.colCount;
        const range = sheet.getRangeByIndexes(
          snapshot.top + place.start,
          snapshot.left,
          Math.max(height, 1),
          width
        );
        // Formulas too: a formula that computes "" reads as an empty value, and is not empty.
        range.load("values,formulas");
        await context.sync();
        if (sheet.isNullObject) return { ok: false, reason: "gone" };

        const now = range.values.map((row) => row.map(text));
        const formulas: unknown[][] = range.formulas;
        const isFormula = (r: number, c: number) => {
          const f = formulas[r]?.[c];
          return typeof f === "string" && f.startsWith("=");
        };
        const check = confirmPatch(grid, patch, {
          rowCount: height,
          textAt: (r, c) => now[r]?.[c] ?? "",
        });
        if (!check.ok) return { ok: false, reason: "changed" };

        // KHCT never writes over a formula, whatever it computes.
        const skipped = [
          ...check.skipped,
          ...patch.ops.filter(
            (op): op is SetOp =>
              op.kind === "set" && !check.skipped.includes(op) && isFormula(op.row, op.col)
          ),
        ];
        let written = 0;
        for (const op of patch.ops) {
          if (op.kind !== "set" || skipped.includes(op)) continue;
          sheet.getRangeByIndexes(
            snapshot.top + place.start + op.row,
            snapshot.left + op.col,
            1,
            1
          ).values = [[asCellText(op.text)]];
          written++;
        }

        const inserts = patch.ops.filter(
          (op): op is Extract<PatchOp, { kind: "insert" }> => op.kind === "insert"
        );
        const byPlace = new Map<number, Extract<PatchOp, { kind: "insert" }>[]>();
        for (const op of inserts) byPlace.set(op.before, [...(byPlace.get(op.before) ?? []), op]);
        for (const before of [...byPlace.keys()].sort((a, b) => b - a)) {
          const block = byPlace.get(before) ?? [];
          const at = snapshot.top + place.start + before;
          sheet.getRangeByIndexes(at, snapshot.left, block.length, 1).getEntireRow().insert("Down");
          sheet.getRangeByIndexes(at, snapshot.left, block.length, width).values = block.map((op) =>
            op.cells.map(asCellText)
          );
          block.forEach((op, i) => {
            if (op.mergeFrom !== undefined && op.mergeFrom < width - 1) {
              sheet
                .getRangeByIndexes(at + i, snapshot.left + op.mergeFrom, 1, width - op.mergeFrom)
                .merge(false);
            }
          });
        }
        await context.sync();
        return { ok: true, written, inserted: inserts.length, skipped };
      });
    },
  };
}

/** The Excel side of the plan panel: tables on the active sheet, fill, and a new table at the active cell. */
export function createExcelPlanTableHost(
  run: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch),
  options: { mergedAreas?: boolean } = {}
): PlanTableHost {
  const sheet = createExcelPlanSheet(run, options);
  const known = new Map<string, { snapshot: SheetSnapshot; place: TablePlace }>();
  return {
    async readTables(): Promise<DocumentTable[]> {
      known.clear();
      const snapshot = await sheet.readActiveSheet();
      if (!snapshot) return [];
      return locateTables(snapshot.grid).map((found) => {
        const key = `${snapshot.sheet}!${snapshot.top + found.start}`;
        known.set(key, { snapshot, place: found });
        return {
          key,
          where: `Trang tính ${snapshot.sheet}, từ hàng ${snapshot.top + found.start + 1}`,
          grid: found.grid,
          left: snapshot.left,
        };
      });
    },

    async applyPatch(table, patch): Promise<FillOutcome> {
      const entry = known.get(table.key);
      if (!entry) return { ok: false, reason: "gone" };
      return sheet.applyPatch(entry.snapshot, entry.place, table.grid, patch);
    },

    addProgressColumns(table) {
      const entry = known.get(table.key);
      if (!entry) return Promise.resolve({ ok: false as const, reason: "changed" as const });
      const { snapshot, place } = entry;
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(snapshot.sheet);
        const top = snapshot.top + place.start;
        const height = place.end - place.start;
        const width = snapshot.grid.colCount;
        const header = ws.getRangeByIndexes(top, snapshot.left, 1, width);
        header.load("values");
        const right = ws.getRangeByIndexes(top, snapshot.left + width, height, 2);
        right.load("values");
        await context.sync();
        const expected = (table.grid.cells[0] ?? []).map((c, i) =>
          c.origin.col === i ? c.text : ""
        );
        if ((header.values[0] ?? []).some((v, i) => text(v) !== (expected[i] ?? "")))
          return { ok: false as const, reason: "changed" as const };
        if (right.values.some((row) => row.some((v) => text(v) !== "")))
          return { ok: false as const, reason: "occupied" as const };
        ws.getRangeByIndexes(top, snapshot.left + width, 1, 2).values = [[...PROGRESS_HEADERS]];
        await context.sync();
        return { ok: true as const };
      });
    },

    insertReport(title, rows, chartRows) {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        // A sheet name: at most 31 characters, none of : \ / ? * [ ]; never one already taken.
        const taken = new Set(sheets.items.map((s) => s.name));
        const base = "Báo cáo giám sát";
        let name = base;
        for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
        const ws = sheets.add(name);
        ws.getRange("A1").values = [[asCellText(title)]];
        ws.getRange("A1").format.font.bold = true;
        const width = Math.max(...rows.map((r) => r.length));
        const body = ws.getRangeByIndexes(2, 0, rows.length, width);
        // Counts as numbers (a chart needs them), names and money as text.
        body.values = rows.map((row, r) =>
          Array.from({ length: width }, (_, c) => {
            const v = row[c] ?? "";
            return r > 0 && c > 0 && /^\d+$/.test(v) ? Number(v) : asCellText(v);
          })
        );
        ws.getRangeByIndexes(2, 0, 1, width).format.font.bold = true;
        const chart = ws.charts.add(
          "ColumnClustered",
          ws.getRangeByIndexes(2, 0, 1 + chartRows, Math.min(width, 6)),
          "Columns"
        );
        chart.title.text = "Tiến độ thực hiện theo tiêu chuẩn";
        ws.activate();
        await context.sync();
        return { ok: true as const, where: name };
      });
    },

    insertTable(rows, merged, headerRows): Promise<InsertTableOutcome> {
      return run(async (context) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const anchor = context.workbook.getActiveCell();
        const area = anchor.getResizedRange(rows.length - 1, width - 1);
        area.load("address,values");
        await context.sync();
        if (area.values.some((row) => row.some((value) => text(value).trim() !== ""))) {
          return { ok: false, reason: "occupied", where: area.address };
        }
        area.values = rows.map((row) =>
          Array.from({ length: width }, (_, c) => asCellText(row[c] ?? ""))
        );
        for (const { row, from } of merged) {
          if (from < width - 1)
            area
              .getCell(row, from)
              .getResizedRange(0, width - 1 - from)
              .merge(false);
        }
        if (headerRows > 0)
          area.getRow(0).getResizedRange(headerRows - 1, 0).format.font.bold = true;
        await context.sync();
        return { ok: true, where: area.address };
      });
    },
  };
}

/** Excel side of the check: the active sheet's tables and the text around them, selection, fixes. */
export function createExcelCheckHost(
  run: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch),
  options: { mergedAreas?: boolean } = {}
): CheckHost {
  const sheet = createExcelPlanSheet(run, options);
  let snapshot: SheetSnapshot | null = null;
  let tableStarts = new Map<string, number>();
  let paragraphCells: { row: number; col: number }[] = [];
  let dismissed: string[] = [];
  const loadDismissed = (context: Excel.RequestContext) => {
    const settings = context.workbook.settings;
    settings.load("items/key");
    return () =>
      // Read after the caller's sync (see readActiveSheetWith).
      settings.items
        .filter((s) => s.key.startsWith(DISMISS_PREFIX))
        .map((s) => s.key.slice(DISMISS_PREFIX.length));
  };

  return {
    async readDocument(): Promise<DocumentContent> {
      // The sheet and the dismissed findings in one round-trip.
      [snapshot, dismissed] = await sheet.readActiveSheetWith(loadDismissed);
      if (!snapshot) return { paragraphs: [], tables: [], dismissed };
      const located = locateTables(snapshot.grid);
      const inTable = (r: number) => located.some((t) => r >= t.start && r < t.end);
      tableStarts = new Map(
        located.map((t) => [`${snapshot?.sheet}!${(snapshot?.top ?? 0) + t.start}`, t.start])
      );
      paragraphCells = [];
      const paragraphs: string[] = [];
      snapshot.grid.cells.forEach((row, r) => {
        if (inTable(r)) return;
        row.forEach((cell, c) => {
          if (cell.origin.row !== r || cell.origin.col !== c || !cell.text.trim()) return;
          paragraphs.push(cell.text);
          paragraphCells.push({ row: r, col: c });
        });
      });
      return {
        paragraphs,
        tables: located.map((t) => ({
          key: `${snapshot?.sheet}!${(snapshot?.top ?? 0) + t.start}`,
          left: snapshot?.left ?? 0,
          where: `Trang tính ${snapshot?.sheet}, từ hàng ${(snapshot?.top ?? 0) + t.start + 1}`,
          grid: t.grid,
        })),
        dismissed,
      };
    },

    setDismissed(key, on, note): Promise<void> {
      return run(async (context) => {
        if (on) context.workbook.settings.add(`${DISMISS_PREFIX}${key}`, note);
        else context.workbook.settings.getItemOrNullObject(`${DISMISS_PREFIX}${key}`).delete();
        await context.sync();
      });
    },

    select(location): Promise<void> {
      return run(async (context) => {
        if (!snapshot) return;
        const target =
          location.table !== undefined && location.row !== undefined
            ? {
                row: (tableStarts.get(location.table) ?? 0) + location.row,
                col: location.column ?? 0,
              }
            : location.paragraph !== undefined
              ? paragraphCells[location.paragraph]
              : undefined;
        if (!target) return;
        context.workbook.worksheets
          .getItem(snapshot.sheet)
          .getRangeByIndexes(snapshot.top + target.row, snapshot.left + target.col, 1, 1)
          .select();
        await context.sync();
      });
    },

    attachComments(notes) {
      return run(async (context) => {
        const current = snapshot;
        if (!current) return { added: 0, skipped: notes.length };
        // Excel allows one comment thread per cell: cells that have one are skipped.
        const comments = context.workbook.comments;
        comments.load("items");
        await context.sync();
        const locations = comments.items.map((c) => c.getLocation().load("address"));
        await context.sync();
        const bare = (address: string) => address.replace(/\$/g, "").replace(/^'(.*)'!/, "$1!");
        const taken = new Set(locations.map((l) => bare(l.address)));
        const sheetRef = /^[A-Za-z0-9_]+$/.test(current.sheet)
          ? current.sheet
          : `'${current.sheet.replace(/'/g, "''")}'`;
        let added = 0;
        for (const note of notes) {
          const { table, row, column, paragraph } = note.location;
          const target =
            table !== undefined && row !== undefined
              ? { row: (tableStarts.get(table) ?? 0) + row, col: column ?? 0 }
              : paragraph !== undefined
                ? paragraphCells[paragraph]
                : undefined;
          if (!target) continue;
          const cell = `${columnName(current.left + target.col)}${current.top + target.row + 1}`;
          if (taken.has(`${current.sheet}!${cell}`)) continue;
          taken.add(`${current.sheet}!${cell}`);
          comments.add(`${sheetRef}!${cell}`, note.text);
          added++;
        }
        await context.sync();
        return { added, skipped: notes.length - added };
      });
    },

    applyEdits(edits: readonly CellEdit[], options: EditOptions = {}): Promise<EditOutcome> {
      const removals = options.removals ?? [];
      return run(async (context) => {
        const current = snapshot;
        if (!current)
          return {
            written: 0,
            skipped: edits.length,
            removed: 0,
            kept: removals.length,
            applied: [],
          };
        const ws = context.workbook.worksheets.getItem(current.sheet);
        const rowOf = (table: string, row: number) =>
          current.top + (tableStarts.get(table) ?? 0) + row;
        const cells = edits.map((edit) => {
          const range = ws.getRangeByIndexes(
            rowOf(edit.table, edit.row),
            current.left + edit.col,
            1,
            1
          );
          range.load("values,formulas");
          return range;
        });
        // A row to remove is read from column A to the right of the used range: the whole row
        // goes, so nothing may be there besides what KHCT wrote.
        const rows = removals.map((removal) => {
          const range = ws.getRangeByIndexes(
            rowOf(removal.table, removal.row),
            0,
            1,
            current.left + Math.max(current.grid.colCount, removal.cells.length)
          );
          range.load("values");
          return range;
        });
        await context.sync();
        const applied: CellEdit[] = [];
        edits.forEach((edit, i) => {
          const range = cells[i] as Excel.Range;
          const formula = range.formulas[0]?.[0];
          // Never over a formula (it may compute exactly what the edit expects).
          if (typeof formula === "string" && formula.startsWith("=")) return;
          if (!sameText(text(range.values[0]?.[0]), edit.expected)) return;
          range.values = [[asCellText(edit.text)]];
          applied.push(edit);
        });
        // Bottom-up, so the rows above keep their addresses.
        let removed = 0;
        const order = removals.map((r, i) => ({ r, i }));
        order.sort((a, b) => rowOf(b.r.table, b.r.row) - rowOf(a.r.table, a.r.row));
        for (const { r: removal, i } of order) {
          const now = (rows[i]?.values[0] ?? []).map(text);
          const before = now.slice(0, current.left);
          const inTable = now.slice(current.left);
          if (!before.every((t) => t === "") || !sameRow(inTable, removal.cells)) continue;
          (rows[i] as Excel.Range).getEntireRow().delete("Up");
          removed++;
        }
        await context.sync();
        return editOutcome(edits, applied, removals, removed);
      });
    },
  };
}
