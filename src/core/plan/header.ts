/**
 * Header recognition by evidence: each column gets the role its header words name best (with a
 * strength: the length of the matched wording), a table is the kind its roles add up to, and its
 * layout is what was found — not one of a fixed list. Tolerant of line breaks, case, diacritics,
 * column numbers ("TT (1)"), an index row "(1) (2) (3) …", a title row above the header, headers
 * of 1–4 rows with group cells spanning sub-columns, columns in any order, and columns KHCT does
 * not know (kept as they are, never written). A table that looks like a plan or a self-assessment
 * but lacks what KHCT needs is refused with a reason naming what was found and what is missing.
 */
import { render, say, told, type MessageId, type Param, type Said } from "../messages";
import { fold } from "../text/fold";
import {
  KIND_RULES,
  readableLayouts,
  ROLE_SPECS,
  roleHeader,
  STAFF_LAYOUT,
  type ColumnRole,
  type Layout,
  type LayoutColumn,
  type TableKind,
} from "./layouts";
import { isGroupRowText, looksLikeDataRow, namesCriterion, SECTION_LEVEL4 } from "./rowPatterns";
import { spanWidth, type TableGrid } from "./table";

export interface HeaderMatch {
  readonly layout: Layout;
  /** Index of the first header row, and how many rows the header has (index rows included). */
  readonly headerStart: number;
  readonly headerRows: number;
  /** Where each recognised role is. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  /** Columns that match no role (kept as they are). */
  readonly unmatched: readonly number[];
}

/** What a refused table was found to hold, for a message that names it. */
export interface HeaderGuess {
  readonly kind: TableKind;
  readonly found: readonly ColumnRole[];
  /** What the kind needs and the table lacks, as users read it. */
  readonly missing: readonly string[];
}

export type HeaderResult =
  | { readonly ok: true; readonly match: HeaderMatch }
  | {
      readonly ok: false;
      /** Vietnamese; `said`: the same for the pane's language. */
      readonly reason: string;
      readonly said: Said;
      readonly guess?: HeaderGuess;
    };

function reason(
  id: MessageId,
  params: Readonly<Record<string, Param>> = {}
): { readonly reason: string; readonly said: Said } {
  const { message, said } = told(id, params);
  return { reason: message, said };
}

/** The most header rows KHCT reads (a title row, group cells, sub-headers, an index row). */
const MAX_HEADER_ROWS = 4;
/** Rows a header (with the index row under it) may take: what a sheet is read in to find a table. */
export const HEADER_WINDOW = MAX_HEADER_ROWS + 1;
const MAX_HEADER_START = 4;
/** The longest folded header cell KHCT reads as a header ("thong tin du lieu hoac minh chung du kien" is 41). */
const MAX_HEADER_WORDS = 70;

/** "(1)", "( 2 )", "[3]": column numbers inside header cells. */
const COLUMN_NUMBER = /[([]\s*\d{1,2}\s*[)\]]/g;

/** The folded text of a header cell, without its column number. */
function headerWords(text: string): string {
  return fold(text.replace(COLUMN_NUMBER, " "));
}

/** A row of column numbers under (or in) the header: "(1) (2) (3) …" or "1 2 3 …". */
function isIndexRow(grid: TableGrid, r: number): boolean {
  const numbers: number[] = [];
  const cells = grid.cells[r] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || cell.origin.row !== r || cell.origin.col !== c) continue;
    const text = cell.text.trim();
    if (!text) continue;
    const m = /^[([]?\s*(\d{1,2})\s*[)\]]?$/.exec(text);
    if (!m) return false;
    numbers.push(Number(m[1]));
  }
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n > (numbers[i - 1] ?? 0));
}

/**
 * The folded header words of each column over rows [start, start + rows): one part per header row
 * (a merged cell counted once), index rows left out. A cell over several different header cells
 * (a title, a group label over sub-columns) names none of them: it adds no words. (A cell merged
 * over several sheet columns that make one table column, as office suites write tables into
 * sheets, still names its column.)
 */
