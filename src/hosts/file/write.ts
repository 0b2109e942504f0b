/**
 * The file adapter's writing side: a document model to a new .docx or .xlsx, and a fill patch
 * applied to a copy of an existing file. A new .xlsx is written by exceljs (nothing to lose); an
 * existing one is edited part by part (xlsxPackage.ts), as an existing .docx is (JSZip and
 * @xmldom/xmldom), so every part KHCT does not edit keeps its bytes. The result is returned as
 * bytes, so a caller writes the output file only once everything succeeded (never a partial file).
 */
import JSZip from "jszip";
import { DOMImplementation, XMLSerializer, type Node as XmlNode } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { cellModelText, type DocumentModel, type Table } from "../../core/document/model";
import type { FormatProfile } from "../../core/format/profile";
import { PROGRESS_HEADERS } from "../../core/plan/layouts";
import type { Patch, PatchOp } from "../../core/plan/patch";
import { buildGrid } from "../../core/plan/table";
import { SETTINGS_KEY } from "../../core/plan/settings";
import { childrenThrough, readTable, topLevelTables, W_NS } from "../ooxml/tables";
import {
  childrenNamed,
  ensureChild,
  newRowLike,
  newWordDocument,
  paragraphElement,
  sectionProperties,
  setCellText,
  tableElement,
  textRunStyle,
  textWidth,
  w,
} from "../ooxml/write";
import { FileReadError, parseXml, partText } from "./read";
import { XlsxPackage, type SheetEditor } from "./xlsxPackage";

const serialize = (doc: Document | Node) =>
  new XMLSerializer().serializeToString(doc as unknown as XmlNode);
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c
  );

/** word/document.xml for a model. */
export function documentXml(model: DocumentModel): string {
  const { doc, body } = newWordDocument(new DOMImplementation());
  const { profile } = model;
  model.sections.forEach((section, s) => {
    const width = textWidth(profile, section.orientation);
    let last: Element | null = null;
    for (const block of section.blocks) {
      const el =
        block.kind === "paragraph"
          ? paragraphElement(doc, block, profile)
          : tableElement(doc, block, width, profile);
      body.appendChild(el);
      last = el;
    }
    const sectPr = sectionProperties(doc, profile, section.orientation);
    if (s === model.sections.length - 1) {
      body.appendChild(sectPr);
      return;
    }
    // A section ends with a paragraph holding its properties; after a table, an empty one.
    let holder = last && last.localName === "p" ? last : null;
    if (!holder) {
      holder = w(doc, "p");
      body.appendChild(holder);
    }
    let pPr = childrenNamed(holder, "pPr")[0];
    if (!pPr) {
      pPr = w(doc, "pPr");
      holder.insertBefore(pPr, holder.firstChild);
    }
    pPr.appendChild(sectPr);
  });
  return XML_DECL + serialize(doc);
}

function stylesXml(profile: FormatProfile): string {
  const f = escapeXml(profile.font);
  const sz = Math.round(profile.bodyPt.preferred * 2);
  return `${XML_DECL}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}" w:eastAsia="${f}"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;
}

const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function corePropsXml(title: string): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>KHCT</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created></cp:coreProperties>`;
}

/** docProps/custom.xml with KHCT's settings (what Word's customProperties.add writes). */
function customPropsXml(value: string): string {
  return `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${SETTINGS_KEY}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property></Properties>`;
}

/** A new .docx for a document model. */
export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  return docxPackage(documentXml(model), model.profile, model.title, model.settings);
}

