/**
 * Tables in WordprocessingML, read from a DOM: the same markup whether it comes from Word's
 * getOoxml() (WordApi 1.1, a flat OPC package) or from a .docx file's word/document.xml. Word's
 * table API cannot report merged cells and throws on a vertically merged cell's index; the
 * table's OOXML carries its whole structure (w:gridSpan, w:vMerge), so one reader serves the Word
 * adapter and the file adapter. Only DOM Level 2 is used: the browser's DOMParser and
 * @xmldom/xmldom both fit.
 */
import type { RawCell } from "../../core/plan/table";
import { MAX_COLUMNS } from "../../core/plan/table";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export interface OoxmlTable {
  /** Rows of cells as the grid builder takes them (vertical merges as rowSpan on their first cell). */
  readonly rows: RawCell[][];
  /** For each row and grid column, the index of the w:tc that holds it in its w:tr (what Word's table API counts). */
  readonly cellIndex: readonly (readonly number[])[];
  /** Rows marked to repeat as header on every page (w:tblHeader). */
  readonly headerRows: number;
}

/** The direct children of `parent` in the w: namespace named `name`. */
export function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (
      node.nodeType === 1 &&
      (node as Element).namespaceURI === W_NS &&
      (node as Element).localName === name
    )
      out.push(node as Element);
  }
  return out;
}

export function child(parent: Element | undefined, name: string): Element | undefined {
  return parent ? children(parent, name)[0] : undefined;
}

/**
 * Elements that only wrap what is inside them where rows, cells and paragraphs are (ECMA-376
 * Part 1, 17.5.2 content controls: w:sdt > w:sdtContent at row, cell and block level; 17.5.1
 * w:customXml; 17.13.5 w:ins / w:moveTo of a tracked insertion around runs). Word writes a row
 * inside a content control as w:tbl > w:sdt > w:sdtContent > w:tr.
 */
const WRAPPERS = new Set(["sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"]);

/**
 * The `name` elements of `parent`, looking through wrappers (content controls, custom XML) as
 * Word's own object model does: a row in a content control is still a row of the table.
 */
export function childrenThrough(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      const e = node as Element;
      if (e.namespaceURI !== W_NS) continue;
      if (e.localName === name) out.push(e);
      else if (WRAPPERS.has(e.localName)) walk(e);
    }
  };
  walk(parent);
  return out;
}

/**
 * Content that is not the text of the body or of a cell: drawings and VML pictures (a text box's
 * paragraphs live there — twice, once in mc:Choice and once in the mc:Fallback copy, ECMA-376
 * Part 3, 10.2.1 AlternateContent), embedded objects, deleted text (w:delText, 17.13.5.x) and field
 * instructions. Word's table values and body paragraphs do not include them.
 */
const NOT_TEXT = new Set(["drawing", "pict", "object", "txbxContent", "delText", "instrText"]);
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Whether `el` sits inside content that is not body text (a text box, a drawing, a VML copy). */
function insideNonText(el: Node): boolean {
  for (let node = el.parentNode; node; node = node.parentNode) {
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    if (e.namespaceURI === W_NS && NOT_TEXT.has(e.localName)) return true;
    if (e.namespaceURI === MC_NS && e.localName === "AlternateContent") return true;
  }
  return false;
}

/** Whether `el` is inside a w:tbl. */
function insideTable(el: Node): boolean {
  for (let node = el.parentNode; node; node = node.parentNode)
    if (
      node.nodeType === 1 &&
      (node as Element).namespaceURI === W_NS &&
      (node as Element).localName === "tbl"
    )
      return true;
  return false;
}

const PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage";

/**
 * The document's own body: a flat OPC package from getOoxml() also carries other parts with
 * paragraphs and tables (the glossary of building blocks, /word/glossary/document.xml; headers
 * and footnotes): only /word/document.xml's w:body counts.
 */
export function mainBody(root: Document | Element): Document | Element {
  const bodies = Array.from(root.getElementsByTagNameNS(W_NS, "body"));
  const partOf = (el: Element): Element | null => {
    for (let node = el.parentNode; node; node = node.parentNode)
      if (
        node.nodeType === 1 &&
        (node as Element).namespaceURI === PKG_NS &&
        (node as Element).localName === "part"
      )
        return node as Element;
    return null;
  };
  const main = bodies.find((body) => {
    const part = partOf(body);
    const name = part?.getAttributeNS(PKG_NS, "name") || part?.getAttribute("pkg:name") || "";
    return part === null || /^\/word\/document\.xml$/i.test(name);
  });
  return main ?? root;
}

function attr(el: Element | undefined, name: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W_NS, name) || el.getAttribute(`w:${name}`) || null;
}

/** The text of a cell: runs' text, tabs, breaks; paragraphs on separate lines. Nested tables are skipped. */
export function cellText(tc: Element): string {
  const paragraphs: string[] = [];
  const walk = (el: Element, out: string[]) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      const e = node as Element;
      if (e.namespaceURI !== W_NS) {
        // A text box's copy for older readers (mc:AlternateContent) is not the cell's text.
        if (e.namespaceURI === MC_NS && e.localName === "AlternateContent") continue;
        walk(e, out);
        continue;
      }
      if (e.localName === "tbl" || NOT_TEXT.has(e.localName)) continue;
      if (e.localName === "t") out.push(e.textContent ?? "");
      else if (e.localName === "tab") out.push("\t");
      else if (e.localName === "br" || e.localName === "cr") out.push("\n");
      else if (e.localName === "p") {
        const inner: string[] = [];
        walk(e, inner);
        paragraphs.push(inner.join(""));
      } else walk(e, out);
    }
  };
  const loose: string[] = [];
  walk(tc, loose);
  return [...paragraphs, ...(loose.length ? [loose.join("")] : [])].join("\n");
}

