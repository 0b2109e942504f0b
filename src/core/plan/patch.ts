/**
 * Filling a plan table in place, as data: the core compares the rows the plan needs with a
 * snapshot of the table and computes a patch — rows to insert where, empty cells to set. The host
 * adapters apply it; nothing here touches a document.
 *
 * Rules: a non-empty cell is never written (each "set" carries the text it expects to find, "");
 * a criterion already in the table is completed, not repeated; a new row goes under its standard
 * (created with the circular's exact title when absent), ordered by criterion number, inside the
 * right MỨC section; computing the patch again after applying it gives an empty patch.
 */
import { findStandard } from "../catalogue/catalogue";
import type { Framework } from "../catalogue/types";
import { ROLE_SPECS, type ColumnRole } from "./layouts";
import type { PlanRow, PlanTable, Section } from "./rows";
import type { RowTemplate } from "./templates";
import type { TableGrid } from "./table";
import { sameText } from "../text/cellText";

/** Optional columns ("(nếu có)", notes, conditions, budget, evidence): the school's to write or leave. */
const OPTIONAL: ReadonlySet<ColumnRole> = new Set(
  ROLE_SPECS.filter((r) => r.optional).map((r) => r.role)
);
const isOptional = (role: ColumnRole) => OPTIONAL.has(role);

export type InsertedRowKind = "section" | "standard" | "criterion" | "level4";

export type PatchOp =
  | {
      readonly kind: "set";
      /** Row and column in the snapshot the patch was computed from. */
      readonly row: number;
      readonly col: number;
      readonly text: string;
      /** What the cell must still hold when the patch is applied ("" — KHCT fills only empty cells). */
      readonly expected: string;
      readonly role: ColumnRole;
    }
  | {
      readonly kind: "insert";
      /** The new row goes before this snapshot row (rowCount: at the end), after earlier inserts with the same `before`. */
      readonly before: number;
      readonly cells: readonly string[];
      readonly rowKind: InsertedRowKind;
      /** The row's cells from this column to the last are one merged cell (section and standard rows). */
      readonly mergeFrom?: number;
      /** What the row is for, e.g. "Tiêu chí 1.2". */
      readonly label: string;
    };

export interface Patch {
  readonly colCount: number;
  readonly rowCount: number;
  readonly ops: readonly PatchOp[];
}

export const SECTION_TEXT: Readonly<Record<Section, string>> = {
  levels123: "MỨC 1, 2, 3",
  level4: "MỨC 4",
};

type Key = readonly [number, number];

interface Entry {
  readonly existing?: PlanRow;
  readonly insert?: Extract<PatchOp, { kind: "insert" }>;
  readonly kind: PlanRow["kind"] | InsertedRowKind;
  readonly section: Section | null;
  /** Sort key: [standard, criterion] ([n, 0] for standard row n); null for rows that follow their predecessor. */
  readonly key: Key | null;
}

const compare = (a: Key, b: Key) => a[0] - b[0] || a[1] - b[1];

function keyOf(row: PlanRow): Key | null {
  if (row.kind === "standard" && row.standard) return [Number(row.standard.id), 0];
  if (row.kind === "criterion" && row.ref?.ref.kind === "criterion")
    return [row.ref.ref.standard, row.ref.ref.number];
  if (row.kind === "level4" && row.ref) return [Number(row.ref.ref.id), 0];
  return null;
}

function templateKey(template: RowTemplate): Key {
  if (template.kind === "level4") return [Number(template.id), 0];
  const [s, c] = template.id.split(".").map(Number);
  return [s ?? 0, c ?? 0];
}

/**
 * Why a table cannot be filled with a row per criterion: "no-criterion-column" — nowhere to write
 * which criterion a row is for (Thông tư 57/2026's item table is filled through Mục IV instead:
 * formFill.ts). null when fill can work on it.
 */
export function fillUnsupported(table: PlanTable): "no-criterion-column" | null {
  if (table.header.columns.criterion === undefined) return "no-criterion-column";
  return null;
}