/** A new .docx around a word/document.xml: styles of the profile, core and KHCT's properties. */
export async function docxPackage(
  document: string,
  profile: FormatProfile,
  title: string,
  settings?: string
): Promise<Uint8Array> {
  const zip = new JSZip();
  const custom = settings !== undefined;
  zip.file(
    "[Content_Types].xml",
    `${XML_DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>${custom ? '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' : ""}</Types>`
  );
  zip.file(
    "_rels/.rels",
    `${XML_DECL}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>${custom ? `<Relationship Id="rId3" Type="${OFFICE_REL}/custom-properties" Target="docProps/custom.xml"/>` : ""}</Relationships>`
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `${XML_DECL}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/styles" Target="styles.xml"/></Relationships>`
  );
  zip.file("word/document.xml", document);
  zip.file("word/styles.xml", stylesXml(profile));
  zip.file("docProps/core.xml", corePropsXml(title));
  if (settings !== undefined) zip.file("docProps/custom.xml", customPropsXml(settings));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** exceljs's cell (a plain object: nothing to load or sync, unlike Office.js's ranges). */
function cellOf(sheet: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return sheet.findCell(row, col) ?? sheet.getRow(row).getCell(col);
}

// ---- .xlsx -----------------------------------------------------------------------------------

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Width in characters of the sheet columns a model cell covers. */
function spanWidth(
  cells: readonly { colSpan?: number }[],
  index: number,
  sheet: ExcelJS.Worksheet
): number {
  let col = 1;
  for (let i = 0; i < index; i++) col += cells[i]?.colSpan ?? 1;
  let width = 0;
  for (let c = col; c < col + (cells[index]?.colSpan ?? 1); c++)
    width += sheet.getColumn(c).width ?? 10;
  return width;
}

/**
 * A row height (points) that shows every line of wrapped text: Excel and LibreOffice do not grow
 * rows for merged cells, and a file has no renderer to ask. Column width is in characters of the
 * default 11 pt font; larger text fits fewer.
 */
export function rowHeight(texts: readonly string[], widths: readonly number[], pt: number): number {
  const perChar = pt / 11;
  let lines = 1;
  texts.forEach((text, i) => {
    const capacity = Math.max(1, Math.floor((widths[i] ?? 10) / perChar / 1.1));
    const n = text
      .split("\n")
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / capacity)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, Math.ceil(lines * pt * 1.3 + 4));
}

/**
 * A new .xlsx for a document model: one sheet, text blocks as rows merged across the table's
 * width, the plan table with borders, frozen header, and print setup (A4 landscape, one page wide,
 * header row repeated).
 */
