/**
 * An .xlsx edited in place, part by part, as the .docx path edits word/document.xml: only the parts
 * KHCT changes (a worksheet, the shared strings, the styles, the workbook and its relationships,
 * and — when rows are inserted — the parts that point at those rows) are parsed and written back;
 * every other part (charts, drawings, images, comments, pivot caches, printer settings, custom
 * XML…) keeps its bytes. exceljs rewrites the whole package from its own model and drops what it
 * does not model (charts and drawings: exceljs#1734, #2607), so it only reads.
 *
 * SpreadsheetML as in ECMA-376 Part 1, §18 (worksheet §18.3, styles §18.8, shared strings §18.4,
 * workbook §18.2); the element orders below are the schema's sequences, which Excel enforces (a
 * child out of order makes Excel "repair" the file).
 */
import JSZip from "jszip";
import { XMLSerializer, type Node as XmlNode } from "@xmldom/xmldom";
import { columnName, parseAddress } from "../excel/address";
import { FileReadError, parseXml, partText } from "./read";

export const S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_TYPE = {
  worksheet: `${R_NS}/worksheet`,
  sharedStrings: `${R_NS}/sharedStrings`,
  styles: `${R_NS}/styles`,
} as const;
const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** CT_Worksheet's sequence (§18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
/** CT_Stylesheet (§18.8.39). */
const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
/** CT_Workbook (§18.2.27). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
/** CT_SheetPr (§18.3.1.82). */
const SHEETPR_ORDER = ["tabColor", "outlinePr", "pageSetUpPr"];
/** CT_Xf (§18.8.45). */
const XF_ORDER = ["alignment", "protection", "extLst"];

const serialize = (node: Document | Element) =>
  new XMLSerializer().serializeToString(node as unknown as XmlNode);

/**
 * An element as a comparable text: attributes sorted, children sorted (fonts, borders and formats
 * are sets of properties; Excel writes them in its own order, KHCT in another).
 */
function canonical(el: Element): string {
  const attrs = Array.from(el.attributes)
    .filter((a) => !a.name.startsWith("xmlns"))
    .map((a) => `${a.localName}=${a.value}`)
    .sort()
    .join(" ");
  const inner = kids(el).map(canonical).sort().join("");
  return `<${el.localName} ${attrs}>${inner}${kids(el).length ? "" : (el.textContent ?? "")}`;
}

/** Elements among an element's children (all of one namespace in the parts KHCT edits). */
function kids(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  return out;
}
const kid = (parent: Element, name: string): Element | undefined => kids(parent, name)[0];