function headerParts(grid: TableGrid, start: number, rows: number): string[][] {
  const index = new Set<number>();
  for (let r = start; r < start + rows; r++) if (isIndexRow(grid, r)) index.add(r);
  const folded = new Map<string, string>();
  return Array.from({ length: grid.colCount }, (_, c) => {
    const parts: string[] = [];
    let lastOrigin = "";
    for (let r = start; r < start + rows; r++) {
      if (index.has(r)) continue;
      const cell = grid.cells[r]?.[c];
      if (!cell) continue;
      const originKey = `${cell.origin.row}:${cell.origin.col}`;
      if (originKey === lastOrigin) continue;
      lastOrigin = originKey;
      if (isGroupLabel(grid, cell.origin.row, cell.origin.col, start + rows, index)) continue;
      let text = folded.get(originKey);
      if (text === undefined) {
        text = headerWords(grid.cells[cell.origin.row]?.[cell.origin.col]?.text ?? "");
        folded.set(originKey, text);
      }
      if (text) parts.push(text);
    }
    return parts;
  });
}

/**
 * Whether the header cell starting at (row, col) stands over two or more different cells in the
 * next header row below it (before `end`, index rows skipped).
 */
function isGroupLabel(
  grid: TableGrid,
  row: number,
  col: number,
  end: number,
  index: ReadonlySet<number>
): boolean {
  const width = spanWidth(grid, row, col);
  if (width < 2) return false;
  let below = row + 1;
  while (below < end && (grid.cells[below]?.[col]?.origin.row === row || index.has(below))) below++;
  if (below >= end) return false;
  const origins = new Set<string>();
  for (let c = col; c < col + width; c++) {
    const o = grid.cells[below]?.[c]?.origin;
    if (o) origins.add(`${o.row}:${o.col}`);
  }
  return origins.size >= 2;
}

function longestMatch(text: string, patterns: readonly RegExp[]): number {
  let best = 0;
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) best = Math.max(best, m[0].length);
  }
  return best;
}

interface Assignment {
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly strength: number;
}

/**
 * Gives each column the role its words name best: every (column, role, strength) is scored on each
 * header row's words and on all of them joined (a group cell above sub-columns), then the strongest
 * pairs are taken first, each column and each role once.
 */
function assignRoles(parts: readonly (readonly string[])[], kind: TableKind): Assignment {
  const candidates: { col: number; role: ColumnRole; strength: number }[] = [];
  parts.forEach((columnParts, col) => {
    // A header names its column in a few words; a sentence is data, whatever words it has.
    if (columnParts.length === 0 || columnParts.some((p) => p.length > MAX_HEADER_WORDS)) return;
    const texts = columnParts.length > 1 ? [...columnParts, columnParts.join(" ")] : columnParts;
    for (const spec of ROLE_SPECS) {
      if (!spec.kinds.includes(kind)) continue;
      let strength = 0;
      for (const text of texts) strength = Math.max(strength, longestMatch(text, spec.keywords));
      if (strength > 0) candidates.push({ col, role: spec.role, strength });
    }
  });
  candidates.sort((a, b) => b.strength - a.strength || a.col - b.col);
  const columns: Partial<Record<ColumnRole, number>> = {};
  const usedCols = new Set<number>();
  let strength = 0;
  for (const c of candidates) {
    if (usedCols.has(c.col) || columns[c.role] !== undefined) continue;
    columns[c.role] = c.col;
    usedCols.add(c.col);
    strength += c.strength;
  }
  return { columns, strength };
}