export async function writeXlsx(model: DocumentModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KHCT";
  workbook.title = model.title;
  const sheet = workbook.addWorksheet("Kế hoạch");
  const { profile } = model;
  const plan = model.sections
    .flatMap((s) => s.blocks)
    .find((b): b is Table => b.kind === "table" && b.role === "plan");
  const cols = plan?.widths.length ?? 9;
  // Column widths in characters, from the plan's fractions of a landscape page (~ 150 characters).
  sheet.columns = (plan?.widths ?? Array.from({ length: cols }, () => 1 / cols)).map((f) => ({
    width: Math.max(5, Math.round(f * 150)),
  }));
  const totalWidth = sheet.columns.reduce((sum, c) => sum + (c.width ?? 10), 0);
  let row = 1;
  let planHeaderRow = 0;
  let freezeAt = 0;
  const font = (pt: number, bold?: boolean, italic?: boolean, underline?: boolean) => ({
    name: profile.font,
    size: pt,
    ...(bold ? { bold: true } : {}),
    ...(italic ? { italic: true } : {}),
    ...(underline ? { underline: true } : {}),
  });
  const mergeAcross = (r: number, from: number, to: number) => {
    if (to > from) sheet.mergeCells(r, from, r, to);
  };
  for (const section of model.sections)
    for (const block of section.blocks) {
      if (block.kind === "paragraph") {
        const sheetCell = cellOf(sheet, row, 1);
        sheetCell.value = block.runs.map((r) => r.text).join("");
        const first = block.runs[0];
        sheetCell.font = font(block.pt, first?.bold, first?.italic, first?.underline);
        sheetCell.alignment = {
          wrapText: true,
          vertical: "top",
          horizontal: block.align === "center" ? "center" : "left",
        };
        mergeAcross(row, 1, cols);
        sheet.getRow(row).height = rowHeight([String(sheetCell.value)], [totalWidth], block.pt);
        row++;
        continue;
      }
      if (block.role === "layout") {
        // Side-by-side blocks: the left sheetCell over the first half of the columns, the right over the rest.
        const split = Math.max(1, Math.round(cols * (block.widths[0] ?? 0.5)));
        for (const cells of block.rows) {
          const lines = Math.max(...cells.map((c) => c.paragraphs.length));
          for (let l = 0; l < lines; l++) {
            cells.forEach((c, i) => {
              const p = c.paragraphs[l];
              if (!p) return;
              const col = i === 0 ? 1 : split + 1;
              const sheetCell = cellOf(sheet, row, col);
              sheetCell.value = p.runs.map((r) => r.text).join("");
              const first = p.runs[0];
              sheetCell.font = font(p.pt, first?.bold, first?.italic, first?.underline);
              sheetCell.alignment = {
                horizontal: p.align === "center" ? "center" : "left",
                vertical: "top",
                wrapText: true,
              };
            });
            mergeAcross(row, 1, split);
            mergeAcross(row, split + 1, cols);
            row++;
          }
        }
        continue;
      }
      block.rows.forEach((cells, r) => {
        const kind = block.rowKinds[r];
        let col = 1;
        for (const c of cells) {
          const span = c.colSpan ?? 1;
          const sheetCell = cellOf(sheet, row, col);
          sheetCell.value = cellModelText(c);
          const p = c.paragraphs[0];
          sheetCell.font = font(p?.pt ?? profile.tablePt.preferred, p?.runs[0]?.bold ?? false);
          sheetCell.alignment = {
            wrapText: true,
            vertical: kind === "header" ? "middle" : "top",
            horizontal: p?.align === "center" ? "center" : "left",
          };
          for (let k = col; k < col + span; k++) cellOf(sheet, row, k).border = BORDER;
          mergeAcross(row, col, col + span - 1);
          col += span;
        }
        for (; col <= cols; col++) cellOf(sheet, row, col).border = BORDER;
        sheet.getRow(row).height = rowHeight(
          cells.map((c) => cellModelText(c)),
          cells.map((c, i) => spanWidth(cells, i, sheet)),
          cells[0]?.paragraphs[0]?.pt ?? profile.tablePt.preferred
        );
        if (r === 0) planHeaderRow = row;
        if (r === block.headerRows - 1) freezeAt = row;
        row++;
      });
    }
  if (freezeAt) sheet.views = [{ state: "frozen", ySplit: freezeAt, xSplit: 0 }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: {
      left: profile.marginsMm.left.preferred / 25.4,
      right: profile.marginsMm.right.preferred / 25.4,
      top: profile.marginsMm.top.preferred / 25.4,
      bottom: profile.marginsMm.bottom.preferred / 25.4,
      header: 0.3,
      footer: 0.3,
    },
    ...(planHeaderRow ? { printTitlesRow: `${planHeaderRow}:${freezeAt || planHeaderRow}` } : {}),
  };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

// ---- Filling a table in an existing file ----------------------------------------------------

/** What a fill did to the file. */
export interface FileFillResult {
  readonly data: Uint8Array;
  readonly set: number;
  readonly inserted: number;
  /** Sets skipped because the cell was not what the patch expected (the file changed since reading). */
  readonly skipped: number;
}

const isSet = (op: PatchOp): op is Extract<PatchOp, { kind: "set" }> => op.kind === "set";
const isInsert = (op: PatchOp): op is Extract<PatchOp, { kind: "insert" }> => op.kind === "insert";

function ensureBold(tr: Element): void {
  for (const r of Array.from(tr.getElementsByTagNameNS(W_NS, "r")))
    ensureChild(ensureChild(r, "rPr"), "b");
}

/**
 * Edits word/document.xml of a .docx through the DOM and returns the new package; every other
 * part is carried over as it was.
 */
async function editDocumentXml<T>(
  data: Uint8Array,
  edit: (doc: Document) => T
): Promise<{ data: Uint8Array; result: T }> {
  const zip = await JSZip.loadAsync(data);
  const part = zip.file("word/document.xml");
  if (!part) throw new FileReadError("Không phải tệp Word: thiếu word/document.xml.");
  const doc = parseXml(await partText(part), "word/document.xml");
  const result = edit(doc);
  zip.file("word/document.xml", serialize(doc));
  return { data: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), result };
}

