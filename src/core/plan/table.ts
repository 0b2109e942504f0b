/**
 * A table as the core sees it: a rectangular grid of cells, whatever the host. Merged cells
 * (Word gridSpan/vMerge, Excel merged ranges) cover several positions; each covered position
 * points at its merge's top-left cell, which alone holds the text.
 */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface GridCell {
  /** The cell's text (line breaks kept); "" on positions covered by another cell's merge. */
  readonly text: string;
  /** The top-left position of the merge this position belongs to (itself when not merged). */
  readonly origin: CellPosition;
}

export interface TableGrid {
  readonly rowCount: number;
  readonly colCount: number;
  readonly cells: readonly (readonly GridCell[])[];
}

/** A cell as a host reports it, before merges are expanded. */
export interface RawCell {
  readonly text: string;
  /** Columns this cell spans (Word w:gridSpan, Excel merge width). */
  readonly colSpan?: number;
  /** Rows this cell spans (Excel merge height, Word vMerge restart). */
  readonly rowSpan?: number;
}

/** Word tables have at most 63 columns; no plan needs more. Wider input is clipped, not trusted. */
export const MAX_COLUMNS = 64;

/**
 * Expands raw rows into a rectangular grid. Ragged rows are padded with empty cells; a cell whose
 * span runs past the table (or past MAX_COLUMNS) is clipped. Never throws on malformed input.
 */
export function buildGrid(rows: readonly (readonly RawCell[])[]): TableGrid {
  const occupied: (GridCell | undefined)[][] = [];
  let colCount = 0;
  rows.forEach((row, r) => {
    occupied[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (occupied[r]?.[c]) c++;
      if (c >= MAX_COLUMNS) break;
      const colSpan = Math.max(1, Math.min(Math.floor(cell.colSpan ?? 1) || 1, MAX_COLUMNS - c));
      const rowSpan = Math.max(1, Math.min(Math.floor(cell.rowSpan ?? 1), rows.length - r));
      const origin = { row: r, col: c };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (occupied[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++)
          target[c + dc] = { text: dr === 0 && dc === 0 ? cell.text : "", origin };
      }
      c += colSpan;
      colCount = Math.max(colCount, c);
    }
    colCount = Math.max(colCount, occupied[r]?.length ?? 0);
  });
  const cells = rows.map((_, r) =>
    Array.from(
      { length: colCount },
      (_, c) => occupied[r]?.[c] ?? { text: "", origin: { row: r, col: c } }
    )
  );
  return { rowCount: rows.length, colCount, cells };
}

/** A grid from plain strings, no merges. */
export function gridFromStrings(rows: readonly (readonly string[])[]): TableGrid {
  return buildGrid(rows.map((row) => row.map((text) => ({ text }))));
}

export function cellAt(grid: TableGrid, row: number, col: number): GridCell | undefined {
  return grid.cells[row]?.[col];
}

/** True when the position is covered by a merge that starts elsewhere. */
export function isCovered(cell: GridCell, row: number, col: number): boolean {
  return cell.origin.row !== row || cell.origin.col !== col;
}

/** How many columns the merge starting at this position spans (1 when not merged). */
export function spanWidth(grid: TableGrid, row: number, col: number): number {
  let width = 1;
  while (col + width < grid.colCount) {
    const next = grid.cells[row]?.[col + width];
    if (!next || next.origin.row !== row || next.origin.col !== col) break;
    width++;
  }
  return width;
}