/** The reasons of fillUnsupported, in Vietnamese (the CLI's words; the pane has its own strings). */
export const FILL_UNSUPPORTED_MESSAGE: Readonly<
  Record<NonNullable<ReturnType<typeof fillUnsupported>>, string>
> = {
  "no-criterion-column":
    "bảng kế hoạch không có cột tiêu chí, nên KHCT không biết ghi dòng của từng tiêu chí vào đâu: hãy thêm cột “Tiêu chuẩn, tiêu chí” hoặc điền tay.",
};

export function computeFillPatch(
  table: PlanTable,
  templates: readonly RowTemplate[],
  framework: Framework
): Patch {
  const { grid, header } = table;
  const layout = header.layout;
  const columns = header.columns;
  const colCount = grid.colCount;
  const ops: PatchOp[] = [];
  const entries: Entry[] = table.rows.map((row) => ({
    existing: row,
    kind: row.kind,
    section: row.section,
    key: keyOf(row),
  }));
  const bodyHasContent = entries.some((e) => e.kind !== "empty");

  const blankRow = () => Array.from({ length: colCount }, () => "");
  const newEntry = (
    op: Extract<PatchOp, { kind: "insert" }>,
    section: Section | null,
    key: Key | null
  ): Entry => ({
    insert: op,
    kind: op.rowKind,
    section,
    key,
  });
  const insertOp = (
    rowKind: InsertedRowKind,
    cells: string[],
    label: string,
    mergeFrom?: number
  ): Extract<PatchOp, { kind: "insert" }> => ({
    kind: "insert",
    before: -1, // resolved at the end from the entry's place
    cells,
    rowKind,
    label,
    ...(mergeFrom !== undefined ? { mergeFrom } : {}),
  });

  /**
   * The entries [start, end) of a section; with no section rows, the whole body is MỨC 1, 2, 3.
   * A table without group rows keeps its Mức 4 rows together (under "ĐG Mức 4", a "MỨC 4" row),
   * after the rest: that run is its Mức 4 part.
   */
  const sectionRange = (section: Section): { start: number; end: number } | null => {
    if (!layout.groupRows) {
      const first = entries.findIndex((e) => e.section === "level4");
      let last = -1;
      entries.forEach((e, i) => e.section === "level4" && (last = i));
      if (section === "levels123") return { start: 0, end: first < 0 ? entries.length : first };
      return first < 0 ? null : { start: first, end: last + 1 };
    }
    if (!entries.some((e) => e.kind === "section")) {
      return section === "levels123" && bodyHasContent ? { start: 0, end: entries.length } : null;
    }
    const at = entries.findIndex((e) => e.kind === "section" && e.section === section);
    if (at < 0) return null;
    let end = at + 1;
    while (end < entries.length && entries[end]?.kind !== "section") end++;
    return { start: at + 1, end };
  };

  /** A section row is added only to a table without content, or for a missing MỨC 4. */
  const ensureSection = (section: Section): { start: number; end: number } => {
    const range = sectionRange(section);
    if (range) return range;
    if (!layout.groupRows && section === "level4" && columns.standard !== undefined) {
      // A table grouped by a standard column says "Mức 4" in that column of each Mức 4 row.
      let at = entries.length;
      while (at > 0 && entries[at - 1]?.kind === "empty" && entries[at - 1]?.existing) at--;
      return { start: at, end: at };
    }
    const cells = blankRow();
    cells[0] = SECTION_TEXT[section];
    const at = section === "levels123" ? firstBodyIndex() : entries.length;
    entries.splice(
      at,
      0,
      newEntry(insertOp("section", cells, SECTION_TEXT[section], 0), section, null)
    );
    return sectionRange(section) ?? { start: at + 1, end: at + 1 };
  };

  const firstBodyIndex = () => {
    const i = entries.findIndex((e) => e.kind !== "empty");
    return i < 0 ? 0 : i;
  };

  /** Index before which a row with `key` belongs in [start, end): before the first greater key. */
  const placeFor = (key: Key, start: number, end: number): number => {
    let inherited: Key | null = null;
    for (let i = start; i < end; i++) {
      const entry = entries[i] as Entry;
      const k = entry.key ?? inherited;
      if (entry.key) inherited = entry.key;
      if (k && compare(k, key) > 0) return entry.key ? i : firstOfRun(i, start);
    }
    // At the end of the block, but before trailing empty rows.
    let at = end;
    while (at > start && entries[at - 1]?.kind === "empty" && entries[at - 1]?.existing) at--;
    return at;
  };
  /** Rows without a key belong to the keyed row above them: move back to that run's start. */
  const firstOfRun = (i: number, start: number): number => {
    let at = i;
    while (at > start && !entries[at]?.key) at--;
    return at;
  };

  /** KHCT writes the columns a school must fill (see OPTIONAL), never the criterion label of a row. */
  const writes = (role: ColumnRole) =>
    role !== "criterion" && columns[role] !== undefined && !isOptional(role);

  const fillEmptyCells = (row: PlanRow, template: RowTemplate) => {
    for (const [role, text] of Object.entries(template.values) as [ColumnRole, string][]) {
      if (!text || !writes(role)) continue;
      const cell = row.cells[role];
      // Blank (spaces only) counts as empty; the set still expects exactly what is there.
      if (!cell || cell.covered || cell.text.trim() !== "") continue;
      ops.push({ kind: "set", row: row.index, col: cell.col, text, expected: cell.text, role });
    }
  };

  const rowCells = (template: RowTemplate): string[] => {
    const cells = blankRow();
    for (const [role, text] of Object.entries(template.values) as [ColumnRole, string][]) {
      const col = columns[role];
      if (col !== undefined && text && (role === "criterion" || writes(role))) cells[col] = text;
    }
    if (template.kind === "level4" && !layout.groupRows && columns.standard !== undefined)
      cells[columns.standard] = "Mức 4";
    return cells;
  };

  const sorted = [...templates].sort((a, b) =>
    a.kind === b.kind ? compare(templateKey(a), templateKey(b)) : a.kind === "level4" ? 1 : -1
  );
  const seen = new Set<string>();
  for (const template of sorted) {
    const section: Section = template.kind === "level4" ? "level4" : "levels123";
    const identity = `${section}:${template.id}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const sameSection = (row: PlanRow) =>
      row.kind === template.kind && (row.section === "level4") === (section === "level4");
    const existing = table.rows.find((row) => row.ref?.ref.id === template.id && sameSection(row));
    if (existing) {
      fillEmptyCells(existing, template);
      continue;
    }
    // Named in a row of several criteria ("Tiêu chí 1.4; Tiêu chí 2.3"): already planned there.
    if (
      table.rows.some((row) => sameSection(row) && row.refs?.some((r) => r.ref.id === template.id))
    )
      continue;
    const key = templateKey(template);
    let range = ensureSection(section);

    if (template.kind === "criterion" && layout.groupRows && template.standardId) {
      // The criterion goes inside its standard's block: from the standard row to the next one.
      const standardKey: Key = [Number(template.standardId), 0];
      const isOwnStandard = (e: Entry | undefined) =>
        e?.kind === "standard" && e.key?.[0] === standardKey[0];
      let standardAt = entries.findIndex(
        (e, i) => i >= range.start && i < range.end && isOwnStandard(e)
      );
      if (standardAt < 0) {
        const standard = findStandard(framework, template.standardId);
        const cells = blankRow();
        const labelCol = columns.criterion ?? 0;
        cells[labelCol] = `Tiêu chuẩn ${template.standardId}: ${standard?.title ?? ""}`.trim();
        if (columns.tt !== undefined && columns.tt !== labelCol)
          cells[columns.tt] = template.standardId;
        standardAt = placeFor(standardKey, range.start, range.end);
        entries.splice(
          standardAt,
          0,
          newEntry(
            insertOp("standard", cells, `Tiêu chuẩn ${template.standardId}`, labelCol),
            "levels123",
            standardKey
          )
        );
        range = { start: range.start, end: range.end + 1 };
      }
      let blockEnd = standardAt + 1;
      while (blockEnd < range.end && entries[blockEnd]?.kind !== "standard") blockEnd++;
      const at = placeFor(key, standardAt + 1, blockEnd);
      entries.splice(
        at,
        0,
        newEntry(
          insertOp(template.kind, rowCells(template), `Tiêu chí ${template.id}`),
          section,
          key
        )
      );
      continue;
    }
    const at = placeFor(key, range.start, range.end);
    entries.splice(
      at,
      0,
      newEntry(insertOp(template.kind, rowCells(template), `Tiêu chí ${template.id}`), section, key)
    );
  }

  // Resolve each insert's place: before the next existing row (or at the end).
  let nextExisting = grid.rowCount;
  const resolved: PatchOp[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as Entry;
    if (entry.existing) nextExisting = entry.existing.index;
    else if (entry.insert) resolved.unshift({ ...entry.insert, before: nextExisting });
  }
  return { colCount, rowCount: grid.rowCount, ops: [...ops, ...resolved] };
}

export interface AppliedPatch {
  readonly rows: string[][];
  /** For each result row, the snapshot row it was (null for an inserted row). */
  readonly origins: readonly (number | null)[];
  /** Set operations skipped because the cell no longer held what the patch expected. */
  readonly conflicts: readonly Extract<PatchOp, { kind: "set" }>[];
}

/**
 * The reference semantics of a patch on a table of texts (snapshot coordinates): sets first,
 * each only if the cell still holds its expected text; then inserts, in order.
 */
export function applyPatch(rows: readonly (readonly string[])[], patch: Patch): AppliedPatch {
  const current = rows.map((r) => [...r]);
  const conflicts: Extract<PatchOp, { kind: "set" }>[] = [];
  for (const op of patch.ops) {
    if (op.kind !== "set") continue;
    const row = current[op.row];
    if (!row || (row[op.col] ?? "") !== op.expected) {
      conflicts.push(op);
      continue;
    }
    row[op.col] = op.text;
  }
  const inserts = patch.ops.filter(
    (op): op is Extract<PatchOp, { kind: "insert" }> => op.kind === "insert"
  );
  const out: string[][] = [];
  const origins: (number | null)[] = [];
  for (let r = 0; r <= current.length; r++) {
    for (const op of inserts) {
      if (op.before !== r) continue;
      out.push([...op.cells]);
      origins.push(null);
    }
    if (r < current.length) {
      out.push(current[r] as string[]);
      origins.push(r);
    }
  }
  return { rows: out, origins, conflicts };
}

export type SetOp = Extract<PatchOp, { kind: "set" }>;

/** The table as the host reads it just before writing, in the snapshot's grid coordinates. */
export interface CurrentTable {
  readonly rowCount: number;
  /** The text at a grid position now; null where the host has no cell of its own there. */
  textAt(row: number, col: number): string | null;
}

/**
 * Just before writing: does the table still hold what the patch was computed from? The whole
 * patch is refused when the row count differs or a cell the patch does not write has changed (a
 * co-author inserted, removed or edited rows: the patch's places may be wrong); otherwise the
 * sets whose cell no longer holds what they expect (a co-author filled it) are listed, and the
 * host skips them. Hosts call this with what they read in their confirming sync.
 */
export function confirmPatch(
  grid: TableGrid,
  patch: Patch,
  now: CurrentTable
): { readonly ok: true; readonly skipped: readonly SetOp[] } | { readonly ok: false } {
  if (now.rowCount !== grid.rowCount || patch.rowCount !== grid.rowCount) return { ok: false };
  const sets = patch.ops.filter((op): op is SetOp => op.kind === "set");
  const targets = new Set(sets.map((op) => `${op.row}:${op.col}`));
  for (let r = 0; r < grid.rowCount; r++)
    for (let c = 0; c < grid.colCount; c++) {
      if (targets.has(`${r}:${c}`)) continue;
      const text = now.textAt(r, c);
      const cell = grid.cells[r]?.[c];
      if (text === null || !cell) continue;
      const covered = cell.origin.row !== r || cell.origin.col !== c;
      if (!sameText(text, covered ? "" : cell.text)) return { ok: false };
    }
  const skipped = sets.filter((op) => {
    const text = now.textAt(op.row, op.col);
    return text === null || !sameText(text, op.expected);
  });
  return { ok: true, skipped };
}
