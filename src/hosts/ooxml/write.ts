/**
 * WordprocessingML written through the DOM (Level 2): the document model's paragraphs and tables
 * as w:p and w:tbl elements, and the edits a fill patch makes to an existing table. One writer for
 * the file adapter (@xmldom/xmldom) and, later, for Word's insertOoxml (the browser's DOM).
 */
import type { Cell, Paragraph, Table } from "../../core/document/model";
import type { FormatProfile } from "../../core/format/profile";
import { child as firstChild, children as childrenNamed, W_NS } from "./tables";

export { childrenNamed };

export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** Twentieths of a point, Word's unit for lengths. */
export const twips = {
  fromMm: (mm: number) => Math.round((mm / 25.4) * 1440),
  fromCm: (cm: number) => Math.round((cm / 2.54) * 1440),
  fromPt: (pt: number) => Math.round(pt * 20),
};

export function w(
  doc: Document,
  name: string,
  attrs: Record<string, string | number> = {}
): Element {
  const el = doc.createElementNS(W_NS, `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(W_NS, `w:${k}`, String(v));
  return el;
}

/** An empty w:document with its w:body (DOM Level 2: the browser's and @xmldom/xmldom's alike). */
export function newWordDocument(implementation: {
  createDocument(ns: string, name: string, doctype: null): unknown;
}): { doc: Document; body: Element } {
  const doc = implementation.createDocument(W_NS, "w:document", null) as Document;
  const body = w(doc, "body");
  doc.documentElement.appendChild(body);
  return { doc, body };
}

function append(parent: Element, ...kids: (Element | null | undefined)[]): Element {
  for (const k of kids) if (k) parent.appendChild(k);
  return parent;
}

const JC = { left: "left", center: "center", right: "right", justify: "both" } as const;

export interface RunStyle {
  readonly font: string;
  readonly pt: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export function runProperties(doc: Document, style: RunStyle): Element {
  const rPr = w(doc, "rPr");
  append(
    rPr,
    w(doc, "rFonts", {
      ascii: style.font,
      hAnsi: style.font,
      cs: style.font,
      eastAsia: style.font,
    }),
    style.bold ? w(doc, "b") : null,
    style.bold ? w(doc, "bCs") : null,
    style.italic ? w(doc, "i") : null,
    style.italic ? w(doc, "iCs") : null,
    w(doc, "sz", { val: Math.round(style.pt * 2) }),
    w(doc, "szCs", { val: Math.round(style.pt * 2) }),
    // The schema's order: sz before u (Word rejects a run whose properties are out of order).
    style.underline ? w(doc, "u", { val: "single" }) : null
  );
  return rPr;
}

/** A w:t holding text exactly (spaces kept); tabs become w:tab. */
export function textRun(doc: Document, text: string, rPr: Element | null): Element {
  const r = w(doc, "r");
  if (rPr) r.appendChild(rPr);
  text.split("\t").forEach((part, i) => {
    if (i > 0) r.appendChild(w(doc, "tab"));
    if (part === "") return;
    const t = w(doc, "t");
    t.setAttributeNS(XML_NS, "xml:space", "preserve");
    t.appendChild(doc.createTextNode(part));
    r.appendChild(t);
  });
  return r;
}

export function paragraphElement(doc: Document, p: Paragraph, profile: FormatProfile): Element {
  const el = w(doc, "p");
  const pPr = w(doc, "pPr");
  const spacing: Record<string, number | string> = {
    before: twips.fromPt(p.beforePt ?? 0),
    after: twips.fromPt(p.afterPt ?? 0),
  };
  if (p.role !== "cell") {
    spacing.line = Math.round(240 * profile.lineSpacing.preferred);
    spacing.lineRule = "auto";
  }
  append(
    pPr,
    w(doc, "spacing", spacing),
    p.indentFirstCm ? w(doc, "ind", { firstLine: twips.fromCm(p.indentFirstCm) }) : null,
    p.align ? w(doc, "jc", { val: JC[p.align] }) : null,
    runProperties(doc, { font: profile.font, pt: p.pt })
  );
  el.appendChild(pPr);
  for (const run of p.runs) {
    el.appendChild(
      textRun(
        doc,
        run.text,
        runProperties(doc, {
          font: profile.font,
          pt: run.pt ?? p.pt,
          bold: run.bold,
          italic: run.italic,
          underline: run.underline,
        })
      )
    );
  }
  return el;
}

function borders(doc: Document, tag: "tblBorders" | "tcBorders", on: boolean): Element {
  const el = w(doc, tag);
  for (const side of [
    "top",
    "left",
    "bottom",
    "right",
    ...(tag === "tblBorders" ? ["insideH", "insideV"] : []),
  ])
    el.appendChild(
      on
        ? w(doc, side, { val: "single", sz: 4, space: 0, color: "000000" })
        : w(doc, side, { val: "nil" })
    );
  return el;
}

function cellElement(
  doc: Document,
  cell: Cell,
  width: number,
  profile: FormatProfile,
  vAlign: "top" | "center"
): Element {
  const tc = w(doc, "tc");
  const tcPr = w(doc, "tcPr");
  append(
    tcPr,
    w(doc, "tcW", { w: width, type: "dxa" }),
    cell.colSpan && cell.colSpan > 1 ? w(doc, "gridSpan", { val: cell.colSpan }) : null,
    w(doc, "vAlign", { val: vAlign })
  );
  tc.appendChild(tcPr);
  const paragraphs = cell.paragraphs.length ? cell.paragraphs : [];
  for (const p of paragraphs) tc.appendChild(paragraphElement(doc, p, profile));
  // A cell must end with a paragraph.
  if (paragraphs.length === 0) tc.appendChild(w(doc, "p"));
  return tc;
}

/** A w:tbl for a model table `textWidth` twips wide. */
export function tableElement(
  doc: Document,
  table: Table,
  textWidth: number,
  profile: FormatProfile
): Element {
  const tbl = w(doc, "tbl");
  const tblPr = w(doc, "tblPr");
  append(
    tblPr,
    w(doc, "tblW", { w: textWidth, type: "dxa" }),
    table.role === "plan" ? null : w(doc, "jc", { val: "center" }),
    borders(doc, "tblBorders", table.borders),
    w(doc, "tblLayout", { type: "fixed" }),
    w(doc, "tblCellMar", {}),
    w(doc, "tblLook", {
      val: "04A0",
      firstRow: 1,
      lastRow: 0,
      firstColumn: 0,
      lastColumn: 0,
      noHBand: 1,
      noVBand: 1,
    })
  );
  const mar = tblPr.getElementsByTagNameNS(W_NS, "tblCellMar")[0] as Element;
  append(mar, w(doc, "left", { w: 85, type: "dxa" }), w(doc, "right", { w: 85, type: "dxa" }));
  tbl.appendChild(tblPr);
  const widths = table.widths.map((f) => Math.floor(f * textWidth));
  const grid = w(doc, "tblGrid");
  for (const width of widths) grid.appendChild(w(doc, "gridCol", { w: width }));
  tbl.appendChild(grid);
  table.rows.forEach((row, r) => {
    const tr = w(doc, "tr");
    const trPr = w(doc, "trPr");
    trPr.appendChild(w(doc, "cantSplit"));
    if (r < table.headerRows) trPr.appendChild(w(doc, "tblHeader"));
    tr.appendChild(trPr);
    let col = 0;
    for (const cell of row) {
      const span = cell.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const vAlign = r < table.headerRows ? "center" : "top";
      tr.appendChild(
        cellElement(doc, cell, width, profile, table.role === "layout" ? "top" : vAlign)
      );
      col += span;
    }
    tbl.appendChild(tr);
  });
  return tbl;
}

/** The page size and margins of one section (w:sectPr). */
export function sectionProperties(
  doc: Document,
  profile: FormatProfile,
  orientation: "portrait" | "landscape"
): Element {
  const { widthMm, heightMm } = profile.paper;
  const landscape = orientation === "landscape";
  const m = profile.marginsMm;
  const sectPr = w(doc, "sectPr");
  append(
    sectPr,
    w(doc, "pgSz", {
      w: twips.fromMm(landscape ? heightMm : widthMm),
      h: twips.fromMm(landscape ? widthMm : heightMm),
      ...(landscape ? { orient: "landscape" } : {}),
    }),
    w(doc, "pgMar", {
      top: twips.fromMm(m.top.preferred),
      right: twips.fromMm(m.right.preferred),
      bottom: twips.fromMm(m.bottom.preferred),
      left: twips.fromMm(m.left.preferred),
      header: 709,
      footer: 709,
      gutter: 0,
    })
  );
  return sectPr;
}

/** Text width of a section in twips. */
export function textWidth(profile: FormatProfile, orientation: "portrait" | "landscape"): number {
  const page = orientation === "landscape" ? profile.paper.heightMm : profile.paper.widthMm;
  return twips.fromMm(page - profile.marginsMm.left.preferred - profile.marginsMm.right.preferred);
}

// ---- Editing an existing table -------------------------------------------------------------

/**
 * The schema order of the property elements KHCT writes into (WordprocessingML is a sequence:
 * Word refuses a file whose properties are out of order, even where LibreOffice reads it).
 */
export const ORDER: Readonly<Record<string, readonly string[]>> = {
  rPr: [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
  ],
  pPr: [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
  ],
  tblPr: [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
  ],
  trPr: [
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
  ],
  tcPr: [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
  ],
  tr: ["tblPrEx", "trPr", "tc"],
  tbl: ["tblPr", "tblGrid", "tr"],
  p: ["pPr", "r"],
  r: ["rPr"],
  tc: ["tcPr", "p"],
  sectPr: [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
  ],
};

/**
 * The child `name` of `parent`, created at its place in the schema order when missing. Elements
 * the order does not list are kept where they are.
 */
export function ensureChild(parent: Element, name: string): Element {
  const found = firstChild(parent, name);
  if (found) return found;
  const el = w(parent.ownerDocument as Document, name);
  const order = ORDER[parent.localName] ?? [];
  const rank = order.indexOf(name);
  let before: Node | null = null;
  if (rank >= 0) {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const other = order.indexOf((n as Element).localName);
      if (other > rank) {
        before = n;
        break;
      }
    }
  }
  parent.insertBefore(el, before);
  return el;
}

/** The run properties of the first run with text in a cell (what its text looks like), if any. */
export function textRunStyle(tc: Element): Element | undefined {
  for (const r of Array.from(tc.getElementsByTagNameNS(W_NS, "r"))) {
    const t = childrenNamed(r, "t")[0];
    if (t && (t.textContent ?? "").trim() !== "") return firstChild(r, "rPr");
  }
  return undefined;
}

/**
 * Replaces a cell's text, keeping its look: the first paragraph's properties are reused for every
 * line, with the run properties of `style` (a run with text elsewhere in the table — empty cells
 * often carry a shrunken size) or else the cell's own. Only for cells KHCT fills.
 */
export function setCellText(tc: Element, text: string, style?: Element | null): void {
  const doc = tc.ownerDocument as Document;
  const paragraphs = childrenNamed(tc, "p");
  const first = paragraphs[0];
  const pPr = first ? firstChild(first, "pPr") : undefined;
  const firstRun = first ? firstChild(first, "r") : undefined;
  const rPr =
    style ??
    textRunStyle(tc) ??
    (firstRun ? firstChild(firstRun, "rPr") : undefined) ??
    (pPr ? firstChild(pPr, "rPr") : undefined);
  if (pPr && style) {
    // The paragraph mark takes the same look (its size sets the height of an empty line).
    const mark = firstChild(pPr, "rPr");
    if (mark) pPr.replaceChild(style.cloneNode(true), mark);
  }
  const anchor = paragraphs[paragraphs.length - 1]?.nextSibling ?? null;
  for (const p of paragraphs) tc.removeChild(p);
  for (const line of text.split("\n")) {
    const p = w(doc, "p");
    if (pPr) p.appendChild(pPr.cloneNode(true));
    if (line !== "")
      p.appendChild(textRun(doc, line, rPr ? (rPr.cloneNode(true) as Element) : null));
    tc.insertBefore(p, anchor);
  }
}

/**
 * A new row shaped like `model` (a plain row of the same table): same row and cell properties,
 * with `cells` as texts; `mergeFrom` joins the cells from that grid column to the end.
 */
export function newRowLike(
  model: Element,
  cells: readonly string[],
  gridWidths: readonly number[],
  mergeFrom?: number,
  styleFor: (col: number) => Element | undefined = () => undefined
): Element {
  const doc = model.ownerDocument as Document;
  const tr = w(doc, "tr");
  const trPr = firstChild(model, "trPr");
  if (trPr) {
    const copy = trPr.cloneNode(true) as Element;
    for (const h of childrenNamed(copy, "tblHeader")) copy.removeChild(h);
    tr.appendChild(copy);
  }
  const modelCells = childrenNamed(model, "tc");
  const cellFor = (col: number) => {
    let c = 0;
    for (const tc of modelCells) {
      const span =
        Number(
          firstChild(firstChild(tc, "tcPr") ?? tc, "gridSpan")?.getAttributeNS(W_NS, "val") ?? 1
        ) || 1;
      if (col < c + span) return tc;
      c += span;
    }
    return modelCells[modelCells.length - 1];
  };
  const make = (col: number, span: number, text: string) => {
    const source = cellFor(col);
    const tc = w(doc, "tc");
    const tcPr = w(doc, "tcPr");
    const sourcePr = source ? firstChild(source, "tcPr") : undefined;
    const width = gridWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
    tcPr.appendChild(w(doc, "tcW", { w: width, type: "dxa" }));
    if (span > 1) tcPr.appendChild(w(doc, "gridSpan", { val: span }));
    const keep = sourcePr ? ["tcBorders", "shd", "vAlign"].map((n) => firstChild(sourcePr, n)) : [];
    for (const k of keep) if (k) tcPr.appendChild(k.cloneNode(true));
    tc.appendChild(tcPr);
    const p = source ? childrenNamed(source, "p")[0] : undefined;
    tc.appendChild(p ? (p.cloneNode(true) as Element) : w(doc, "p"));
    setCellText(tc, text, styleFor(col));
    return tc;
  };
  const count = gridWidths.length || cells.length;
  for (let c = 0; c < count;) {
    if (mergeFrom !== undefined && c === mergeFrom) {
      tr.appendChild(make(c, count - c, cells.slice(c).find((t) => t) ?? ""));
      break;
    }
    tr.appendChild(make(c, 1, cells[c] ?? ""));
    c++;
  }
  return tr;
}
