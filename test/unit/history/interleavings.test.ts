/**
 * Two writers on one plan, at the patch level: KHCT reads, a co-author edits, KHCT writes (or
 * undoes). Property-based (fast-check, thousands of cases): no edit of either writer is lost, and
 * what KHCT could not do is reported, never done somewhere else.
 */
import fc from "fast-check";
import {
  applyRevert,
  editsChange,
  fillChange,
  planRevert,
  type RevertEdit,
} from "../../../src/core/history/change";
import {
  applyPatch,
  computeFillPatch,
  confirmPatch,
  type Patch,
} from "../../../src/core/plan/patch";
import { gridFromStrings } from "../../../src/core/plan/table";
import { ALL, planTableOf, randomTable, requestArb, tableArb, tt17 } from "../plan/arbitraries";
import { propertyRuns } from "../../properties";

const params = { numRuns: propertyRuns(1000), seed: 20261123 };
const WIDTH = 9;

/** A co-author's actions, addressed by position in the table as it is when they act. */
type CoAuthorOp =
  | { readonly kind: "edit"; readonly row: number; readonly col: number; readonly text: string }
  | { readonly kind: "insert"; readonly at: number; readonly criterion: string | null }
  | { readonly kind: "delete"; readonly row: number };

const editArb = fc.record({
  kind: fc.constant("edit" as const),
  row: fc.nat(60),
  col: fc.nat(WIDTH - 1),
  text: fc.constantFrom("Cô Lan sửa", "Đã hoàn thành", "x", "Ghi chú của tổ", ""),
});
const insertArb = fc.record({
  kind: fc.constant("insert" as const),
  at: fc.nat(60),
  criterion: fc.option(fc.constantFrom(...ALL), { nil: null }),
});
const deleteArb = fc.record({ kind: fc.constant("delete" as const), row: fc.nat(60) });

interface TrackedRow {
  readonly id: string;
  cells: string[];
  edited: boolean;
}

/**
 * Applies a co-author's actions to rows that carry an identity, so a test can tell afterwards
 * which rows they touched. Each edit and inserted row carries a text found nowhere else ("CA3: …").
 * The header (row 0) is left alone, as co-authors do.
 */
function coAuthor(rows: readonly (readonly string[])[], ops: readonly CoAuthorOp[]) {
  const tracked: TrackedRow[] = rows.map((cells, i) => ({
    id: `r${i}`,
    cells: [...cells],
    edited: false,
  }));
  const deleted = new Set<string>();
  const marks: string[] = [];
  ops.forEach((op, k) => {
    const body = tracked.length - 1;
    if (op.kind === "edit") {
      if (body < 1) return;
      const row = tracked[1 + (op.row % body)] as TrackedRow;
      const text = op.text === "" ? "" : `CA${k}: ${op.text}`;
      if (row.cells[op.col] === text) return;
      row.cells[op.col] = text;
      row.edited = true;
      if (text) marks.push(text);
    } else if (op.kind === "insert") {
      const cells = Array.from({ length: WIDTH }, () => "");
      const mark = `CA${k}: dòng thêm`;
      if (op.criterion) cells[1] = `Tiêu chí ${op.criterion}`;
      cells[3] = mark;
      marks.push(mark);
      tracked.splice(1 + (op.at % (body + 1)), 0, { id: `ca${k}`, cells, edited: true });
    } else if (body >= 1) {
      const [gone] = tracked.splice(1 + (op.row % body), 1);
      if (gone) deleted.add(gone.id);
    }
  });
  return { tracked, deleted, marks, rows: tracked.map((r) => r.cells) };
}

const count = (rows: readonly (readonly string[])[], text: string) =>
  rows.reduce((n, row) => n + row.filter((c) => c === text).length, 0);

/** KHCT's write: confirm against the current table, then apply what is still as expected. */
function khctWrite(snapshot: readonly (readonly string[])[], current: string[][], patch: Patch) {
  const check = confirmPatch(gridFromStrings(snapshot), patch, {
    rowCount: current.length,
    textAt: (r, c) => current[r]?.[c] ?? "",
  });
  if (!check.ok) return { ok: false as const, rows: current, skipped: [], origins: [] };
  const ops = patch.ops.filter((op) => op.kind !== "set" || !check.skipped.includes(op));
  const applied = applyPatch(current, { ...patch, ops });
  return {
    ok: true as const,
    rows: applied.rows,
    skipped: check.skipped,
    origins: applied.origins,
  };
}

