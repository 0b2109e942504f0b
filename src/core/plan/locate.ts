/**
 * Finding plan tables in a sheet: a worksheet is one big grid, and a plan table starts at a row
 * whose header a layout recognises and runs until a blank row (or the next table).
 */
import { HEADER_WINDOW, recognizeHeader, type HeaderMatch } from "./header";
import { readableLayouts, type Layout } from "./layouts";
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

/** The row's texts, each merged cell once. */
const texts = (grid: TableGrid, r: number) =>
  (grid.cells[r] ?? [])
    .filter((c, col) => c.origin.row === r && c.origin.col === col && c.text.trim() !== "")
    .map((c) => c.text.trim());

/** A document heading written in a cell ("III. NỘI DUNG KẾ HOẠCH"): text between tables, not a row. */
const isHeading = (grid: TableGrid, r: number) => {
  const t = texts(grid, r);
  const text = t[0] ?? "";
  return t.length === 1 && /^[IVX]+\.\s+\p{L}/u.test(text) && text === text.toUpperCase();
};

/** Another table's header starts at row r. */
const startsTable = (grid: TableGrid, r: number, layouts?: readonly Layout[]) => {
  const header = recognizeHeader(
    slice(grid, r, Math.min(r + HEADER_WINDOW, grid.rowCount)),
    layouts
  );
  return header.ok && header.match.headerStart === 0;
};

/**
 * Every table in the grid whose header a layout recognises, top to bottom. A table ends at a blank
 * row, a document heading, or the header of the next table.
 */
export function locateTables(
  grid: TableGrid,
  layouts: readonly Layout[] = readableLayouts()
): LocatedTable[] {
  const found: LocatedTable[] = [];
  let r = 0;
  while (r < grid.rowCount) {
    if (blank(grid, r)) {
      r++;
      continue;
    }
    const header = recognizeHeader(
      slice(grid, r, Math.min(r + HEADER_WINDOW, grid.rowCount)),
      layouts
    );
    if (!header.ok || header.match.headerStart !== 0) {
      r++;
      continue;
    }
    let end = r + header.match.headerRows;
    while (
      end < grid.rowCount &&
      !blank(grid, end) &&
      !isHeading(grid, end) &&
      !startsTable(grid, end, layouts)
    )
      end++;
    found.push({ start: r, end, header: header.match, grid: slice(grid, r, end) });
    r = end;
  }
  return found;
}