/** Whether the roles make a table of `kind`, or what it lacks. */
function kindCheck(
  kind: TableKind,
  columns: Partial<Record<ColumnRole, number>>
): { ok: true } | { ok: false; missing: string[]; lacking: Said[]; score: number } {
  const has = (role: ColumnRole) => columns[role] !== undefined;
  const rule = KIND_RULES[kind];
  const anyOf = rule.anyOf.some(has);
  const others = rule.others.filter(has).length;
  if (anyOf && others >= rule.minOthers) return { ok: true };
  const lacking: Said[] = [];
  const quoted = (roles: readonly ColumnRole[]) => roles.map((r) => `“${roleHeader(r)}”`);
  if (!anyOf) {
    const [first = "", ...rest] = quoted(rule.anyOf);
    lacking.push(
      rest.length
        ? say("columns.either", { first, second: rest.join(", ") })
        : say("as-is", { text: first })
    );
  }
  if (others < rule.minOthers)
    lacking.push(
      say("columns.more-of", {
        count: rule.minOthers - others,
        columns: quoted(rule.others).join(", "),
      })
    );
  const missing = lacking.map((s) => render(s, "vi"));
  return { ok: false, missing, lacking, score: (anyOf ? 1 : 0) + others };
}

/**
 * A row with one short text in one column of a wider table: a heading or a note between tables
 * ("III. NỘI DUNG KẾ HOẠCH" in column A of a sheet), not a header row.
 */
function isLoneText(grid: TableGrid, r: number): boolean {
  if (grid.colCount < 3) return false;
  const own: number[] = [];
  (grid.cells[r] ?? []).forEach((cell, c) => {
    if (cell.origin.row === r && cell.origin.col === c && cell.text.trim()) own.push(c);
  });
  return own.length === 1 && spanWidth(grid, r, own[0] as number) < grid.colCount / 2;
}

/** The texts of row r, each merged cell once (where it starts). */
function ownTexts(grid: TableGrid, r: number): string[] {
  const texts: string[] = [];
  (grid.cells[r] ?? []).forEach((cell, c) => {
    if (cell.origin.row === r && cell.origin.col === c && cell.text.trim()) texts.push(cell.text);
  });
  return texts;
}

/**
 * A row that cannot be (or follow) a header row: criterion references or marks (a data row), a
 * "MỨC …" or "Tiêu chuẩn n: …" row; `within` a header also long text (a title row above the
 * header may be long, a header cell is not).
 */
function endsHeader(grid: TableGrid, r: number, within: boolean): boolean {
  const texts = ownTexts(grid, r);
  if (texts.length === 0) return false;
  if (looksLikeDataRow(texts) || (texts.length <= 2 && isGroupRowText(texts.join(" "))))
    return true;
  return within && texts.some((t) => t.trim().length > 120);
}

/**
 * The known layout nearest to the roles found: the same kind, most roles in common, fewest of its
 * required roles missing. `custom` when the table is not exactly that layout.
 */
