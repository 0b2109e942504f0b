/**
 * What one KHCT operation changed in a table, kept so that it can be undone later — when
 * co-authors may meanwhile have edited, inserted or removed rows. Nothing here touches a document:
 * the record is data, `planRevert` computes what undoing it means on the table as it is now, and
 * the host adapter applies that plan only where the cells still hold what the plan expects.
 *
 * Rules: a cell goes back to what it held only while it still holds what KHCT wrote; a row KHCT
 * inserted is removed only while it holds exactly what KHCT wrote; everything else is kept and
 * reported. Rows are found again by their text (first the whole row, then the cells KHCT wrote
 * and most of the others), nearest to where they were, so rows a co-author inserted or removed
 * above them do not matter.
 */
import { applyPatch, type Patch, type PatchOp } from "../plan/patch";
import type { TableGrid } from "../plan/table";
import { normaliseCell as normalise, sameRow, sameText } from "../text/cellText";

export interface CellChange {
  readonly col: number;
  readonly before: string;
  readonly after: string;
}

export interface TouchedRow {
  /** The row's index right after the operation. */
  readonly row: number;
  /** The whole row's text right after the operation ("" on positions a merge covers). */
  readonly after: readonly string[];
  /** KHCT inserted the row: undoing removes it. */
  readonly inserted: boolean;
  /** The cells KHCT rewrote in a row that was already there: undoing puts `before` back. */
  readonly cells: readonly CellChange[];
}

export interface TableChange {
  /** The table's key when the operation ran (the host's "table-2", "KH!3"). */
  readonly table: string;
  readonly rows: readonly TouchedRow[];
}

/** An edit of one cell, applied only while the cell holds `expected`. */
export interface RevertEdit {
  readonly row: number;
  readonly col: number;
  readonly expected: string;
  readonly text: string;
}

/** A row to remove, only while it holds exactly `cells`. */
export interface RowRemoval {
  readonly row: number;
  readonly cells: readonly string[];
}

export interface Refusal {
  /** What the row is, for the user: "Tiêu chí 1.2", or the start of its first cell. */
  readonly label: string;
  /** changed: someone edited what KHCT wrote; missing: the row is no longer in the table. */
  readonly reason: "changed" | "missing";
}

export interface RevertPlan {
  /** The table's key now (null when none of its rows could be found). */
  readonly table: string | null;
  readonly edits: readonly RevertEdit[];
  readonly removals: readonly RowRemoval[];
  readonly refused: readonly Refusal[];
}

const gridTexts = (grid: TableGrid): string[][] =>
  grid.cells.map((row) => row.map((cell) => cell.text));

/** The change a fill made: its patch applied to the snapshot, without the sets the host skipped. */
export function fillChange(
  table: string,
  grid: TableGrid,
  patch: Patch,
  skipped: readonly PatchOp[]
): TableChange {
  const written = patch.ops.filter((op) => !skipped.includes(op));
  const before = gridTexts(grid);
  const applied = applyPatch(before, { ...patch, ops: written });
  const setsByRow = new Map<number, CellChange[]>();
  for (const op of written) {
    if (op.kind !== "set" || applied.conflicts.includes(op)) continue;
    setsByRow.set(op.row, [
      ...(setsByRow.get(op.row) ?? []),
      { col: op.col, before: op.expected, after: op.text },
    ]);
  }
  const rows: TouchedRow[] = [];
  applied.origins.forEach((origin, i) => {
    const after = applied.rows[i] ?? [];
    if (origin === null) rows.push({ row: i, after, inserted: true, cells: [] });
    else if (setsByRow.has(origin))
      rows.push({ row: i, after, inserted: false, cells: setsByRow.get(origin) ?? [] });
  });
  return { table, rows };
}

/** The change of cell edits (fixes, progress) that were written to a table read as `grid`. */
export function editsChange(
  table: string,
  grid: TableGrid,
  edits: readonly {
    readonly row: number;
    readonly col: number;
    readonly expected: string;
    readonly text: string;
  }[]
): TableChange {
  const texts = gridTexts(grid);
  const byRow = new Map<number, CellChange[]>();
  for (const edit of edits)
    byRow.set(edit.row, [
      ...(byRow.get(edit.row) ?? []).filter((c) => c.col !== edit.col),
      { col: edit.col, before: edit.expected, after: edit.text },
    ]);
  const rows = [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => {
      const after = [...(texts[row] ?? [])];
      for (const cell of cells) after[cell.col] = cell.after;
      return { row, after, inserted: false, cells };
    });
  return { table, rows };
}

/** How many cells and rows undoing would restore. */
export function changeSize(changes: readonly TableChange[]): { cells: number; rows: number } {
  let cells = 0;
  let rows = 0;
  for (const change of changes)
    for (const row of change.rows) {
      if (row.inserted) rows++;
      cells += row.cells.length;
    }
  return { cells, rows };
}

/** A row's texts as one key, trailing empty cells ignored. */
function textKey(cells: readonly string[]): string {
  const texts = cells.map(normalise);
  while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
  return JSON.stringify(texts);
}

type Match = "full" | "partial" | "same-row" | "none";

