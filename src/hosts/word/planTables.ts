/**
 * Word: plan tables read through their Office Open XML (one sync: the body's OOXML and the
 * tables' nesting levels), because the table API cannot report merged cells; a fill patch is
 * applied through the table API (WordApi 1.3) in two syncs: one to confirm the table still holds
 * what the patch was computed from, one to write. No content controls (they break real-time
 * co-authoring on the web), and never a rewrite of the whole table.
 */
import { PROGRESS_HEADERS } from "../../core/plan/layouts";
import { confirmPatch, type Patch, type PatchOp } from "../../core/plan/patch";
import { buildGrid, type TableGrid } from "../../core/plan/table";
import type {
  BatchRunner,
  DocumentTable,
  FillOutcome,
  InsertTableOutcome,
  PlanTableHost,
} from "../adapter";
import { readTables, type OoxmlTable } from "../ooxml/tables";

export interface WordTableSnapshot {
  /** Position among the body's top-level tables. */
  readonly index: number;
  readonly table: OoxmlTable;
  readonly grid: TableGrid;
}

/** Word reports a cell's paragraphs separated by "\r"; compare texts the way the OOXML reader writes them. */
export function normaliseCellText(value: unknown): string {
  return String(value ?? "")
    .replace(/\r\n?|\v/g, "\n")
    .replace(/\n+$/, "");
}

export type XmlParser = (xml: string) => Document;

const browserParser: XmlParser = (xml) => new DOMParser().parseFromString(xml, "application/xml");

export function createWordPlanTables(
  run: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch),
  parse: XmlParser = browserParser
) {
  return {
    /** Every top-level table of the body, with its structure (one sync). */
    readTables(): Promise<WordTableSnapshot[]> {
      return run(async (context) => {
        const ooxml = context.document.body.getOoxml();
        await context.sync();
        // getOoxml() returns a ClientResult, filled by the sync; it has no load().
        // eslint-disable-next-line office-addins/load-object-before-read
        return readTables(parse(ooxml.value)).map((table, index) => ({
          index,
          table,
          grid: buildGrid(table.rows),
        }));
      });
    },

    /**
     * Applies a fill patch to the table it was computed on. Refuses (nothing written) when the
     * table changed shape or content outside the cells the patch fills; skips a cell a co-author
     * filled meanwhile. New rows are inserted next to a row with one cell per grid column, so they
     * take the plain row structure.
     */
    applyPatch(snapshot: WordTableSnapshot, patch: Patch): Promise<FillOutcome> {
      return run(async (context) => {
        const tables = context.document.body.tables;
        // The rows too, so inserting needs no further read (getCell throws on vertically merged cells).
        tables.load("items/nestingLevel,items/rowCount,items/values,items/rows/items/cellCount");
        await context.sync();
        const table = tables.items.filter((t) => t.nestingLevel === 1)[snapshot.index];
        if (!table) return { ok: false, reason: "gone" };
        const { grid, table: ooxml } = snapshot;
        if (table.rowCount !== grid.rowCount) return { ok: false, reason: "changed" };

        const values = table.values.map((row) => row.map(normaliseCellText));
        const check = confirmPatch(grid, patch, {
          rowCount: table.rowCount,
          textAt: (r, c) => {
            const cell = grid.cells[r]?.[c];
            const index = ooxml.cellIndex[r]?.[c] ?? -1;
            // A merge's covered positions share their w:tc: only the merge's own cell is compared.
            if (!cell || cell.origin.row !== r || cell.origin.col !== c || index < 0) return null;
            return values[r]?.[index] ?? "";
          },
        });
        if (!check.ok) return { ok: false, reason: "changed" };

        // A row with one w:tc per grid column: new rows copy its structure.
        const plain = (r: number) => ooxml.cellIndex[r]?.every((index, c) => index === c) === true;
        const inserts = patch.ops.filter(
          (op): op is Extract<PatchOp, { kind: "insert" }> => op.kind === "insert"
        );
        const anchors = new Map<number, { row: number; where: "Before" | "After" }>();
        for (const before of new Set(inserts.map((op) => op.before))) {
          let anchor: { row: number; where: "Before" | "After" } | null = null;
          if (before < grid.rowCount && plain(before)) anchor = { row: before, where: "Before" };
          else if (before > 0 && plain(before - 1)) anchor = { row: before - 1, where: "After" };
          if (!anchor) return { ok: false, reason: "no-anchor-row" };
          anchors.set(before, anchor);
        }

        const skipped = [...check.skipped];
        let written = 0;
        for (const op of patch.ops) {
          if (op.kind !== "set" || skipped.includes(op)) continue;
          table.getCell(op.row, ooxml.cellIndex[op.row]?.[op.col] ?? 0).value = op.text;
          written++;
        }

        // Bottom-up, so the snapshot's row numbers stay right for the rows above.
        for (const before of [...anchors.keys()].sort((a, b) => b - a)) {
          const anchor = anchors.get(before) as { row: number; where: "Before" | "After" };
          const block = inserts.filter((op) => op.before === before).map((op) => [...op.cells]);
          table.rows.items[anchor.row]?.insertRows(anchor.where, block.length, block);
        }
        await context.sync();
        return { ok: true, written, inserted: inserts.length, skipped };
      });
    },
  };
}