/**
 * Applies a fill patch to table `tableIndex` (document order, top-level tables) of a .docx:
 * each set writes a cell that still holds what the patch expects; inserted rows copy the look of a
 * plain row of the same table (section and standard rows bold and merged across). Everything else
 * in the package is kept byte for byte.
 */
export async function fillDocx(
  data: Uint8Array,
  tableIndex: number,
  patch: Patch
): Promise<FileFillResult> {
  const { data: out, result } = await editDocumentXml(data, (doc) => {
    const tbl = topLevelTables(doc)[tableIndex];
    if (!tbl) throw new FileReadError(`Không tìm thấy bảng ${tableIndex + 1} trong tệp.`);
    const read = readTable(tbl);
    const grid = buildGrid(read.rows);
    if (grid.rowCount !== patch.rowCount || grid.colCount !== patch.colCount)
      throw new FileReadError("Bảng trong tệp đã khác với bảng KHCT đọc: hãy chạy lại lệnh.");
    const trs = childrenThrough(tbl, "tr");
    // Where text in each column looks right: runs with text in body cells one column wide.
    const donors: { row: number; rPr: Element }[][] = Array.from(
      { length: grid.colCount },
      () => []
    );
    trs.forEach((tr, r) => {
      if (r < read.headerRows) return;
      const tcs = childrenThrough(tr, "tc");
      for (let c = 0; c < grid.colCount; c++) {
        const cell = grid.cells[r]?.[c];
        const tc = tcs[read.cellIndex[r]?.[c] ?? -1];
        if (!cell || !tc || cell.origin.row !== r || cell.origin.col !== c) continue;
        if (c + 1 < grid.colCount && grid.cells[r]?.[c + 1]?.origin.col === c) continue; // spans
        const rPr = textRunStyle(tc);
        if (rPr) donors[c]?.push({ row: r, rPr });
      }
    });
    const styleAt = (row: number, col: number): Element | undefined => {
      const near = (list: { row: number; rPr: Element }[]) =>
        list.reduce<{ row: number; rPr: Element } | undefined>(
          (best, d) => (!best || Math.abs(d.row - row) < Math.abs(best.row - row) ? d : best),
          undefined
        )?.rPr;
      return near(donors[col] ?? []) ?? near(donors.flat());
    };
    let set = 0;
    let skipped = 0;
    for (const op of patch.ops.filter(isSet)) {
      const cell = grid.cells[op.row]?.[op.col];
      const tcIndex = read.cellIndex[op.row]?.[op.col] ?? -1;
      const tr = trs[op.row];
      const tc = tr ? childrenThrough(tr, "tc")[tcIndex] : undefined;
      if (
        !cell ||
        !tc ||
        cell.origin.row !== op.row ||
        cell.origin.col !== op.col ||
        cell.text !== op.expected
      ) {
        skipped++;
        continue;
      }
      setCellText(tc, op.text, styleAt(op.row, op.col));
      set++;
    }
    const inserts = patch.ops.filter(isInsert);
    if (inserts.length > 0) {
      const gridWidths = childrenNamed(childrenNamed(tbl, "tblGrid")[0] ?? tbl, "gridCol").map(
        (g) => Number(g.getAttributeNS(W_NS, "w") || g.getAttribute("w:w")) || 0
      );
      const widths =
        gridWidths.length === grid.colCount
          ? gridWidths
          : Array.from({ length: grid.colCount }, () => 0);
      // The model: the last body row whose cells are one per grid column (a plain criterion row).
      const plain = trs
        .map((tr, i) => ({ tr, i }))
        .filter(
          ({ tr, i }) => i >= read.headerRows && childrenThrough(tr, "tc").length === grid.colCount
        );
      const model = plain[plain.length - 1]?.tr ?? trs[trs.length - 1];
      if (!model) throw new FileReadError("Bảng không có hàng nào để làm mẫu.");
      for (const op of inserts) {
        const tr = newRowLike(model, op.cells, widths, op.mergeFrom, (col) =>
          styleAt(op.before, col)
        );
        if (op.rowKind === "section" || op.rowKind === "standard") ensureBold(tr);
        // Inside a vertical merge (a merged "Tiêu chuẩn" column), the new cell continues it.
        const below = grid.cells[op.before];
        if (below && op.mergeFrom === undefined) {
          const tcs = childrenThrough(tr, "tc");
          below.forEach((cell, c) => {
            if (cell.origin.row < op.before && cell.origin.col === c && tcs[c]) {
              const tcPr = childrenNamed(tcs[c], "tcPr")[0];
              if (tcPr) tcPr.appendChild(w(doc, "vMerge"));
              setCellText(tcs[c], "");
            }
          });
        }
        // Before the row's outermost wrapper (a content control around rows stays whole).
        let anchor: Node | null = trs[op.before] ?? null;
        while (anchor && anchor.parentNode && anchor.parentNode !== tbl) anchor = anchor.parentNode;
        tbl.insertBefore(tr, anchor);
      }
    }
    return { set, inserted: inserts.length, skipped };
  });
  return { data: out, ...result };
}

