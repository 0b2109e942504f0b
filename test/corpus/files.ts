/**
 * Corpus tables written as real files, the way other writers make them (not KHCT's own writer):
 * a .docx with the plan's paragraphs and one table (w:gridSpan across, w:vMerge down), and a .xlsx
 * with the paragraphs in column A and the table at a given origin (merged ranges), written by
 * exceljs.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { RawCell } from "../../src/core/plan/table";

const esc = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Cell paragraphs: a line break in a cell is a paragraph of its own, as Word writes it. */
export const paras = (text: string) =>
  (text === "" ? [""] : text.split("\n"))
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`)
    .join("");

interface Placed {
  readonly text: string;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** Where each RawCell lands in the grid (skipping positions covered by merges from above). */
export function place(rows: readonly (readonly RawCell[])[]): { placed: Placed[][]; cols: number } {
  const covered = new Set<string>();
  const placed: Placed[][] = [];
  let cols = 0;
  rows.forEach((row, r) => {
    const out: Placed[] = [];
    let c = 0;
    for (const cell of row) {
      while (covered.has(`${r}:${c}`)) c++;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      out.push({ text: cell.text, col: c, colSpan, rowSpan });
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered.add(`${r + dr}:${c + dc}`);
      c += colSpan;
    }
    cols = Math.max(cols, c);
    placed.push(out);
  });
  return { placed, cols };
}

/**
 * Word's form of vertical merges: the first cell restarts, each row under it has a continuing cell
 * in the same grid column (with the same width). Row → grid column → colSpan of those cells.
 */
export function vMergeContinues(
  placed: readonly (readonly Placed[])[]
): Map<number, Map<number, number>> {
  const continues = new Map<number, Map<number, number>>();
  placed.forEach((row, r) =>
    row.forEach((cell) => {
      for (let dr = 1; dr < cell.rowSpan; dr++) {
        const m = continues.get(r + dr) ?? new Map<number, number>();
        m.set(cell.col, cell.colSpan);
        continues.set(r + dr, m);
      }
    })
  );
  return continues;
}

/** A WordprocessingML table (w:tbl) for rows with merges, as Word writes them. */
export function tableXml(rows: readonly (readonly RawCell[])[]): string {
  const { placed, cols } = place(rows);
  const continues = vMergeContinues(placed);
  const trs = placed.map((row, r) => {
    const cells: { col: number; xml: string }[] = row.map((cell) => ({
      col: cell.col,
      xml: `<w:tc><w:tcPr>${cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : ""}${cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : ""}</w:tcPr>${paras(cell.text)}</w:tc>`,
    }));
    for (const [col, span] of continues.get(r) ?? new Map<number, number>())
      cells.push({
        col,
        xml: `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}<w:vMerge/></w:tcPr><w:p/></w:tc>`,
      });
    cells.sort((a, b) => a.col - b.col);
    return `<w:tr>${cells.map((c) => c.xml).join("")}</w:tr>`;
  });
  const grid = Array.from({ length: cols }, () => '<w:gridCol w:w="1500"/>').join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${trs.join("")}</w:tbl>`;
}

export async function docxOf(
  paragraphs: readonly string[],
  rows: readonly (readonly RawCell[])[]
): Promise<Uint8Array> {
  return docxOfBody(paragraphs.map((p) => paras(p)).join("") + tableXml(rows) + "<w:p/>");
}

/** A minimal .docx around a w:body's content (paragraphs and tables as Word writes them). */
export async function docxOfBody(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`
  );
  return zip.generateAsync({ type: "uint8array" });
}

export async function xlsxOf(
  paragraphs: readonly string[],
  rows: readonly (readonly RawCell[])[],
  origin: { readonly row: number; readonly col: number }
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("KH");
  // The plan's title lines above the table (the table's origin leaves room, or they go below).
  const textRows = origin.row > 0 ? 0 : paragraphs.length + 1;
  paragraphs.forEach((p, i) => {
    const r = origin.row > 0 ? Math.min(i + 1, origin.row - 1) : i + 1;
    if (origin.row > 0 && i >= origin.row - 1) return;
    sheet.getCell(r, 1).value = p;
  });
  if (origin.row > 0 && paragraphs.length > origin.row - 1) {
    // Paragraphs that did not fit above: left of the table is empty, put them far below.
    paragraphs.slice(origin.row - 1).forEach((p, i) => (sheet.getCell(200 + i, 1).value = p));
  }
  const { placed } = place(rows);
  placed.forEach((row, r) =>
    row.forEach((cell) => {
      const top = origin.row + textRows + r + 1;
      const left = origin.col + cell.col + 1;
      if (cell.text !== "") sheet.getCell(top, left).value = cell.text;
      if (cell.colSpan > 1 || cell.rowSpan > 1)
        sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
    })
  );
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