function describeLayout(
  kind: TableKind,
  columns: Partial<Record<ColumnRole, number>>,
  grid: TableGrid,
  bodyStart: number,
  combined: boolean
): Layout {
  const found = (Object.keys(columns) as ColumnRole[]).sort(
    (a, b) => (columns[a] ?? 0) - (columns[b] ?? 0)
  );
  const foundSet = new Set(found);
  let nearest: Layout | null = null;
  let nearestScore = -Infinity;
  let exact = false;
  for (const layout of readableLayouts()) {
    if (layout.kind !== kind || layout.kind === "staff") continue;
    const roles = new Set(layout.columns.map((c) => c.role));
    const common = found.filter((r) => roles.has(r)).length;
    const missing = layout.columns.filter((c) => c.required && !foundSet.has(c.role)).length;
    const foreign = found.filter((r) => !roles.has(r)).length;
    const score = common - 2 * missing - foreign;
    if (score > nearestScore) {
      nearest = layout;
      nearestScore = score;
      exact = missing === 0 && foreign === 0;
    }
  }
  const has = (role: ColumnRole) => foundSet.has(role);
  const body = bodyFacts(grid, bodyStart, columns);
  const known: Layout | null = kind === "staff" ? null : nearest;
  const layoutColumns: LayoutColumn[] = found.map((role) => {
    const own = known?.columns.find((c) => c.role === role);
    return own ?? { role, header: roleHeader(role), required: false };
  });
  // Standard rows ("Tiêu chuẩn 1: …") belong to a table whose criterion column is headed
  // "Tiêu chuẩn, tiêu chí", or whose body has them.
  const groupRows =
    kind !== "staff" &&
    (combined ||
      (body.groupRows ??
        (has("criterion") &&
          !has("standard") &&
          !(kind === "assessment" && isLevel4Only(columns)))));
  const numbersEveryRow = kind === "staff" || (body.numbersEveryRow ?? has("standard"));
  const rowsPerCriterion =
    kind === "plan" && (has("standard") || !has("criterion")) ? "many" : "one";
  const base = known ?? readableLayouts().find((l) => l.kind === kind);
  const id = kind === "staff" ? "staff" : (base?.id ?? "standard");
  const custom =
    kind !== "staff" &&
    (!exact ||
      groupRows !== base?.groupRows ||
      numbersEveryRow !== base?.numbersEveryRow ||
      rowsPerCriterion !== base?.rowsPerCriterion);
  const columnsFound = found.map((r) => roleHeader(r)).join("; ");
  const name =
    kind === "staff"
      ? STAFF_LAYOUT.name
      : !custom && base
        ? base.name
        : `${capitalise(KIND_RULES[kind].name)} (cột: ${columnsFound})`;
  const nameEn =
    kind === "staff"
      ? STAFF_LAYOUT.nameEn
      : !custom && base
        ? base.nameEn
        : `${capitalise(render(say(`kind.${kind}`), "en").replace(/^an? /, ""))} (columns: ${columnsFound})`;
  return {
    id,
    name,
    nameEn,
    kind,
    columns: layoutColumns,
    rowsPerCriterion,
    numbersEveryRow,
    groupRows,
    ...(custom ? { custom: true } : {}),
  };
}

/** A self-assessment table of Mức 4 only: Đạt/Không đạt columns without Mức 1–3. */
export function isLevel4Only(columns: Partial<Record<ColumnRole, number>>): boolean {
  return (
    columns.level1 === undefined && columns.level2 === undefined && columns.level3 === undefined
  );
}

/**
 * What the table's body says about its layout: group rows ("MỨC 1, 2, 3", "Tiêu chuẩn 1: …") and
 * whether the TT column numbers every row. Undefined when the body is empty (a new table).
 */
function bodyFacts(
  grid: TableGrid,
  bodyStart: number,
  columns: Partial<Record<ColumnRole, number>>
): { groupRows?: boolean; numbersEveryRow?: boolean } {
  let group = 0;
  let content = 0;
  let numbered = 0;
  const tt = columns.tt;
  for (let r = bodyStart; r < grid.rowCount; r++) {
    const row = grid.cells[r] ?? [];
    const texts = ownTexts(grid, r);
    if (texts.length === 0) continue;
    if (texts.length <= 2 && isGroupRowText(texts.join(" "))) {
      // A lone "MỨC 4" row after a flat list keeps the list flat (KHCT adds one so).
      if (!SECTION_LEVEL4.test(fold(texts.join(" ")))) group++;
      continue;
    }
    // Only rows that name a criterion say how the table is organised.
    const criterion = columns.criterion === undefined ? undefined : row[columns.criterion];
    if (!criterion || criterion.origin.row !== r || !namesCriterion(criterion.text)) continue;
    content++;
    const ttCell = tt === undefined ? undefined : row[tt];
    if (ttCell && ttCell.origin.row === r && /^\s*\d{1,4}\s*[.)]?\s*$/.test(ttCell.text))
      numbered++;
  }
  return {
    // Group rows seen; or criteria listed with none between them (a flat list).
    ...(group > 0 ? { groupRows: true } : content >= 2 ? { groupRows: false } : {}),
    // Enough rows to tell whether the TT column numbers every row.
    ...(tt === undefined || content < 3 ? {} : { numbersEveryRow: numbered >= content * 0.6 }),
  };
}