/** Why rows cannot be inserted into a sheet without breaking a computation, or null. */
async function insertBlocker(
  pkg: XlsxPackage,
  sheet: SheetEditor,
  top: number
): Promise<string | null> {
  // Formulas in or below the table would point at the wrong rows once rows move in between.
  if (sheet.formulaFrom(top)) return "công thức trong hoặc dưới bảng";
  return pkg.referencesTo(sheet.name);
}

/**
 * Applies a fill patch to the table that starts at 0-based row `start` of sheet `sheetName`.
 * Sets write cells that still hold what the patch expects (never a formula); inserted rows take the
 * format of a plain row of the table, merged areas below move with their rows. Only the sheet, the
 * shared strings and the styles are rewritten (plus, when rows move, the parts anchored to them):
 * charts, images and every other part keep their bytes. A sheet whose formulas (or other sheets'
 * formulas, or charts) compute from the rows that would move is refused for insertion.
 */
export async function fillXlsx(
  data: Uint8Array,
  sheetName: string,
  start: number,
  patch: Patch
): Promise<FileFillResult> {
  const pkg = await XlsxPackage.open(data);
  const sheet = await pkg.sheet(sheetName);
  const top = start; // 0-based first row of the table
  let set = 0;
  let skipped = 0;
  for (const op of patch.ops.filter(isSet)) {
    const r = top + op.row;
    if (sheet.hasFormula(r, op.col) || sheet.text(r, op.col) !== op.expected) {
      skipped++;
      continue;
    }
    sheet.setText(r, op.col, op.text);
    sheet.restyle(r, op.col, { alignment: { wrapText: true, vertical: "top" } });
    set++;
  }
  const inserts = patch.ops.filter(isInsert);
  if (inserts.length > 0) {
    const blocker = await insertBlocker(pkg, sheet, top);
    if (blocker)
      throw new FileReadError(
        `Trang tính có ${blocker} tính từ các hàng của bảng: KHCT không chèn hàng vào tệp để không làm sai phép tính. Hãy dùng KHCT trong Excel (Excel tự dời công thức khi chèn hàng).`
      );
    // A plain body row gives the new rows their format: the last one that is not a MỨC or standard row.
    const isGroupRow = (r: number) => {
      const texts = [...Array(patch.colCount).keys()].map((c) => sheet.text(r, c).trim());
      return texts.every((t) => !t) || texts.some((t) => /^(MỨC|Mức)\s|^Tiêu chuẩn\s/u.test(t));
    };
    let styleRow = top + patch.rowCount - 1;
    while (styleRow > top + 1 && isGroupRow(styleRow)) styleRow--;
    const styles = Array.from({ length: patch.colCount }, (_, c) => sheet.styleOf(styleRow, c));
    const groups = new Map<number, Extract<PatchOp, { kind: "insert" }>[]>();
    for (const op of inserts) groups.set(op.before, [...(groups.get(op.before) ?? []), op]);
    // From the bottom up: rows placed below move down with each group inserted above them.
    for (const before of [...groups.keys()].sort((a, b) => b - a)) {
      const ops = groups.get(before) ?? [];
      const at = top + before;
      await sheet.insertRows(at, ops.length);
      ops.forEach((op, i) => {
        const r = at + i;
        const bold = op.rowKind === "section" || op.rowKind === "standard";
        op.cells.forEach((text, c) => {
          sheet.setStyle(r, c, styles[c] ?? 0);
          sheet.restyle(r, c, {
            alignment: { wrapText: true, vertical: "top" },
            ...(bold ? { font: { bold: true } } : {}),
          });
          if (op.mergeFrom === undefined || c <= op.mergeFrom)
            sheet.setText(
              r,
              c,
              op.mergeFrom === c ? (op.cells.slice(c).find((t) => t) ?? "") : text
            );
        });
        if (op.mergeFrom !== undefined && op.mergeFrom < patch.colCount - 1)
          sheet.merge({ top: r, bottom: r, left: op.mergeFrom, right: patch.colCount - 1 });
      });
    }
  }
  return { data: await pkg.save(), set, inserted: inserts.length, skipped };
}