/** Reads one w:tbl. */
export function readTable(tbl: Element): OoxmlTable {
  const trs = childrenThrough(tbl, "tr");
  type Pending = {
    raw: { text: string; colSpan?: number; rowSpan?: number };
    row: number;
    col: number;
    tcIndex: number;
    vMerge: "restart" | "continue" | null;
    /** A continue cell covered by a restart above it (it becomes part of that cell). */
    absorbed?: boolean;
  };
  const grid: Pending[][] = [];
  let headerRows = 0;
  let headerRun = true;
  trs.forEach((tr, r) => {
    const trPr = child(tr, "trPr");
    const isHeader = Boolean(child(trPr, "tblHeader"));
    if (headerRun && isHeader) headerRows++;
    else headerRun = false;
    // Spans are bounded before anything is allocated: a hostile w:gridSpan="1000000000" is a
    // table as wide as KHCT reads (MAX_COLUMNS), not a billion cells.
    let col = Math.min(
      MAX_COLUMNS,
      Math.max(0, Number(attr(child(trPr, "gridBefore"), "val") ?? 0) || 0)
    );
    const row: Pending[] = [];
    childrenThrough(tr, "tc").forEach((tc, tcIndex) => {
      const tcPr = child(tc, "tcPr");
      const span = Math.min(
        MAX_COLUMNS,
        Math.max(1, Number(attr(child(tcPr, "gridSpan"), "val") ?? 1) || 1)
      );
      const vMergeEl = child(tcPr, "vMerge");
      const vMerge = vMergeEl
        ? attr(vMergeEl, "val") === "restart"
          ? "restart"
          : "continue"
        : null;
      row.push({
        raw: { text: cellText(tc), ...(span > 1 ? { colSpan: span } : {}) },
        row: r,
        col,
        tcIndex,
        vMerge,
      });
      col += span;
    });
    grid.push(row);
  });
  // A vertical merge: the restart cell spans down over the continue cells in the same grid column.
  grid.forEach((row, r) => {
    for (const cell of row) {
      if (cell.vMerge !== "restart") continue;
      let span = 1;
      for (;;) {
        const below = grid[r + span]?.find((c) => c.col === cell.col && c.vMerge === "continue");
        if (!below) break;
        below.absorbed = true;
        span++;
      }
      if (span > 1) cell.raw.rowSpan = span;
    }
  });
  const rows = grid.map((row) => row.filter((cell) => !cell.absorbed).map((cell) => cell.raw));
  const width = Math.min(
    MAX_COLUMNS,
    Math.max(
      0,
      ...grid.map((row) => row.reduce((w, c) => Math.max(w, c.col + (c.raw.colSpan ?? 1)), 0))
    )
  );
  const cellIndex = grid.map((row) => {
    const map: number[] = Array.from({ length: width }, () => -1);
    for (const cell of row)
      for (let c = cell.col; c < Math.min(width, cell.col + (cell.raw.colSpan ?? 1)); c++)
        map[c] = cell.tcIndex;
    return map;
  });
  return { rows, cellIndex, headerRows };
}

/**
 * The body's paragraphs outside tables, with, for each, its index among all paragraphs in document
 * order (what Word's body.paragraphs counts: it includes the paragraphs inside table cells, not
 * those in text boxes or in the package's other parts).
 */
export function readParagraphs(root: Document | Element): { text: string; index: number }[] {
  const all = Array.from(mainBody(root).getElementsByTagNameNS(W_NS, "p")).filter(
    (p) => !insideNonText(p)
  );
  const out: { text: string; index: number }[] = [];
  all.forEach((p, index) => {
    if (!insideTable(p)) out.push({ text: cellText(p), index });
  });
  return out;
}

/**
 * The w:tbl elements of the document's body that are not nested in another table, in document
 * order (tables in text boxes and in other package parts are not the body's: Word's body.tables
 * does not list them either).
 */
export function topLevelTables(root: Document | Element): Element[] {
  return Array.from(mainBody(root).getElementsByTagNameNS(W_NS, "tbl")).filter(
    (tbl) => !insideTable(tbl) && !insideNonText(tbl)
  );
}

/** Every top-level table under `root` (a w:body, a w:document, or a flat OPC package), in order. */
export function readTables(root: Document | Element): OoxmlTable[] {
  return topLevelTables(root).map(readTable);
}

/** The table's column widths (w:tblGrid) as fractions of their sum; null when it has none. */
export function gridFractions(tbl: Element): number[] | null {
  const cols = children(child(tbl, "tblGrid") ?? tbl, "gridCol").map(
    (c) => Number(attr(c, "w")) || 0
  );
  const total = cols.reduce((a, b) => a + b, 0);
  return cols.length && total > 0 ? cols.map((w) => w / total) : null;
}

/** A section's page orientation (w:pgSz w:orient, or wider than tall). */
export function orientationOf(sectPr: Element | undefined): "portrait" | "landscape" | null {
  const pgSz = child(sectPr, "pgSz");
  if (!pgSz) return null;
  if (attr(pgSz, "orient") === "landscape") return "landscape";
  return Number(attr(pgSz, "w")) > Number(attr(pgSz, "h")) ? "landscape" : "portrait";
}

/** Every side and inside line of the table drawn by the table's own borders, no cell overriding them. */
export function fullBorders(tbl: Element): boolean {
  const borders = child(child(tbl, "tblPr"), "tblBorders");
  if (!borders || tbl.getElementsByTagNameNS(W_NS, "tcBorders").length > 0) return false;
  return ["top", "left", "bottom", "right", "insideH", "insideV"].every((side) => {
    const val = attr(child(borders, side), "val");
    return val !== null && val !== "nil" && val !== "none";
  });
}