function sameColumns(
  a: Partial<Record<ColumnRole, number>>,
  b: Partial<Record<ColumnRole, number>>
): boolean {
  const ka = Object.keys(a) as ColumnRole[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Candidate {
  readonly start: number;
  readonly rows: number;
  readonly kind: TableKind;
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly check: ReturnType<typeof kindCheck>;
  readonly score: number;
}

/**
 * Recognises the header of a table: where it starts (a title row may come first), how many rows it
 * has, which column holds which role, and the table's kind.
 * @param layouts restricts the kinds looked for to those of these layouts (all kinds by default).
 */
export function recognizeHeader(
  grid: TableGrid,
  layouts: readonly Layout[] = readableLayouts()
): HeaderResult {
  if (grid.rowCount === 0 || grid.colCount === 0) return { ok: false, ...reason("header.empty") };
  const kinds = [...new Set<TableKind>(layouts.map((l) => l.kind))];
  let best: Candidate | null = null;
  for (let start = 0; start < Math.min(MAX_HEADER_START + 1, grid.rowCount); start++) {
    if (endsHeader(grid, start, false)) break;
    if (isLoneText(grid, start)) continue;
    for (let rows = 1; rows <= MAX_HEADER_ROWS && start + rows <= grid.rowCount; rows++) {
      const last = start + rows - 1;
      if (rows > 1 && (endsHeader(grid, last, true) || isLoneText(grid, last))) break;
      const parts = headerParts(grid, start, rows);
      // Each kind reads the header with its own words ("Kết quả" is a result column in a plan, the
      // group cell over "Không đạt | Đạt" in a self-assessment).
      for (const kind of kinds) {
        const { columns, strength } = assignRoles(parts, kind);
        const check = kindCheck(kind, columns);
        // A recognised kind first; then the strongest wording; a shorter header and an earlier
        // start break ties (a title or data row read as header adds words, never strength).
        const score = (check.ok ? 1000 : 10 * check.score) + strength - rows - start;
        if (!best || score > best.score) best = { start, rows, kind, columns, check, score };
      }
    }
  }
  if (!best || (!best.check.ok && best.check.score < 2)) {
    return { ok: false, ...reason("header.unrecognised") };
  }
  // A leading row that names no column (a title above the header, a heading in a sheet) is not
  // part of the header when the header reads the same without it.
  while (best.rows > 1) {
    const top = best.start;
    // A cell of that row reaching down into the rest (a rowspan) is part of the header.
    if ((grid.cells[top + 1] ?? []).some((cell) => cell.origin.row === top)) break;
    const { columns: without } = assignRoles(
      headerParts(grid, best.start + 1, best.rows - 1),
      best.kind
    );
    if (!sameColumns(without, best.columns)) break;
    best = { ...best, start: best.start + 1, rows: best.rows - 1 };
  }
  const columns = best.columns;
  const found = (Object.keys(columns) as ColumnRole[]).sort(
    (a, b) => (columns[a] ?? 0) - (columns[b] ?? 0)
  );
  if (!best.check.ok) {
    const named = found.map((r) => `“${roleHeader(r)}”`).join(", ");
    return {
      ok: false,
      ...reason(best.check.lacking.length > 1 ? "header.missing-both" : "header.missing", {
        kind: say(`kind.${best.kind}`),
        found: named,
        missing: best.check.lacking[0] ?? "",
        more: best.check.lacking[1] ?? "",
      }),
      guess: { kind: best.kind, found, missing: best.check.missing },
    };
  }
  // Index rows right under the header belong to it.
  let headerRows = best.rows;
  while (best.start + headerRows < grid.rowCount && isIndexRow(grid, best.start + headerRows))
    headerRows++;
  const mapped = new Set(Object.values(columns));
  const unmatched = Array.from({ length: grid.colCount }, (_, i) => i).filter(
    (i) => !mapped.has(i)
  );
  return {
    ok: true,
    match: {
      layout: describeLayout(
        best.kind,
        columns,
        grid,
        best.start + headerRows,
        columns.criterion !== undefined &&
          (headerParts(grid, best.start, best.rows)[columns.criterion] ?? []).some((p) =>
            p.includes("tieu chuan")
          )
      ),
      headerStart: best.start,
      headerRows,
      columns,
      unmatched,
    },
  };
}