/**
 * Appends a table to the end of a .docx body (before its last section properties): file mode's
 * "insert a new plan table", where a file has no cursor. The rest of the package is kept.
 */
export async function appendDocxTable(
  data: Uint8Array,
  table: Table,
  profile: FormatProfile
): Promise<Uint8Array> {
  const edited = await editDocumentXml(data, (doc) => {
    const body = doc.getElementsByTagNameNS(W_NS, "body")[0];
    if (!body) throw new FileReadError("Tệp Word không có phần thân văn bản (w:body).");
    const last = childrenNamed(body, "sectPr")[0] ?? null;
    // The text width of the document's own page, or the profile's portrait page.
    const pgSz = last ? childrenNamed(last, "pgSz")[0] : undefined;
    const pgMar = last ? childrenNamed(last, "pgMar")[0] : undefined;
    const num = (el: Element | undefined, name: string) =>
      Number(el?.getAttributeNS(W_NS, name) || el?.getAttribute(`w:${name}`)) || 0;
    const width = num(pgSz, "w") - num(pgMar, "left") - num(pgMar, "right");
    const tbl = tableElement(
      doc,
      table,
      width > 2000 ? width : textWidth(profile, "portrait"),
      profile
    );
    body.insertBefore(tbl, last);
    // A document may not end with a table: an empty paragraph follows it.
    body.insertBefore(w(doc, "p"), last);
  });
  return edited.data;
}

/**
 * Adds the two progress columns at the right of table `tableIndex` of a .docx: the header row
 * gets their titles, every other row two empty cells shaped like its last cell; the table keeps its
 * width (the old columns give up a fifth of theirs). Refused when the table is not the one read.
 */
