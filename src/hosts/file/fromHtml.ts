/**
 * A plan saved as HTML (school apps save it under a .doc name; Word opens it) turned into a new
 * .docx so fill and format can work on it: its paragraphs and tables in order, merged cells kept
 * (w:gridSpan, w:vMerge), on an A4 page with Nghị định 30's margins — landscape when a table has
 * many columns. What an HTML page carries beyond text and tables (pictures, colours, fonts, links)
 * is not carried over; callers say so to the user.
 */
import { DOMImplementation, XMLSerializer, type Node as XmlNode } from "@xmldom/xmldom";
import { ND30_PROFILE, type FormatProfile } from "../../core/format/profile";
import { buildGrid, type RawCell } from "../../core/plan/table";
import { newWordDocument, sectionProperties, textWidth, w, XML_NS } from "../ooxml/write";
import { readHtmlBlocks } from "./html";
import { docxPackage } from "./write";

/** Tables wider than this many columns are laid out on a landscape page (the plan table is 9–10). */
const LANDSCAPE_FROM = 7;

function paragraph(doc: Document, text: string): Element {
  const p = w(doc, "p");
  text.split("\n").forEach((line, i) => {
    const r = w(doc, "r");
    if (i > 0) r.appendChild(w(doc, "br"));
    const t = w(doc, "t");
    t.setAttributeNS(XML_NS, "xml:space", "preserve");
    t.appendChild(doc.createTextNode(line));
    r.appendChild(t);
    p.appendChild(r);
  });
  return p;
}

/** A bordered table of equal columns across `width` twips, merges as Word writes them. */
function table(doc: Document, rows: readonly (readonly RawCell[])[], width: number): Element {
  const grid = buildGrid(rows);
  const tbl = w(doc, "tbl");
  const tblPr = w(doc, "tblPr");
  tblPr.appendChild(w(doc, "tblW", { w: width, type: "dxa" }));
  const borders = w(doc, "tblBorders");
  for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"])
    borders.appendChild(w(doc, side, { val: "single", sz: 4, space: 0, color: "000000" }));
  tblPr.appendChild(borders);
  tblPr.appendChild(w(doc, "tblLayout", { type: "fixed" }));
  tbl.appendChild(tblPr);
  const column = Math.floor(width / Math.max(1, grid.colCount));
  const tblGrid = w(doc, "tblGrid");
  for (let c = 0; c < grid.colCount; c++) tblGrid.appendChild(w(doc, "gridCol", { w: column }));
  tbl.appendChild(tblGrid);
  grid.cells.forEach((row, r) => {
    const tr = w(doc, "tr");
    for (let c = 0; c < grid.colCount; c++) {
      const cell = row[c];
      if (!cell || cell.origin.col !== c) continue; // covered by a cell to its left
      let span = 1;
      while (row[c + span]?.origin.col === c && row[c + span]?.origin.row === cell.origin.row)
        span++;
      const starts = cell.origin.row === r;
      const continues = grid.cells[r + 1]?.[c]?.origin;
      const spansDown = continues?.row === cell.origin.row && continues.col === c;
      const tc = w(doc, "tc");
      const tcPr = w(doc, "tcPr");
      tcPr.appendChild(w(doc, "tcW", { w: column * span, type: "dxa" }));
      if (span > 1) tcPr.appendChild(w(doc, "gridSpan", { val: span }));
      if (!starts) tcPr.appendChild(w(doc, "vMerge"));
      else if (spansDown) tcPr.appendChild(w(doc, "vMerge", { val: "restart" }));
      tc.appendChild(tcPr);
      const lines = starts ? cell.text.split("\n") : [""];
      for (const line of lines) tc.appendChild(paragraph(doc, line));
      tr.appendChild(tc);
    }
    tbl.appendChild(tr);
  });
  return tbl;
}

/** The .docx for an HTML plan's text. */
export async function docxFromHtml(
  html: string,
  title: string,
  profile: FormatProfile = ND30_PROFILE
): Promise<Uint8Array> {
  const blocks = readHtmlBlocks(html);
  const widest = Math.max(
    0,
    ...blocks.map((b) => (b.kind === "table" ? buildGrid(b.rows).colCount : 0))
  );
  const orientation = widest >= LANDSCAPE_FROM ? "landscape" : "portrait";
  const width = textWidth(profile, orientation);
  const { doc, body } = newWordDocument(new DOMImplementation());
  for (const block of blocks) {
    if (block.kind === "paragraph") body.appendChild(paragraph(doc, block.text));
    else {
      body.appendChild(table(doc, block.rows, width));
      body.appendChild(w(doc, "p")); // a table is followed by a paragraph, as Word requires
    }
  }
  body.appendChild(sectionProperties(doc, profile, orientation));
  const xml = new XMLSerializer().serializeToString(doc as unknown as XmlNode);
  return docxPackage(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`,
    profile,
    title
  );
}

/** What the user is told when a plan saved as HTML is written as .docx. */
export const FROM_HTML_NOTE =
  "Tệp gốc là trang HTML (phần mềm của trường lưu với đuôi .doc): KHCT ghi ra tệp Word .docx mới gồm chữ và các bảng của trang; hình ảnh, màu và phông riêng của trang HTML không được chép sang.";