describe("a co-author edits between KHCT's read and write (fast-check)", () => {
  it("keeps every co-author edit; KHCT writes the rest or reports it; nothing else changes", () => {
    fc.assert(
      fc.property(
        tableArb,
        requestArb,
        fc.array(editArb, { maxLength: 6 }),
        (spec, templates, ops) => {
          const rows = randomTable(spec);
          const patch = computeFillPatch(planTableOf(rows), templates, tt17);
          const { rows: current, marks } = coAuthor(rows, ops);
          const result = khctWrite(rows, current, patch);
          // No co-author text is lost.
          for (const mark of marks) expect(count(result.rows, mark)).toBe(count(current, mark));
          // Edits only to cells the patch fills never stop the fill.
          const targets = new Set(
            patch.ops.flatMap((op) => (op.kind === "set" ? [`${op.row}:${op.col}`] : []))
          );
          const touchedOthers = current.some((row, r) =>
            row.some((cell, c) => cell !== rows[r]?.[c] && !targets.has(`${r}:${c}`))
          );
          expect(result.ok).toBe(!touchedOthers);
          if (!result.ok) {
            expect(result.rows).toBe(current); // refused whole: nothing written
            return;
          }
          // Every row the co-author saw is still there, in order, its non-empty cells intact.
          expect(result.origins.filter((o) => o !== null)).toEqual(current.map((_, i) => i));
          const at = new Map(result.origins.map((o, i) => [o, i]));
          current.forEach((row, r) =>
            row.forEach((text, c) => {
              if (text !== "") expect(result.rows[at.get(r) as number]?.[c]).toBe(text);
            })
          );
          // Each set landed, or was skipped because the co-author filled that cell.
          for (const op of patch.ops) {
            if (op.kind !== "set") continue;
            const filled = (current[op.row]?.[op.col] ?? "") !== "";
            expect(result.skipped.includes(op)).toBe(filled);
            const now = result.rows[at.get(op.row) as number]?.[op.col];
            expect(now).toBe(filled ? current[op.row]?.[op.col] : op.text);
          }
        }
      ),
      params
    );
  });
});

describe("both insert rows (fast-check)", () => {
  it("KHCT refuses its stale patch, reads again and fills without losing or duplicating a row", () => {
    fc.assert(
      fc.property(
        tableArb,
        requestArb,
        fc.array(insertArb, { minLength: 1, maxLength: 3 }),
        (spec, templates, ops) => {
          const rows = randomTable(spec);
          const stale = computeFillPatch(planTableOf(rows), templates, tt17);
          const { rows: current, marks } = coAuthor(rows, ops);
          // The co-author's rows moved everything below them: the stale patch must not land.
          expect(khctWrite(rows, current, stale).ok).toBe(false);
          // Read again, compute again, write.
          const fresh = computeFillPatch(planTableOf(current), templates, tt17);
          const result = khctWrite(current, current, fresh);
          expect(result.ok).toBe(true);
          for (const mark of marks) expect(count(result.rows, mark)).toBe(1);
          // Every row the co-author left is still there, in order.
          const applied = applyPatch(current, fresh);
          expect(applied.origins.filter((o) => o !== null)).toEqual(current.map((_, i) => i));
          // A criterion the co-author already inserted is completed, not added again.
          for (const t of templates) {
            const label = `Tiêu chí ${t.id}`;
            const before = current.filter((r) => r[1] === label).length;
            expect(result.rows.filter((r) => r[1] === label).length).toBe(Math.max(1, before));
          }
        }
      ),
      params
    );
  });
});

describe("both update progress (fast-check)", () => {
  const progressArb = fc.array(
    fc.record({
      row: fc.nat(60),
      col: fc.nat(WIDTH - 1),
      status: fc.constantFrom("Đang thực hiện", "Đã hoàn thành", "Chưa thực hiện"),
    }),
    { minLength: 1, maxLength: 5 }
  );

  it("a cell the co-author changed keeps their text; KHCT's other updates land and the clash is counted", () => {
    fc.assert(
      fc.property(
        tableArb,
        progressArb,
        fc.array(editArb, { maxLength: 6 }),
        (spec, updates, ops) => {
          const rows = randomTable(spec);
          const body = rows.length - 1;
          fc.pre(body >= 1);
          // KHCT computed its updates from what it read.
          const seen = new Map<string, RevertEdit>();
          for (const u of updates) {
            const row = 1 + (u.row % body);
            seen.set(`${row}:${u.col}`, {
              row,
              col: u.col,
              expected: rows[row]?.[u.col] ?? "",
              text: `KHCT: ${u.status}`,
            });
          }
          const edits = [...seen.values()];
          const { rows: current, marks } = coAuthor(rows, ops);
          const result = applyRevert(current, { edits, removals: [] });
          for (const mark of marks) expect(count(result.rows, mark)).toBe(count(current, mark));
          let clashes = 0;
          for (const e of edits) {
            const changed = current[e.row]?.[e.col] !== rows[e.row]?.[e.col];
            if (changed) clashes++;
            expect(result.rows[e.row]?.[e.col]).toBe(changed ? current[e.row]?.[e.col] : e.text);
          }
          expect(result.kept).toBe(clashes);
          expect(result.written).toBe(edits.length - clashes);
        }
      ),
      params
    );
  });
});