export async function addDocxProgressColumns(
  data: Uint8Array,
  tableIndex: number,
  expected: { readonly rowCount: number; readonly colCount: number }
): Promise<Uint8Array> {
  const { data: out } = await editDocumentXml(data, (doc) => {
    const tbl = topLevelTables(doc)[tableIndex];
    if (!tbl) throw new FileReadError(`Không tìm thấy bảng ${tableIndex + 1} trong tệp.`);
    const grid = buildGrid(readTable(tbl).rows);
    if (grid.rowCount !== expected.rowCount || grid.colCount !== expected.colCount)
      throw new FileReadError("Bảng trong tệp đã khác với bảng KHCT đọc: hãy chạy lại lệnh.");
    const widthOf = (el: Element | undefined) => Number(el?.getAttributeNS(W_NS, "w")) || 0;
    const scale = (el: Element | undefined, factor: number) => {
      if (el && widthOf(el) > 0)
        el.setAttributeNS(W_NS, "w:w", String(Math.round(widthOf(el) * factor)));
    };
    const tblGrid = childrenNamed(tbl, "tblGrid")[0];
    const cols = tblGrid ? childrenNamed(tblGrid, "gridCol") : [];
    const total = cols.reduce((sum, g) => sum + widthOf(g), 0);
    const added = Math.round(total * 0.1);
    for (const g of cols) scale(g, 0.8);
    if (tblGrid) for (let i = 0; i < 2; i++) tblGrid.appendChild(w(doc, "gridCol", { w: added }));
    childrenThrough(tbl, "tr").forEach((tr, r) => {
      const tcs = childrenThrough(tr, "tc");
      for (const tc of tcs) scale(childrenNamed(childrenNamed(tc, "tcPr")[0] ?? tc, "tcW")[0], 0.8);
      const last = tcs[tcs.length - 1];
      if (!last) return;
      // A group row (MỨC, Tiêu chuẩn) merged to the right edge stays merged to the new edge.
      const lastPr = childrenNamed(last, "tcPr")[0];
      const span = lastPr ? childrenNamed(lastPr, "gridSpan")[0] : undefined;
      if (r > 0 && span && lastPr) {
        span.setAttributeNS(
          W_NS,
          "w:val",
          String((Number(span.getAttributeNS(W_NS, "val")) || 1) + 2)
        );
        const tcW = childrenNamed(lastPr, "tcW")[0];
        if (tcW) tcW.setAttributeNS(W_NS, "w:w", String(widthOf(tcW) + 2 * added));
        return;
      }
      PROGRESS_HEADERS.forEach((title) => {
        const tc = last.cloneNode(true) as Element;
        const tcPr = childrenNamed(tc, "tcPr")[0];
        if (tcPr) {
          for (const name of ["gridSpan", "vMerge", "hMerge"])
            for (const el of childrenNamed(tcPr, name)) tcPr.removeChild(el);
          const tcW = childrenNamed(tcPr, "tcW")[0];
          if (tcW) {
            tcW.setAttributeNS(W_NS, "w:w", String(added));
            tcW.setAttributeNS(W_NS, "w:type", "dxa");
          }
        }
        setCellText(tc, r === 0 ? title : "");
        tr.appendChild(tc);
      });
    });
  });
  return out;
}

/**
 * Adds the two progress columns at the right of the table of `height` rows and `width` columns
 * that starts at 0-based row `start` of sheet `sheetName`, formatted like its last column: titles in
 * the header row, the rest empty. null (nothing written) when those cells are not all empty. Only
 * the sheet (and the strings) change in the package.
 */
export async function addXlsxProgressColumns(
  data: Uint8Array,
  sheetName: string,
  start: number,
  height: number,
  width: number
): Promise<Uint8Array | null> {
  const pkg = await XlsxPackage.open(data);
  const sheet = await pkg.sheet(sheetName);
  const rows = [...Array(height).keys()].map((r) => start + r);
  const right = [width, width + 1];
  if (rows.some((r) => right.some((c) => sheet.text(r, c) !== "" || sheet.hasFormula(r, c))))
    return null;
  for (const r of rows)
    right.forEach((c, i) => {
      sheet.setStyle(r, c, sheet.styleOf(r, width - 1));
      sheet.setText(r, c, r === start ? (PROGRESS_HEADERS[i] ?? "") : "");
    });
  const last = sheet.width(width - 1) ?? 16;
  for (const c of right) sheet.setWidth(c, last);
  return pkg.save();
}