/** The Word side of the plan panel: the body's tables, fill, and a new table after the cursor. */
export function createWordPlanTableHost(
  run: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch),
  parse: XmlParser = browserParser
): PlanTableHost {
  const tables = createWordPlanTables(run, parse);
  const known = new Map<string, WordTableSnapshot>();
  return {
    async readTables(): Promise<DocumentTable[]> {
      known.clear();
      return (await tables.readTables()).map((snapshot) => {
        const key = `table-${snapshot.index}`;
        known.set(key, snapshot);
        return { key, where: `Bảng ${snapshot.index + 1}`, grid: snapshot.grid };
      });
    },

    async applyPatch(table, patch): Promise<FillOutcome> {
      const snapshot = known.get(table.key);
      if (!snapshot) return { ok: false, reason: "gone" };
      return tables.applyPatch(snapshot, patch);
    },

    addProgressColumns(table) {
      const snapshot = known.get(table.key);
      if (!snapshot) return Promise.resolve({ ok: false as const, reason: "changed" as const });
      // Table.addColumns works on uniform tables only (its documentation; office-js#3425 — Word
      // fails on merged cells): a table with a merged row is refused before asking Word.
      const uniform = snapshot.grid.cells.every((row, r) =>
        row.every((cell, c) => cell.origin.row === r && cell.origin.col === c)
      );
      if (!uniform) return Promise.resolve({ ok: false as const, reason: "merged" as const });
      return run(async (context) => {
        const all = context.document.body.tables;
        all.load("items/nestingLevel,items/rowCount");
        await context.sync();
        const target = all.items.filter((t) => t.nestingLevel === 1)[snapshot.index];
        if (!target || target.rowCount !== snapshot.grid.rowCount)
          return { ok: false as const, reason: "changed" as const };
        // Two columns at the end of every row (WordApi 1.3): headers in the first row, the rest empty.
        target.addColumns(
          "End",
          2,
          Array.from({ length: snapshot.grid.rowCount }, (_, r) =>
            r === 0 ? [...PROGRESS_HEADERS] : ["", ""]
          )
        );
        await context.sync();
        return { ok: true as const };
      });
    },

    /** WordApi 1.3 cannot merge cells: section and standard rows keep their text in one cell, unmerged. */
    insertTable(rows, _merged, headerRows): Promise<InsertTableOutcome> {
      return run(async (context) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
        const table = context.document
          .getSelection()
          .insertTable(values.length, width, "After", values);
        if (headerRows > 0) table.headerRowCount = headerRows;
        await context.sync();
        return { ok: true, where: "selection" };
      });
    },
  };
}