/** A new element in the namespace and with the prefix its parent uses. */
function make(parent: Element, name: string, attrs: Record<string, string | number> = {}): Element {
  const doc = parent.ownerDocument;
  const prefix = parent.prefix;
  const el = doc.createElementNS(parent.namespaceURI ?? S_NS, prefix ? `${prefix}:${name}` : name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The child `name` of `parent`, created in its schema place when missing. */
function ensure(parent: Element, name: string, order: readonly string[]): Element {
  const found = kid(parent, name);
  if (found) return found;
  const el = make(parent, name);
  insertInOrder(parent, el, order);
  return el;
}

function insertInOrder(parent: Element, el: Element, order: readonly string[]): void {
  const rank = order.indexOf(el.localName);
  const after = kids(parent).find((k) => order.indexOf(k.localName) > rank);
  parent.insertBefore(el, after ?? null);
}

/** ST_Xstring (§22.9.2.19): characters XML cannot hold as `_xHHHH_`, a literal `_xHHHH_` escaped. */
function encodeXstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}
function decodeXstring(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** The text of a rich or plain string item (`si`, `is`): its runs' `t`, phonetic hints left out. */
function stringItemText(item: Element): string {
  let out = "";
  const walk = (el: Element) => {
    for (const k of kids(el)) {
      if (k.localName === "rPh" || k.localName === "phoneticPr") continue;
      if (k.localName === "t") out += k.textContent ?? "";
      else walk(k);
    }
  };
  walk(item);
  return decodeXstring(out);
}

/** A cell or range reference's row numbers moved: rows from `at` (1-based) down by `n`. */
function shiftRef(ref: string, at: number, n: number): string {
  const bang = ref.lastIndexOf("!");
  const local = bang >= 0 ? ref.slice(bang + 1) : ref;
  const [a = "", b] = local.split(":");
  const rowOf = (part: string) => {
    const m = /(\d+)$/.exec(part);
    return m && /^\$?[A-Z]*\$?\d+$/i.test(part) ? Number(m[1]) : null;
  };
  const move = (part: string, row: number) => part.replace(/\d+$/, String(row + n));
  const top = rowOf(a);
  const bottom = b === undefined ? top : rowOf(b);
  let out = local;
  if (top !== null && bottom !== null) {
    if (top >= at) out = b === undefined ? move(a, top) : `${move(a, top)}:${move(b, bottom)}`;
    // A range that spans the inserted rows grows with them (as Excel's "Insert rows" does).
    else if (bottom >= at && b !== undefined) out = `${a}:${move(b, bottom)}`;
  }
  return bang >= 0 ? ref.slice(0, bang + 1) + out : out;
}
const shiftSqref = (sqref: string, at: number, n: number) =>
  sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => shiftRef(r, at, n))
    .join(" ");

/**
 * A formula's references to this sheet's rows moved (string literals left alone). `sheet` limits
 * the change to references qualified with that sheet (defined names), `null` to unqualified ones
 * (formulas of the sheet itself: conditional formats, validations).
 */
export function shiftFormula(formula: string, at: number, n: number, sheet: string | null): string {
  const quoted = sheet === null ? null : sheet.replace(/'/g, "''");
  const names =
    sheet === null
      ? []
      : [`'${quoted}'!`, /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!` : ""];
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) => {
      if (i % 2 === 1) return piece; // a string literal
      return piece.replace(
        /(?<![\p{L}\p{N}_.$'])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+)(?![\p{L}\p{N}_(])/gu,
        (whole: string, qualifier: string | undefined, ref: string) => {
          const ours =
            sheet === null
              ? qualifier === undefined
              : qualifier !== undefined && names.some((q) => q && q === qualifier);
          return ours ? (qualifier ?? "") + shiftRef(ref, at, n) : whole;
        }
      );
    })
    .join("");
}

/** The package's relationships part for a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
const relsPath = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};
/** A relationship target resolved against its source part. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export interface FontChange {
  readonly name?: string;
  readonly size?: number;
  readonly bold?: boolean;
}
export interface StyleChange {
  readonly font?: FontChange;
  /** Thin black lines on all four sides. */
  readonly border?: true;
  readonly alignment?: {
    readonly horizontal?: string;
    readonly vertical?: string;
    readonly wrapText?: boolean;
  };
  readonly numFmt?: string;
}

/** xl/styles.xml: cell formats derived from a cell's own, shared when equal. */
class Styles {
  private readonly xfs: Element;
  private readonly fonts: Element;
  private readonly borders: Element;
  private readonly cache = new Map<string, number>();
  constructor(readonly doc: Document) {
    const root = doc.documentElement;
    this.fonts = ensure(root, "fonts", STYLES_ORDER);
    if (kids(this.fonts, "font").length === 0)
      this.append(this.fonts, "font", '<sz val="11"/><name val="Calibri"/>');
    const fills = ensure(root, "fills", STYLES_ORDER);
    if (kids(fills, "fill").length === 0) {
      this.append(fills, "fill", '<patternFill patternType="none"/>');
      this.append(fills, "fill", '<patternFill patternType="gray125"/>');
    }
    this.borders = ensure(root, "borders", STYLES_ORDER);
    if (kids(this.borders, "border").length === 0)
      this.append(this.borders, "border", "<left/><right/><top/><bottom/><diagonal/>");
    this.xfs = ensure(root, "cellXfs", STYLES_ORDER);
    if (kids(this.xfs, "xf").length === 0)
      this.append(this.xfs, "xf", "", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 });
  }

  /** A child built from markup in the parent's namespace (the markup uses no prefix). */
  private append(
    parent: Element,
    name: string,
    inner: string,
    attrs: Record<string, string | number> = {}
  ): Element {
    const attrText = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join("");
    const fragment = parseXml(`<${name} xmlns="${S_NS}"${attrText}>${inner}</${name}>`, "styles");
    const el = this.adopt(parent, fragment.documentElement);
    parent.appendChild(el);
    this.recount(parent);
    return el;
  }

  /** A copy of `el` in this document, with the parent's prefix on every element. */
  private adopt(parent: Element, el: Element): Element {
    const copy = make(parent, el.localName);
    for (const a of Array.from(el.attributes))
      if (a.name !== "xmlns") copy.setAttribute(a.name, a.value);
    for (const k of kids(el)) copy.appendChild(this.adopt(copy, k));
    return copy;
  }

  private recount(list: Element): void {
    list.setAttribute("count", String(kids(list).length));
  }

  /** The index of an item equal to `el` in `list` (attribute and child order aside), appending it when there is none. */
  private intern(list: Element, el: Element): number {
    const text = canonical(el);
    const items = kids(list);
    const found = items.findIndex((item) => canonical(item) === text);
    if (found >= 0) return found;
    list.appendChild(el);
    this.recount(list);
    return items.length;
  }

  /** The number of cell formats (a cell's `s` must be below it). */
  get count(): number {
    return kids(this.xfs, "xf").length;
  }

  /** The cell format `xf` with `change` applied: an existing one when equal, else a new one. */
  derive(xf: number, change: StyleChange): number {
    const key = `${xf}|${JSON.stringify(change)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const all = kids(this.xfs, "xf");
    const base = all[xf] ?? all[0];
    if (!base) return 0;
    const next = base.cloneNode(true) as Element;
    if (change.font) {
      const fonts = kids(this.fonts, "font");
      const font = (fonts[Number(base.getAttribute("fontId")) || 0] ?? fonts[0])?.cloneNode(
        true
      ) as Element;
      const set = (name: string, value: string | null) => {
        for (const old of kids(font, name)) font.removeChild(old);
        if (value !== null) font.appendChild(make(font, name, value === "" ? {} : { val: value }));
      };
      const { name, size, bold } = change.font;
      if (bold !== undefined) set("b", bold ? "" : null);
      if (size !== undefined) set("sz", String(size));
      if (name !== undefined) {
        set("name", name);
        // A theme font (scheme) would override the name in Excel.
        set("scheme", null);
      }
      next.setAttribute("fontId", String(this.intern(this.fonts, font)));
      next.setAttribute("applyFont", "1");
    }
    if (change.border) {
      const border = make(this.borders, "border");
      for (const side of ["left", "right", "top", "bottom"]) {
        const el = make(border, side, { style: "thin" });
        el.appendChild(make(el, "color", { indexed: 64 }));
        border.appendChild(el);
      }
      border.appendChild(make(border, "diagonal"));
      next.setAttribute("borderId", String(this.intern(this.borders, border)));
      next.setAttribute("applyBorder", "1");
    }
    if (change.alignment) {
      const alignment = ensure(next, "alignment", XF_ORDER);
      for (const [k, v] of Object.entries(change.alignment))
        alignment.setAttribute(k, typeof v === "boolean" ? (v ? "1" : "0") : String(v));
      next.setAttribute("applyAlignment", "1");
    }
    if (change.numFmt !== undefined) {
      next.setAttribute("numFmtId", String(this.numFmt(change.numFmt)));
      next.setAttribute("applyNumberFormat", "1");
    }
    const index = this.intern(this.xfs, next);
    this.cache.set(key, index);
    return index;
  }

  private numFmt(code: string): number {
    const root = this.doc.documentElement;
    const list = ensure(root, "numFmts", STYLES_ORDER);
    const items = kids(list, "numFmt");
    const found = items.find((f) => f.getAttribute("formatCode") === code);
    if (found) return Number(found.getAttribute("numFmtId"));
    const id = Math.max(163, ...items.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
    list.appendChild(make(list, "numFmt", { numFmtId: id, formatCode: code }));
    list.setAttribute("count", String(items.length + 1));
    return id;
  }

  /** A differential format filling a cell with a colour (conditional formats). */
  fillDxf(argb: string): number {
    const dxfs = ensure(this.doc.documentElement, "dxfs", STYLES_ORDER);
    const dxf = make(dxfs, "dxf");
    const fill = make(dxf, "fill");
    const pattern = make(fill, "patternFill", { patternType: "solid" });
    pattern.appendChild(make(pattern, "bgColor", { rgb: argb }));
    fill.appendChild(pattern);
    dxf.appendChild(fill);
    return this.intern(dxfs, dxf);
  }
}

/** xl/sharedStrings.xml. */
class SharedStrings {
  private readonly items: Element[];
  private readonly plain = new Map<string, number>();
  constructor(readonly doc: Document) {
    this.items = kids(doc.documentElement, "si");
    this.items.forEach((si, i) => {
      const t = kids(si);
      if (t.length === 1 && t[0]?.localName === "t") {
        const text = stringItemText(si);
        if (!this.plain.has(text)) this.plain.set(text, i);
      }
    });
  }
  text(index: number): string {
    const si = this.items[index];
    return si ? stringItemText(si) : "";
  }
  /** The index of a plain string item holding `text`, added when missing. */
  index(text: string): number {
    const root = this.doc.documentElement;
    root.setAttribute("count", String((Number(root.getAttribute("count")) || 0) + 1));
    const found = this.plain.get(text);
    if (found !== undefined) return found;
    const si = make(root, "si");
    const t = make(si, "t");
    if (/^\s|\s$|\n/.test(text)) t.setAttributeNS(XML_NS, "xml:space", "preserve");
    t.appendChild(this.doc.createTextNode(encodeXstring(text)));
    si.appendChild(t);
    root.appendChild(si);
    this.items.push(si);
    this.plain.set(text, this.items.length - 1);
    root.setAttribute("uniqueCount", String(this.items.length));
    return this.items.length - 1;
  }
}

export interface Area {
  /** 0-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
const areaRef = (a: Area) =>
  a.top === a.bottom && a.left === a.right
    ? `${columnName(a.left)}${a.top + 1}`
    : `${columnName(a.left)}${a.top + 1}:${columnName(a.right)}${a.bottom + 1}`;
const overlaps = (a: Area, b: Area) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** One worksheet part, edited through its DOM. Rows and columns are 0-based here. */
export class SheetEditor {
  private readonly root: Element;
  private readonly data: Element;
  private readonly rows = new Map<number, Element>();
  constructor(
    readonly pkg: XlsxPackage,
    readonly name: string,
    readonly path: string,
    readonly doc: Document
  ) {
    this.root = doc.documentElement;
    this.data = ensure(this.root, "sheetData", WORKSHEET_ORDER);
    // Row and cell numbers are optional in the file (§18.3.1.73, §18.3.1.4): written out here.
    let r = 0;
    for (const row of kids(this.data, "row")) {
      r = Number(row.getAttribute("r")) || r + 1;
      row.setAttribute("r", String(r));
      this.rows.set(r - 1, row);
      let c = 0;
      for (const cell of kids(row, "c")) {
        const ref = cell.getAttribute("r");
        c = ref ? parseAddress(ref).left + 1 : c + 1;
        if (!ref) cell.setAttribute("r", `${columnName(c - 1)}${r}`);
      }
    }
  }

  private cell(r: number, c: number, create: boolean): Element | undefined {
    let row = this.rows.get(r);
    if (!row) {
      if (!create) return undefined;
      row = make(this.data, "row", { r: r + 1 });
      const after = [...this.rows.entries()].filter(([k]) => k > r).sort((a, b) => a[0] - b[0])[0];
      this.data.insertBefore(row, after ? after[1] : null);
      this.rows.set(r, row);
    }
    const ref = `${columnName(c)}${r + 1}`;
    const cells = kids(row, "c");
    const found = cells.find((x) => parseAddress(x.getAttribute("r") ?? "").left === c);
    if (found || !create) return found;
    const el = make(row, "c", { r: ref });
    const after = cells.find((x) => parseAddress(x.getAttribute("r") ?? "").left > c);
    row.insertBefore(el, after ?? null);
    row.removeAttribute("spans"); // an optimisation hint (§18.3.1.73) the new cell may fall outside
    return el;
  }

  /** The text a cell shows when it holds text; numbers and other values as written in the file. */
  text(r: number, c: number): string {
    const x = this.cell(r, c, false);
    if (!x) return "";
    const type = x.getAttribute("t");
    const v = kid(x, "v")?.textContent ?? "";
    if (type === "s") return this.pkg.sharedText(Number(v));
    if (type === "inlineStr") {
      const is = kid(x, "is");
      return is ? stringItemText(is) : "";
    }
    if (type === "b") return v === "1" ? "TRUE" : v ? "FALSE" : "";
    return type === "str" ? decodeXstring(v) : v;
  }

  hasFormula(r: number, c: number): boolean {
    const x = this.cell(r, c, false);
    return Boolean(x && kid(x, "f"));
  }

  /** Whether a cell holds a number (not text, not a formula's text). */
  isNumber(r: number, c: number): boolean {
    const x = this.cell(r, c, false);
    const type = x?.getAttribute("t") ?? "n";
    return Boolean(x && (type === "n" || type === "") && kid(x, "v")?.textContent);
  }

  /** A cell's format: its own, else its row's, else its column's (§18.3.1.4, .73, .13). */
  styleOf(r: number, c: number): number {
    const own = this.cell(r, c, false)?.getAttribute("s");
    if (own) return Number(own);
    const row = this.rows.get(r);
    if (row?.getAttribute("customFormat") === "1" && row.getAttribute("s"))
      return Number(row.getAttribute("s"));
    const col = this.column(c);
    return Number(col?.getAttribute("style")) || 0;
  }

  setStyle(r: number, c: number, xf: number): void {
    const x = this.cell(r, c, true) as Element;
    if (xf === 0) x.removeAttribute("s");
    else x.setAttribute("s", String(xf));
  }

  /** The cell's format with `change` applied. */
  restyle(r: number, c: number, change: StyleChange): void {
    this.setStyle(r, c, this.pkg.styles().derive(this.styleOf(r, c), change));
  }

  /** Writes text into a cell (a shared string), keeping its format; an empty text empties it. */
  setText(r: number, c: number, text: string): void {
    const x = this.cell(r, c, true) as Element;
    for (const k of kids(x)) x.removeChild(k);
    if (text === "") {
      x.removeAttribute("t");
      return;
    }
    x.setAttribute("t", "s");
    const v = make(x, "v");
    v.appendChild(this.doc.createTextNode(String(this.pkg.stringIndex(text))));
    x.appendChild(v);
  }

  /** Lets a row grow with its text (a fixed height would clip it once columns change width). */
  autoHeight(r: number): void {
    const row = this.rows.get(r);
    row?.removeAttribute("ht");
    row?.removeAttribute("customHeight");
  }

  /** Whether any cell at or below row `r` holds a formula. */
  formulaFrom(r: number): boolean {
    return [...this.rows.entries()].some(
      ([k, row]) => k >= r && kids(row, "c").some((x) => Boolean(kid(x, "f")))
    );
  }

  merges(): Area[] {
    const list = kid(this.root, "mergeCells");
    return list
      ? kids(list, "mergeCell").map((m) => parseAddress(m.getAttribute("ref") ?? ""))
      : [];
  }

  /** Merges an area unless it overlaps a merged area already there (Excel refuses overlaps). */
  merge(area: Area): boolean {
    if (this.merges().some((m) => overlaps(m, area))) return false;
    const list = ensure(this.root, "mergeCells", WORKSHEET_ORDER);
    list.appendChild(make(list, "mergeCell", { ref: areaRef(area) }));
    list.setAttribute("count", String(kids(list, "mergeCell").length));
    return true;
  }

  private column(c: number): Element | undefined {
    const cols = kid(this.root, "cols");
    return cols
      ? kids(cols, "col").find(
          (col) =>
            Number(col.getAttribute("min")) <= c + 1 && Number(col.getAttribute("max")) >= c + 1
        )
      : undefined;
  }

  /** Column width in characters (Excel's unit), or null when the column has the default width. */
  width(c: number): number | null {
    const w = Number(this.column(c)?.getAttribute("width"));
    return w > 0 ? w : null;
  }

  /** Sets a column's width; a `col` element covering several columns is split around it. */
  setWidth(c: number, width: number): void {
    const cols = ensure(this.root, "cols", WORKSHEET_ORDER);
    let col = this.column(c);
    if (col) {
      const min = Number(col.getAttribute("min"));
      const max = Number(col.getAttribute("max"));
      const piece = (from: number, to: number) => {
        const copy = col?.cloneNode(true) as Element;
        copy.setAttribute("min", String(from));
        copy.setAttribute("max", String(to));
        return copy;
      };
      if (min < c + 1) cols.insertBefore(piece(min, c), col);
      if (max > c + 1) cols.insertBefore(piece(c + 2, max), col.nextSibling);
      col.setAttribute("min", String(c + 1));
      col.setAttribute("max", String(c + 1));
    } else {
      col = make(cols, "col", { min: c + 1, max: c + 1 });
      const after = kids(cols, "col").find((x) => Number(x.getAttribute("min")) > c + 1);
      cols.insertBefore(col, after ?? null);
    }
    col.setAttribute("width", String(width));
    col.setAttribute("customWidth", "1");
  }

  /** Freezes the rows above row `rows` (0-based count) in the sheet's first view. */
  freezeRows(rows: number): void {
    const views = ensure(this.root, "sheetViews", WORKSHEET_ORDER);
    let view = kid(views, "sheetView");
    if (!view) {
      view = make(views, "sheetView", { workbookViewId: 0 });
      views.appendChild(view);
    }
    for (const old of [...kids(view, "pane"), ...kids(view, "selection")]) view.removeChild(old);
    const first = `A${rows + 1}`;
    const pane = make(view, "pane", {
      ySplit: rows,
      topLeftCell: first,
      activePane: "bottomLeft",
      state: "frozen",
    });
    view.insertBefore(pane, view.firstChild);
    view.insertBefore(
      make(view, "selection", { pane: "bottomLeft", activeCell: first, sqref: first }),
      pane.nextSibling
    );
  }

  /** A4 landscape, one page wide, these margins (inches); the printer settings part is kept. */
  pageSetup(
    margins: Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>
  ): void {
    const sheetPr = ensure(this.root, "sheetPr", WORKSHEET_ORDER);
    ensure(sheetPr, "pageSetUpPr", SHEETPR_ORDER).setAttribute("fitToPage", "1");
    const m = ensure(this.root, "pageMargins", WORKSHEET_ORDER);
    for (const [k, v] of Object.entries(margins))
      m.setAttribute(k, String(Math.round(v * 1000) / 1000));
    const setup = ensure(this.root, "pageSetup", WORKSHEET_ORDER);
    setup.setAttribute("paperSize", "9");
    setup.setAttribute("orientation", "landscape");
    setup.setAttribute("fitToWidth", "1");
    setup.setAttribute("fitToHeight", "0");
  }

  /** Adds a list validation to the cells of `area` that have none yet; false when all had one. */
  addListValidation(area: Area, formula: string, showError: boolean): boolean {
    const list = kid(this.root, "dataValidations");
    const taken = list
      ? kids(list, "dataValidation").flatMap((dv) =>
          (dv.getAttribute("sqref") ?? "").split(/\s+/).filter(Boolean).map(parseAddress)
        )
      : [];
    const free: Area[] = [];
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cellArea = { top: r, left: c, bottom: r, right: c };
        if (taken.some((t) => overlaps(t, cellArea))) continue;
        const last = free[free.length - 1];
        if (last && last.left === c && last.right === c && last.bottom === r - 1)
          free[free.length - 1] = { ...last, bottom: r };
        else free.push(cellArea);
      }
    if (free.length === 0) return false;
    const holder = ensure(this.root, "dataValidations", WORKSHEET_ORDER);
    const dv = make(holder, "dataValidation", {
      type: "list",
      allowBlank: 1,
      showInputMessage: 1,
      showErrorMessage: showError ? 1 : 0,
      sqref: free.map(areaRef).join(" "),
    });
    const f = make(dv, "formula1");
    f.appendChild(this.doc.createTextNode(formula));
    dv.appendChild(f);
    holder.appendChild(dv);
    holder.setAttribute("count", String(kids(holder, "dataValidation").length));
    return true;
  }

  /** Colours cells of `area` containing each text; nothing when the same rules are there already. */
  addTextHighlights(area: Area, rules: readonly { text: string; argb: string }[]): void {
    const sqref = areaRef(area);
    const existing = kids(this.root, "conditionalFormatting");
    const same = existing.some(
      (cf) =>
        cf.getAttribute("sqref") === sqref &&
        rules.every((rule) => kids(cf, "cfRule").some((x) => x.getAttribute("text") === rule.text))
    );
    if (same) return;
    const priority = Math.max(
      0,
      ...existing.flatMap((cf) =>
        kids(cf, "cfRule").map((x) => Number(x.getAttribute("priority")) || 0)
      )
    );
    const cf = make(this.root, "conditionalFormatting", { sqref });
    const first = `${columnName(area.left)}${area.top + 1}`;
    rules.forEach((rule, i) => {
      const x = make(cf, "cfRule", {
        type: "containsText",
        dxfId: this.pkg.styles().fillDxf(rule.argb),
        priority: priority + i + 1,
        operator: "containsText",
        text: rule.text,
      });
      const f = make(x, "formula");
      f.appendChild(
        this.doc.createTextNode(`NOT(ISERROR(SEARCH("${rule.text.replace(/"/g, '""')}",${first})))`)
      );
      x.appendChild(f);
      cf.appendChild(x);
    });
    insertInOrder(this.root, cf, WORKSHEET_ORDER);
  }

  /** The parts this sheet points at, by relationship type's last word ("drawing", "comments", "table"…). */
  async related(kind: string): Promise<string[]> {
    const rels = await this.pkg.relationships(this.path);
    return rels.filter((r) => r.type.endsWith(`/${kind}`)).map((r) => r.target);
  }

  /**
   * Inserts `n` empty rows before row `at`: rows, cells, merged areas, conditional formats, data
   * validations, hyperlinks and page breaks of the sheet move down; areas spanning the place grow;
   * drawings anchored below move, comments move, Excel tables (ListObjects) and print areas grow
   * or move. Formulas are not rewritten: a caller refuses a sheet whose formulas would move.
   */
  async insertRows(at: number, n: number): Promise<void> {
    const at1 = at + 1;
    // Rows from the bottom up, so a row never takes a number another row still holds.
    const moving = [...this.rows.entries()].filter(([k]) => k >= at).sort((a, b) => b[0] - a[0]);
    for (const [k, row] of moving) {
      this.rows.delete(k);
      this.rows.set(k + n, row);
      row.setAttribute("r", String(k + n + 1));
      for (const x of kids(row, "c")) {
        const ref = x.getAttribute("r") ?? "";
        x.setAttribute("r", ref.replace(/\d+$/, String(k + n + 1)));
      }
    }
    const shiftAttr = (el: Element, name: string, list = false) => {
      const v = el.getAttribute(name);
      if (v) el.setAttribute(name, list ? shiftSqref(v, at1, n) : shiftRef(v, at1, n));
    };
    const mergeList = kid(this.root, "mergeCells");
    if (mergeList) for (const m of kids(mergeList, "mergeCell")) shiftAttr(m, "ref");
    for (const cf of kids(this.root, "conditionalFormatting")) {
      shiftAttr(cf, "sqref", true);
      for (const f of Array.from(cf.getElementsByTagNameNS(cf.namespaceURI ?? S_NS, "formula")))
        f.textContent = shiftFormula(f.textContent ?? "", at1, n, null);
    }
    const dvs = kid(this.root, "dataValidations");
    if (dvs)
      for (const dv of kids(dvs, "dataValidation")) {
        shiftAttr(dv, "sqref", true);
        for (const f of [...kids(dv, "formula1"), ...kids(dv, "formula2")])
          f.textContent = shiftFormula(f.textContent ?? "", at1, n, null);
      }
    const links = kid(this.root, "hyperlinks");
    if (links) for (const h of kids(links, "hyperlink")) shiftAttr(h, "ref");
    const filter = kid(this.root, "autoFilter");
    if (filter) shiftAttr(filter, "ref");
    const breaks = kid(this.root, "rowBreaks");
    if (breaks)
      for (const b of kids(breaks, "brk")) {
        const id = Number(b.getAttribute("id"));
        if (id >= at) b.setAttribute("id", String(id + n));
      }
    const dimension = kid(this.root, "dimension");
    if (dimension) shiftAttr(dimension, "ref");
    // Parts anchored to rows.
    for (const part of await this.related("drawing")) await this.pkg.shiftDrawing(part, at, n);
    for (const part of await this.related("comments"))
      await this.pkg.editText(part, (xml) =>
        xml.replace(
          /(<(?:\w+:)?comment\b[^>]*\bref=")([^"]+)"/g,
          (_, head: string, ref: string) => `${head}${shiftRef(ref, at1, n)}"`
        )
      );
    for (const part of await this.related("threadedComment"))
      await this.pkg.editText(part, (xml) =>
        xml.replace(
          /(<(?:\w+:)?threadedComment\b[^>]*\bref=")([^"]+)"/g,
          (_, head: string, ref: string) => `${head}${shiftRef(ref, at1, n)}"`
        )
      );
    for (const part of await this.related("vmlDrawing")) await this.pkg.shiftVml(part, at, n);
    for (const part of await this.related("table"))
      await this.pkg.editText(part, (xml) =>
        xml.replace(
          /(<(?:\w+:)?(?:table|autoFilter|sortState|sortCondition)\b[^>]*\bref=")([^"]+)"/g,
          (_, head: string, ref: string) => `${head}${shiftRef(ref, at1, n)}"`
        )
      );
    await this.pkg.shiftDefinedNames(this.name, at1, n);
  }

  /** Marks the sheet's part as changed. */
  touch(): void {
    this.pkg.touch(this.path, this.doc);
  }
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** An opened .xlsx: its parts loaded when first asked for, written back only when changed. */
export class XlsxPackage {
  private readonly docs = new Map<string, Document>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  /** Parts to add to the package if written: path → kind. */
  private readonly created = new Map<string, "sharedStrings" | "styles">();
  private stylesBook: { path: string; book: Styles } | null = null;
  private stringsBook: { path: string; book: SharedStrings } | null = null;
  private sheetList: { name: string; path: string; el: Element }[] = [];

  private constructor(private readonly zip: JSZip) {}

  /** Opens the package (the caller has read it through the guarded reader already). */
  static async open(data: Uint8Array): Promise<XlsxPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch {
      throw new FileReadError(
        "Tệp Excel bị hỏng, không giải nén được: hãy mở bằng Excel và lưu lại."
      );
    }
    const pkg = new XlsxPackage(zip);
    const workbook = await pkg.doc("xl/workbook.xml");
    const rels = await pkg.relationships("xl/workbook.xml");
    const sheets = kid(workbook.documentElement, "sheets");
    pkg.sheetList = (sheets ? kids(sheets, "sheet") : []).flatMap((el) => {
      const id = el.getAttributeNS(R_NS, "id") || el.getAttribute("r:id");
      const rel = rels.find((r) => r.id === id);
      return rel ? [{ name: el.getAttribute("name") ?? "", path: rel.target, el }] : [];
    });
    // Strings are needed to read any cell, styles to write one: loaded now (created when written).
    const strings = await pkg.part(
      "sharedStrings",
      `<sst xmlns="${S_NS}" count="0" uniqueCount="0"/>`
    );
    pkg.stringsBook = { path: strings.path, book: new SharedStrings(strings.doc) };
    const styles = await pkg.part("styles", `<styleSheet xmlns="${S_NS}"/>`);
    pkg.stylesBook = { path: styles.path, book: new Styles(styles.doc) };
    return pkg;
  }

  private async doc(path: string): Promise<Document> {
    const cached = this.docs.get(path);
    if (cached) return cached;
    const file = this.zip.file(path);
    if (!file)
      throw new FileReadError(`Tệp Excel thiếu phần “${path}”: hãy mở bằng Excel và lưu lại.`);
    const doc = parseXml(await partText(file), path);
    this.docs.set(path, doc);
    return doc;
  }

  /** A part's relationships (targets resolved to package paths). */
  async relationships(part: string): Promise<Relationship[]> {
    const path = relsPath(part);
    if (!this.zip.file(path)) return [];
    const doc = await this.doc(path);
    return kids(doc.documentElement, "Relationship").map((r) => {
      const external = r.getAttribute("TargetMode") === "External";
      const target = r.getAttribute("Target") ?? "";
      return {
        id: r.getAttribute("Id") ?? "",
        type: r.getAttribute("Type") ?? "",
        target: external ? target : resolveTarget(part, target),
        external,
      };
    });
  }

  /**
   * The workbook's part of a kind (shared strings, styles); a missing one starts empty and joins the
   * package (relationship, content type) only if something is written to it.
   */
  private async part(
    kind: "sharedStrings" | "styles",
    empty: string
  ): Promise<{ path: string; doc: Document }> {
    const existing = (await this.relationships("xl/workbook.xml")).find(
      (r) => r.type === REL_TYPE[kind]
    );
    if (existing && this.zip.file(existing.target))
      return { path: existing.target, doc: await this.doc(existing.target) };
    const path = `xl/${kind}.xml`;
    this.created.set(path, kind);
    return { path, doc: parseXml(XML_DECL + empty, path) };
  }

  private async addRelationship(source: string, type: string, target: string): Promise<string> {
    const path = relsPath(source);
    if (!this.zip.file(path) && !this.docs.has(path))
      this.docs.set(path, parseXml(`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"/>`, path));
    const doc = await this.doc(path);
    const root = doc.documentElement;
    const ids = new Set(kids(root, "Relationship").map((r) => r.getAttribute("Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    root.appendChild(make(root, "Relationship", { Id: id, Type: type, Target: target }));
    this.touch(path, doc);
    return id;
  }

  private async addContentType(partName: string, type: string): Promise<void> {
    const doc = await this.doc("[Content_Types].xml");
    const root = doc.documentElement;
    if (root.namespaceURI !== CT_NS) return;
    if (kids(root, "Override").some((o) => o.getAttribute("PartName") === partName)) return;
    root.appendChild(make(root, "Override", { PartName: partName, ContentType: type }));
    this.touch("[Content_Types].xml", doc);
  }

  touch(path: string, doc: Document): void {
    this.docs.set(path, doc);
    this.changed.add(path);
  }

  /** The styles, marked as changed (a caller asks for them to derive a format). */
  styles(): Styles {
    const { path, book } = this.stylesBook as { path: string; book: Styles };
    this.touch(path, book.doc);
    return book;
  }
  /** The text of shared string `index`. */
  sharedText(index: number): string {
    return this.stringsBook?.book.text(index) ?? "";
  }
  /** The index of a shared string holding `text`, added when missing. */
  stringIndex(text: string): number {
    const { path, book } = this.stringsBook as { path: string; book: SharedStrings };
    this.touch(path, book.doc);
    return book.index(text);
  }

  hasSheet(name: string): boolean {
    return this.sheetList.some((s) => s.name === name);
  }

  async sheet(name: string): Promise<SheetEditor> {
    const entry = this.sheetList.find((s) => s.name === name);
    if (!entry) throw new FileReadError(`Không tìm thấy trang tính “${name}”.`);
    const editor = new SheetEditor(this, name, entry.path, await this.doc(entry.path));
    editor.touch();
    return editor;
  }

  /** Adds a hidden sheet holding columns of texts (suggestion lists). */
  async addHiddenSheet(name: string, columns: readonly (readonly string[])[]): Promise<void> {
    const used = new Set(Object.keys(this.zip.files).map((p) => p.toLowerCase()));
    let n = this.sheetList.length + 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    const doc = parseXml(`${XML_DECL}<worksheet xmlns="${S_NS}"><sheetData/></worksheet>`, path);
    this.touch(path, doc);
    const id = await this.addRelationship(
      "xl/workbook.xml",
      REL_TYPE.worksheet,
      `worksheets/sheet${n}.xml`
    );
    await this.addContentType(`/${path}`, CONTENT_TYPE.worksheet);
    const workbook = await this.doc("xl/workbook.xml");
    const sheets = ensure(workbook.documentElement, "sheets", WORKBOOK_ORDER);
    const ids = kids(sheets, "sheet").map((s) => Number(s.getAttribute("sheetId")) || 0);
    const el = make(sheets, "sheet", { name, sheetId: Math.max(0, ...ids) + 1, state: "hidden" });
    el.setAttributeNS(R_NS, "r:id", id);
    sheets.appendChild(el);
    this.touch("xl/workbook.xml", workbook);
    this.sheetList.push({ name, path, el });
    const editor = await this.sheet(name);
    columns.forEach((items, c) => items.forEach((text, r) => editor.setText(r, c, text)));
  }

  /** Rows `first`..`last` (1-based) of a sheet printed at the top of every page. */
  async setPrintTitles(sheetName: string, first: number, last: number): Promise<void> {
    const index = this.sheetList.findIndex((s) => s.name === sheetName);
    if (index < 0) return;
    const workbook = await this.doc("xl/workbook.xml");
    const names = ensure(workbook.documentElement, "definedNames", WORKBOOK_ORDER);
    const value = `'${sheetName.replace(/'/g, "''")}'!$${first}:$${last}`;
    let el = kids(names, "definedName").find(
      (d) =>
        d.getAttribute("name") === "_xlnm.Print_Titles" &&
        d.getAttribute("localSheetId") === String(index)
    );
    if (!el) {
      el = make(names, "definedName", { name: "_xlnm.Print_Titles", localSheetId: index });
      names.appendChild(el);
    }
    // Column titles the user set are kept beside the rows.
    const columns = (el.textContent ?? "")
      .split(",")
      .find((p) => /!\$?[A-Z]+:\$?[A-Z]+$/.test(p.trim()));
    el.textContent = columns ? `${columns},${value}` : value;
    this.touch("xl/workbook.xml", workbook);
  }

  /** Defined names pointing into a sheet (print areas, named ranges) follow its inserted rows. */
  async shiftDefinedNames(sheetName: string, at1: number, n: number): Promise<void> {
    const workbook = await this.doc("xl/workbook.xml");
    const names = kid(workbook.documentElement, "definedNames");
    if (!names) return;
    for (const d of kids(names, "definedName")) {
      const before = d.textContent ?? "";
      const after = shiftFormula(before, at1, n, sheetName);
      if (after !== before) {
        d.textContent = after;
        this.touch("xl/workbook.xml", workbook);
      }
    }
  }

  /** Whether anything outside a sheet's own cells computes from its rows: other sheets' formulas, charts. */
  async referencesTo(sheetName: string): Promise<string | null> {
    const quoted = `'${sheetName.replace(/'/g, "''")}'!`;
    const bare = `${sheetName}!`;
    const mentions = (text: string) => text.includes(quoted) || text.includes(bare);
    for (const s of this.sheetList) {
      if (s.name === sheetName) continue;
      const file = this.zip.file(s.path);
      const xml = file ? await partText(file) : "";
      for (const m of xml.matchAll(/<(?:\w+:)?f\b[^>]*>([^<]*)</g))
        if (mentions(m[1] ?? "")) return `công thức trong trang tính “${s.name}”`;
    }
    for (const path of Object.keys(this.zip.files)) {
      if (!/^xl\/charts\/chart[^/]*\.xml$/i.test(path)) continue;
      const file = this.zip.file(path);
      if (file && mentions(await partText(file))) return "biểu đồ";
    }
    return null;
  }

  /** DrawingML anchors (§20.5.2) from row `at` (0-based) move down `n` rows. */
  async shiftDrawing(path: string, at: number, n: number): Promise<void> {
    await this.editText(path, (xml) =>
      xml.replace(
        /(<(\w+:)?(from|to)\b[^>]*>[\s\S]*?<(?:\w+:)?row>)(\d+)(<\/(?:\w+:)?row>)/g,
        (whole: string, head: string, _p: string, _w: string, row: string, tail: string) => {
          // Both corners move when at or below the place: an object spanning it grows.
          return Number(row) >= at ? `${head}${Number(row) + n}${tail}` : whole;
        }
      )
    );
  }

  /** A legacy VML drawing's note boxes (x:Anchor, x:Row, 0-based) from row `at` move down. */
  async shiftVml(path: string, at: number, n: number): Promise<void> {
    await this.editText(path, (xml) =>
      xml
        .replace(/(<x:Row>)(\d+)(<\/x:Row>)/g, (w: string, a: string, r: string, b: string) =>
          Number(r) >= at ? `${a}${Number(r) + n}${b}` : w
        )
        .replace(
          /(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g,
          (w: string, a: string, list: string, b: string) => {
            const v = list.split(",").map((s) => s.trim());
            if (v.length !== 8) return w;
            for (const i of [2, 6]) if (Number(v[i]) >= at) v[i] = String(Number(v[i]) + n);
            return `${a}${v.join(", ")}${b}`;
          }
        )
    );
  }

  /**
   * Edits a part as text (parts KHCT does not model: drawings, comments, VML, which may not even be
   * well-formed XML); written back only when the text changed.
   */
  async editText(path: string, edit: (xml: string) => string): Promise<void> {
    const file = this.zip.file(path);
    if (!file) return;
    const before = this.texts.get(path) ?? (await partText(file));
    const after = edit(before);
    if (after !== before) {
      this.texts.set(path, after);
      this.changed.add(path);
    }
  }

  /** The new package: changed parts written, every other part as it was. */
  async save(): Promise<Uint8Array> {
    for (const [path, kind] of this.created) {
      if (!this.changed.has(path)) continue;
      await this.addRelationship("xl/workbook.xml", REL_TYPE[kind], `${kind}.xml`);
      await this.addContentType(`/${path}`, CONTENT_TYPE[kind]);
    }
    for (const path of this.changed) {
      const text = this.texts.get(path);
      const doc = this.docs.get(path);
      if (text !== undefined) this.zip.file(path, text);
      else if (doc) {
        const xml = serialize(doc);
        this.zip.file(path, xml.startsWith("<?xml") ? xml : XML_DECL + xml);
      }
    }
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
}
