/**
 * Finding plan tables in a sheet: a worksheet is one big grid, and a plan table starts at a row
 * whose header a layout recognises and runs until a blank row (or the next table).
 */
import { recognizeHeader, type HeaderMatch } from "./header";
import type { Layout } from "./layouts";
import type { GridCell, TableGrid } from "./table";

export interface LocatedTable {
  /** First row (the header) and the row after the last, in the sheet grid. */
  readonly start: number;
  readonly end: number;
  readonly header: HeaderMatch;
  /** The table's own grid (rows start..end), header at row 0. */
  readonly grid: TableGrid;
}

function slice(grid: TableGrid, start: number, end: number): TableGrid {
  const cells = grid.cells.slice(start, end).map((row) =>
    row.map((cell): GridCell => ({
      text: cell.text,
      origin: { row: Math.max(cell.origin.row - start, 0), col: cell.origin.col },
    }))
  );
  return { rowCount: cells.length, colCount: grid.colCount, cells };
}

const blank = (grid: TableGrid, r: number) =>
  (grid.cells[r] ?? []).every((c) => c.text.trim() === "" && c.origin.row === r);

/** Every table in the grid whose header a layout recognises, top to bottom. */
export function locateTables(grid: TableGrid, layouts?: readonly Layout[]): LocatedTable[] {
  const found: LocatedTable[] = [];
  let r = 0;
  while (r < grid.rowCount) {
    if (blank(grid, r)) {
      r++;
      continue;
    }
    const header = recognizeHeader(slice(grid, r, Math.min(r + 2, grid.rowCount)), layouts);
    if (!header.ok || header.match.headerStart !== 0) {
      r++;
      continue;
    }
    let end = r + header.match.headerRows;
    while (end < grid.rowCount && !blank(grid, end)) end++;
    found.push({ start: r, end, header: header.match, grid: slice(grid, r, end) });
    r = end;
  }
  return found;
}