describe("undo of KHCT's operations (fast-check)", () => {
  const fillOf = (
    spec: Parameters<typeof randomTable>[0],
    templates: Parameters<typeof computeFillPatch>[1]
  ) => {
    const rows = randomTable(spec);
    const grid = gridFromStrings(rows);
    const patch = computeFillPatch(planTableOf(rows), templates, tt17);
    const after = applyPatch(rows, patch).rows;
    return { rows, after, change: fillChange("t", grid, patch, []) };
  };

  it("restores exactly when nobody else wrote: fill, then progress, undone in reverse order", () => {
    fc.assert(
      fc.property(tableArb, requestArb, fc.nat(), (spec, templates, pick) => {
        const { rows, after, change } = fillOf(spec, templates);
        // A progress update on one of the rows after the fill.
        const r = 1 + (pick % Math.max(1, after.length - 1));
        const progress = editsChange("t", gridFromStrings(after), [
          { row: r, col: 8, expected: after[r]?.[8] ?? "", text: "Đã hoàn thành" },
        ]);
        const updated = applyRevert(after, {
          edits: [{ row: r, col: 8, expected: after[r]?.[8] ?? "", text: "Đã hoàn thành" }],
          removals: [],
        }).rows;
        const undoProgress = planRevert([{ key: "t", grid: gridFromStrings(updated) }], progress);
        expect(undoProgress.refused).toEqual([]);
        const back = applyRevert(updated, undoProgress).rows;
        expect(back).toEqual(after);
        const undoFill = planRevert([{ key: "t", grid: gridFromStrings(back) }], change);
        expect(undoFill.refused).toEqual([]);
        expect(applyRevert(back, undoFill).rows).toEqual(rows);
      }),
      params
    );
  });

  it("after a co-author's edits, inserts and deletions: their work stays, untouched rows are undone, the rest is refused", () => {
    fc.assert(
      fc.property(
        tableArb,
        requestArb,
        fc.array(fc.oneof(editArb, insertArb, deleteArb), { minLength: 1, maxLength: 6 }),
        (spec, templates, ops) => {
          const { after, change } = fillOf(spec, templates);
          const co = coAuthor(after, ops);
          const plan = planRevert([{ key: "t", grid: gridFromStrings(co.rows) }], change);
          const result = applyRevert(co.rows, plan);
          // Nothing the co-author wrote is lost.
          for (const mark of co.marks) expect(count(result.rows, mark)).toBe(count(co.rows, mark));
          // Every touched row is either undone or refused, never both, never silently dropped.
          const undone = new Set([
            ...plan.edits.map((e) => e.row),
            ...plan.removals.map((r) => r.row),
          ]);
          expect(undone.size + plan.refused.length).toBe(change.rows.length);
          expect(result.kept).toBe(0); // the plan was computed on this very table
          // Undo removes only rows KHCT inserted, and every one of them the co-author left alone.
          const inserted = new Set(change.rows.filter((t) => t.inserted).map((t) => `r${t.row}`));
          const removed = new Set(plan.removals.map((r) => co.tracked[r.row]?.id));
          for (const id of removed) expect(inserted.has(id as string)).toBe(true);
          expect(result.rows.length).toBe(co.rows.length - plan.removals.length);
          const shifted = (i: number) => i - plan.removals.filter((r) => r.row < i).length;
          for (const touched of change.rows) {
            const i = co.tracked.findIndex((t) => t.id === `r${touched.row}`);
            const row = co.tracked[i];
            if (!row || row.edited) continue;
            if (touched.inserted) expect(removed.has(row.id)).toBe(true);
            else
              for (const cell of touched.cells)
                expect(result.rows[shifted(i)]?.[cell.col]).toBe(cell.before);
          }
        }
      ),
      params
    );
  });
});