function matchOf(current: readonly string[], touched: TouchedRow): Match {
  if (sameRow(current, touched.after)) return "full";
  const changed = new Set(touched.cells.map((cell) => cell.col));
  let others = 0;
  let equal = 0;
  touched.after.forEach((text, c) => {
    if (changed.has(c) || normalise(text) === "") return;
    others++;
    if (sameText(current[c], text)) equal++;
  });
  const similar = others > 0 && equal * 2 >= others;
  if (touched.inserted) return similar ? "same-row" : "none";
  const holds = touched.cells.every((cell) => sameText(current[cell.col], cell.after));
  if (holds && (similar || others === 0)) return "partial";
  return similar ? "same-row" : "none";
}

/** What the row is, for the user. */
export function rowLabel(cells: readonly string[]): string {
  const first = (text: string) => normalise(text).split("\n")[0]?.trim() ?? "";
  const named = cells.find((c) => /^(Tiêu chí|Tiêu chuẩn|MỨC)/i.test(first(c)));
  const text = first(named ?? cells.find((c) => first(c) !== "") ?? "");
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * What undoing `change` means on the tables as they are now: the table is the one where most of
 * the touched rows are found (the same key first); each touched row is matched to one current
 * row, nearest to where it was after the rows matched before it.
 */
export function planRevert(
  tables: readonly { readonly key: string; readonly grid: TableGrid }[],
  change: TableChange
): RevertPlan {
  const ordered = [
    ...tables.filter((t) => t.key === change.table),
    ...tables.filter((t) => t.key !== change.table),
  ];
  let best: { key: string; plan: RevertPlan; found: number } | null = null;
  for (const table of ordered) {
    const { plan, found } = planOn(table.key, gridTexts(table.grid), change);
    if (!best || found > best.found) best = { key: table.key, plan, found };
  }
  if (best && best.found > 0) return best.plan;
  // Nothing found anywhere: each row is refused with the reason its own table gives.
  return {
    table: null,
    edits: [],
    removals: [],
    refused:
      best?.plan.refused ??
      change.rows.map((row) => ({ label: rowLabel(row.after), reason: "missing" as const })),
  };
}

function planOn(
  key: string,
  rows: readonly (readonly string[])[],
  change: TableChange
): { plan: RevertPlan; found: number } {
  const used = new Set<number>();
  const edits: RevertEdit[] = [];
  const removals: RowRemoval[] = [];
  const refused: Refusal[] = [];
  let shift = 0;
  let found = 0;
  const byText = new Map<string, number[]>();
  rows.forEach((row, r) => {
    const k = textKey(row);
    byText.set(k, [...(byText.get(k) ?? []), r]);
  });
  const nearest = (candidates: readonly number[], target: number) => {
    let pick = -1;
    for (const r of candidates)
      if (!used.has(r) && (pick < 0 || Math.abs(r - target) < Math.abs(pick - target))) pick = r;
    return pick;
  };
  for (const touched of [...change.rows].sort((a, b) => a.row - b.row)) {
    const target = touched.row + shift;
    const k = textKey(touched.after);
    let at = nearest(byText.get(k) ?? [], target);
    let similarSeen = false;
    if (at < 0) {
      const partial: number[] = [];
      rows.forEach((row, r) => {
        if (used.has(r)) return;
        const match = matchOf(row, touched);
        if (match === "partial") partial.push(r);
        else if (match === "same-row") similarSeen = true;
      });
      at = nearest(partial, target);
    }
    if (at < 0) {
      // Still there if the row where it should be differs only in the cells KHCT wrote.
      const there = rows[target];
      const changedCols = new Set(touched.cells.map((cell) => cell.col));
      const inPlace =
        there !== undefined &&
        !used.has(target) &&
        touched.after.every((text, c) => changedCols.has(c) || sameText(there[c], text));
      refused.push({
        label: rowLabel(touched.after),
        reason: similarSeen || inPlace ? "changed" : "missing",
      });
      continue;
    }
    used.add(at);
    found++;
    shift = at - touched.row;
    if (touched.inserted) removals.push({ row: at, cells: [...(rows[at] ?? [])] });
    else
      for (const cell of touched.cells)
        edits.push({ row: at, col: cell.col, expected: cell.after, text: cell.before });
  }
  return { plan: { table: key, edits, removals, refused }, found };
}

/**
 * The reference semantics of a revert plan (and of any list of guarded edits) on a table of
 * texts: edits where the cell still holds `expected`, then removals of rows that still hold
 * exactly their cells. Hosts behave the same way; tests compare them with this.
 */
export function applyRevert(
  rows: readonly (readonly string[])[],
  plan: Pick<RevertPlan, "edits" | "removals">
): { rows: string[][]; written: number; removed: number; kept: number } {
  const out = rows.map((r) => [...r]);
  let written = 0;
  let kept = 0;
  for (const edit of plan.edits) {
    const row = out[edit.row];
    if (!row || !sameText(row[edit.col], edit.expected)) {
      kept++;
      continue;
    }
    row[edit.col] = edit.text;
    written++;
  }
  let removed = 0;
  for (const removal of [...plan.removals].sort((a, b) => b.row - a.row)) {
    const row = out[removal.row];
    if (!row || !sameRow(row, removal.cells)) {
      kept++;
      continue;
    }
    out.splice(removal.row, 1);
    removed++;
  }
  return { rows: out, written, removed, kept };
}
