/**
 * Rich workbooks: a plan table on a sheet that also carries what real workbooks carry and a
 * rewriting library drops — a chart (on a monitoring sheet, from that sheet's data or from the plan
 * sheet's), a picture anchored below the table, notes (comments with their VML boxes), a data
 * validation and a conditional format beside the table, a print area, a header and footer, a
 * printer-settings part, an Excel table (ListObject), a custom XML part and document properties.
 * Built from the ECMA-376 Part 1 structures (SpreadsheetML §18, DrawingML charts §21.2,
 * spreadsheet drawings §20.5, VML notes as Excel writes them), with shared strings and styles as
 * Excel writes them. LibreOffice opens them (`npm run check:office` converts the outputs).
 */
import JSZip from "jszip";
import { columnName } from "../../src/hosts/excel/address";
import type { RawCell } from "../../src/core/plan/table";
import { place, tableXml } from "./files";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const CT = "application/vnd.openxmlformats-officedocument";
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64"
);

export const PLAN_SHEET = "Kế hoạch";
export const MONITOR_SHEET = "Theo dõi";

const esc = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c);

export interface RichOptions {
  /** The chart plots the plan sheet's rows (so rows cannot be inserted without breaking it). */
  readonly chartOnPlan?: boolean;
}

/** Where things sit in a rich workbook (0-based rows), for the tests' expectations. */
export interface RichLayout {
  readonly tableTop: number;
  readonly tableEnd: number;
  /** The signature row below the table (merged across). */
  readonly signatureRow: number;
  /** The picture's anchor row (below the table). */
  readonly pictureRow: number;
  /** Cells with a note: one in the table header, one below the table. */
  readonly noteAbove: string;
  readonly noteBelow: string;
  readonly columns: number;
}

/** The parts of a rich workbook that no KHCT operation on the plan table has a reason to change. */
export const FOREIGN_PARTS = [
  "xl/charts/chart1.xml",
  "xl/drawings/drawing2.xml",
  "xl/drawings/_rels/drawing2.xml.rels",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/media/image1.png",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/_rels/sheet2.xml.rels",
  "xl/worksheets/_rels/sheet1.xml.rels",
  "xl/tables/table1.xml",
  "xl/printerSettings/printerSettings1.bin",
  "customXml/item1.xml",
  "docProps/core.xml",
  "docProps/app.xml",
  "docProps/custom.xml",
  "xl/theme/theme1.xml",
];

export async function richXlsx(
  paragraphs: readonly string[],
  rows: readonly (readonly RawCell[])[],
  options: RichOptions = {}
): Promise<{ data: Uint8Array; layout: RichLayout }> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const si = (text: string) => {
    let i = stringIndex.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      stringIndex.set(text, i);
    }
    return i;
  };
  const { placed, cols } = place(rows);
  const tableTop = paragraphs.length + 1;
  const tableEnd = tableTop + placed.length - 1;
  const signatureRow = tableEnd + 2;
  const pictureRow = tableEnd + 4;
  const cells = new Map<number, string[]>();
  const put = (r: number, c: number, xml: string) => {
    const row = cells.get(r) ?? [];
    row[c] = xml;
    cells.set(r, row);
  };
  const text = (r: number, c: number, t: string, style: number) =>
    put(r, c, `<c r="${columnName(c)}${r + 1}" s="${style}" t="s"><v>${si(t)}</v></c>`);
  paragraphs.forEach((p, i) => text(i, 0, p, 0));
  const merges: string[] = [];
  placed.forEach((row, r) =>
    row.forEach((cell) => {
      const top = tableTop + r;
      text(top, cell.col, cell.text, r === 0 ? 2 : 1);
      if (cell.colSpan > 1 || cell.rowSpan > 1)
        merges.push(
          `${columnName(cell.col)}${top + 1}:${columnName(cell.col + cell.colSpan - 1)}${top + cell.rowSpan}`
        );
    })
  );
  // The merged cells' other cells carry the table's style, as Excel writes them.
  text(signatureRow, 0, "HIỆU TRƯỞNG", 2);
  merges.push(`A${signatureRow + 1}:${columnName(cols - 1)}${signatureRow + 1}`);
  const check = cols + 1; // a column beside the table, validated and conditionally formatted
  for (let r = tableTop + 1; r <= tableEnd; r++) text(r, check, "Có", 0);
  const sheetData = [...cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, row]) => `<row r="${r + 1}">${row.filter(Boolean).join("")}</row>`)
    .join("");
  const noteAbove = `${columnName(1)}${tableTop + 1}`;
  const noteBelow = `A${signatureRow + 1}`;
  const checkRange = `${columnName(check)}${tableTop + 2}:${columnName(check)}${tableEnd + 1}`;
  const sheet1 =
    `${DECL}<worksheet xmlns="${S}" xmlns:r="${R}"><sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>` +
    `<dimension ref="A1:${columnName(check)}${signatureRow + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="1" max="${cols}" width="18" customWidth="1"/></cols>` +
    `<sheetData>${sheetData}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` +
    `<conditionalFormatting sqref="${checkRange}"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"Có"</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${checkRange}"><formula1>"Có,Không"</formula1></dataValidation></dataValidations>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="portrait" r:id="rId3"/>` +
    `<headerFooter><oddHeader>&amp;C&amp;"Times New Roman,Bold"KẾ HOẠCH CẢI TIẾN</oddHeader><oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter></headerFooter>` +
    `<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`;
  const sheet2 =
    `${DECL}<worksheet xmlns="${S}" xmlns:r="${R}"><dimension ref="A1:B4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${si("Mức độ")}</v></c><c r="B1" t="s"><v>${si("Số hoạt động")}</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>${si("Hoàn thành")}</v></c><c r="B2"><v>4</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>${si("Đang thực hiện")}</v></c><c r="B3"><v>3</v></c></row>` +
    `<row r="4"><c r="A4" t="s"><v>${si("Chưa hoàn thành")}</v></c><c r="B4"><f>COUNTA(A2:A3)</f><v>2</v></c></row>` +
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>`;
  const plotted = options.chartOnPlan
    ? [
        `'${PLAN_SHEET}'!$A$${tableTop + 2}:$A$${tableEnd + 1}`,
        `'${PLAN_SHEET}'!$${columnName(check)}$${tableTop + 2}:$${columnName(check)}$${tableEnd + 1}`,
      ]
    : [`'${MONITOR_SHEET}'!$A$2:$A$4`, `'${MONITOR_SHEET}'!$B$2:$B$4`];
  const chart =
    `${DECL}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:v>Số hoạt động</c:v></c:tx><c:cat><c:strRef><c:f>${esc(plotted[0] ?? "")}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(plotted[1] ?? "")}</c:f></c:numRef></c:val></c:ser><c:axId val="101"/><c:axId val="102"/></c:barChart>` +
    `<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="102"/></c:catAx>` +
    `<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="101"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  const anchor = (fromCol: number, fromRow: number, toCol: number, toRow: number) =>
    `<xdr:from><xdr:col>${fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
  const drawingHead = `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}" xmlns:c="${C}">`;
  const pictureDrawing =
    `${drawingHead}<xdr:twoCellAnchor editAs="oneCell">${anchor(1, pictureRow, 2, pictureRow + 3)}` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Con dấu"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="571500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const chartDrawing =
    `${drawingHead}<xdr:twoCellAnchor>${anchor(3, 1, 9, 16)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const notes = [noteAbove, noteBelow];
  const comments =
    `${DECL}<comments xmlns="${S}"><authors><author>Tổ trưởng</author></authors><commentList>` +
    notes
      .map(
        (ref, i) =>
          `<comment ref="${ref}" authorId="0"><text><r><t>${i === 0 ? "Xem lại tiêu đề cột" : "Ký và đóng dấu"}</t></r></text></comment>`
      )
      .join("") +
    `</commentList></comments>`;
  const noteShape = (ref: string, i: number) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    const col = [...(m[1] ?? "A")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    return (
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 31, ${row + 4}, 1</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    );
  };
  const vml =
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    notes.map(noteShape).join("") +
    `</xml>`;
  const styles =
    `${DECL}<styleSheet xmlns="${S}"><fonts count="2"><font><sz val="13"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="13"/><name val="Times New Roman"/><family val="1"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs></styleSheet>`;
  const sst =
    `${DECL}<sst xmlns="${S}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join("") +
    `</sst>`;
  const quotedPlan = `'${PLAN_SHEET}'`;
  const workbook =
    `${DECL}<workbook xmlns="${S}" xmlns:r="${R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets><sheet name="${PLAN_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${MONITOR_SHEET}" sheetId="2" r:id="rId2"/></sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${esc(quotedPlan)}!$A$1:$${columnName(cols - 1)}$${pictureRow + 4}</definedName>` +
    `<definedName name="ChuKy">${esc(quotedPlan)}!$A$${signatureRow + 1}</definedName></definedNames><calcPr calcId="191029"/></workbook>`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const rels = (...items: string[]) =>
    `${DECL}<Relationships xmlns="${PR}">${items.join("")}</Relationships>`;
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="${CT}.vmlDrawing"/><Default Extension="bin" ContentType="${CT}.spreadsheetml.printerSettings"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/><Override PartName="/xl/drawings/drawing2.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/><Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/tables/table1.xml" ContentType="${CT}.spreadsheetml.table+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="${CT}.custom-properties+xml"/></Types>`
  );
  zip.file(
    "_rels/.rels",
    rels(
      rel("rId1", `${R}/officeDocument`, "xl/workbook.xml"),
      rel(
        "rId2",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml"
      ),
      rel("rId3", `${R}/extended-properties`, "docProps/app.xml"),
      rel("rId4", `${R}/custom-properties`, "docProps/custom.xml")
    )
  );
  zip.file("xl/workbook.xml", workbook);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels(
      rel("rId1", `${R}/worksheet`, "worksheets/sheet1.xml"),
      rel("rId2", `${R}/worksheet`, "worksheets/sheet2.xml"),
      rel("rId3", `${R}/styles`, "styles.xml"),
      rel("rId4", `${R}/sharedStrings`, "sharedStrings.xml"),
      rel("rId5", `${R}/theme`, "theme/theme1.xml"),
      rel("rId6", `${R}/customXml`, "../customXml/item1.xml")
    )
  );
  zip.file("xl/worksheets/sheet1.xml", sheet1);
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    rels(
      rel("rId1", `${R}/drawing`, "../drawings/drawing1.xml"),
      rel("rId2", `${R}/vmlDrawing`, "../drawings/vmlDrawing1.vml"),
      rel("rId3", `${R}/printerSettings`, "../printerSettings/printerSettings1.bin"),
      rel("rId4", `${R}/comments`, "../comments1.xml")
    )
  );
  zip.file("xl/worksheets/sheet2.xml", sheet2);
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    rels(
      rel("rId1", `${R}/drawing`, "../drawings/drawing2.xml"),
      rel("rId2", `${R}/table`, "../tables/table1.xml")
    )
  );
  zip.file("xl/drawings/drawing1.xml", pictureDrawing);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels(rel("rId1", `${R}/image`, "../media/image1.png"))
  );
  zip.file("xl/drawings/drawing2.xml", chartDrawing);
  zip.file(
    "xl/drawings/_rels/drawing2.xml.rels",
    rels(rel("rId1", `${R}/chart`, "../charts/chart1.xml"))
  );
  zip.file("xl/drawings/vmlDrawing1.vml", vml);
  zip.file("xl/charts/chart1.xml", chart);
  zip.file("xl/comments1.xml", comments);
  zip.file("xl/media/image1.png", PNG);
  zip.file(
    "xl/printerSettings/printerSettings1.bin",
    Uint8Array.from({ length: 220 }, (_, i) => (i * 37) % 256)
  );
  zip.file(
    "xl/tables/table1.xml",
    `${DECL}<table xmlns="${S}" id="1" name="TheoDoi" displayName="TheoDoi" ref="A1:B4" totalsRowShown="0"><autoFilter ref="A1:B4"/>` +
      `<tableColumns count="2"><tableColumn id="1" name="Mức độ"/><tableColumn id="2" name="Số hoạt động"/></tableColumns>` +
      `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
  zip.file(
    "xl/theme/theme1.xml",
    `${DECL}<a:theme xmlns:a="${A}" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>` +
      `<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
      `<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>` +
      `<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
      `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
      `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`
  );
  zip.file("xl/sharedStrings.xml", sst);
  zip.file("xl/styles.xml", styles);
  zip.file(
    "customXml/item1.xml",
    `${DECL}<khct-test xmlns="urn:khct:test"><truong>Trường Tiểu học Thử</truong></khct-test>`
  );
  zip.file(
    "docProps/core.xml",
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Kế hoạch cải tiến chất lượng</dc:title><dc:creator>Tổ chuyên môn</dc:creator></cp:coreProperties>`
  );
  zip.file(
    "docProps/app.xml",
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`
  );
  zip.file(
    "docProps/custom.xml",
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phòng GD"><vt:lpwstr>Quận 1</vt:lpwstr></property></Properties>`
  );
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return {
    data,
    layout: { tableTop, tableEnd, signatureRow, pictureRow, noteAbove, noteBelow, columns: cols },
  };
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/** The parts of a rich document that no KHCT operation on the plan table has a reason to change. */
export const FOREIGN_DOCX_PARTS = [
  "word/header1.xml",
  "word/footer1.xml",
  "word/footnotes.xml",
  "word/endnotes.xml",
  "word/comments.xml",
  "word/media/image1.png",
  "word/settings.xml",
  "word/styles.xml",
  "word/_rels/document.xml.rels",
  "customXml/item1.xml",
  "docProps/core.xml",
  "docProps/custom.xml",
  "[Content_Types].xml",
  "_rels/.rels",
];

/** What a rich document's body carries besides the table, counted in document.xml. */
export const BODY_MARKS = [
  "w:footnoteReference",
  "w:commentRangeStart",
  "w:commentReference",
  "w:drawing",
  "w:headerReference",
  "w:footerReference",
  "w:bookmarkStart",
  "w:sectPr",
] as const;

/**
 * A rich .docx: the plan table between a title with a footnote and a note (comment), a picture
 * (the school's logo), a bookmark, a landscape section for the table, a header and a footer with
 * the page number, endnotes, settings, styles, custom XML and document properties.
 */
export async function richDocx(
  paragraphs: readonly string[],
  rows: readonly (readonly RawCell[])[]
): Promise<Uint8Array> {
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  const [first = "", ...rest] = paragraphs;
  const picture =
    `<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="571500" cy="571500"/><wp:docPr id="1" name="Logo"/>` +
    `<a:graphic><a:graphicData uri="${PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="571500" cy="571500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const portrait = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`;
  const body =
    picture +
    `<w:p><w:bookmarkStart w:id="0" w:name="TieuDe"/><w:commentRangeStart w:id="0"/>${run(first)}<w:commentRangeEnd w:id="0"/>` +
    `<w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:bookmarkEnd w:id="0"/></w:p>` +
    rest.map((p) => `<w:p>${run(p)}</w:p>`).join("") +
    `<w:p><w:pPr>${portrait}</w:pPr></w:p>` +
    tableXml(rows) +
    `<w:p>${run("HIỆU TRƯỞNG")}</w:p>` +
    `<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>` +
    `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`;
  const ns = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}" xmlns:a="${A}" xmlns:pic="${PIC}"`;
  const zip = new JSZip();
  const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
  zip.file(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
      `<Override PartName="/word/document.xml" ContentType="${wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${wml}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="${wml}.settings+xml"/>` +
      `<Override PartName="/word/header1.xml" ContentType="${wml}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="${wml}.footer+xml"/>` +
      `<Override PartName="/word/footnotes.xml" ContentType="${wml}.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="${wml}.endnotes+xml"/><Override PartName="/word/comments.xml" ContentType="${wml}.comments+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="${CT}.custom-properties+xml"/></Types>`
  );
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const rels = (...items: string[]) =>
    `${DECL}<Relationships xmlns="${PR}">${items.join("")}</Relationships>`;
  zip.file(
    "_rels/.rels",
    rels(
      rel("rId1", `${R}/officeDocument`, "word/document.xml"),
      rel(
        "rId2",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml"
      ),
      rel("rId3", `${R}/custom-properties`, "docProps/custom.xml")
    )
  );
  zip.file("word/document.xml", `${DECL}<w:document ${ns}><w:body>${body}</w:body></w:document>`);
  zip.file(
    "word/_rels/document.xml.rels",
    rels(
      rel("rIdS", `${R}/styles`, "styles.xml"),
      rel("rIdSet", `${R}/settings`, "settings.xml"),
      rel("rIdH", `${R}/header`, "header1.xml"),
      rel("rIdF", `${R}/footer`, "footer1.xml"),
      rel("rIdFn", `${R}/footnotes`, "footnotes.xml"),
      rel("rIdEn", `${R}/endnotes`, "endnotes.xml"),
      rel("rIdC", `${R}/comments`, "comments.xml"),
      rel("rIdImg", `${R}/image`, "media/image1.png"),
      rel("rIdX", `${R}/customXml`, "../customXml/item1.xml")
    )
  );
  zip.file(
    "word/styles.xml",
    `${DECL}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>` +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style></w:styles>`
  );
  zip.file(
    "word/settings.xml",
    `${DECL}<w:settings xmlns:w="${W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat/></w:settings>`
  );
  zip.file(
    "word/header1.xml",
    `${DECL}<w:hdr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>${run("Kế hoạch cải tiến chất lượng")}</w:p></w:hdr>`
  );
  zip.file(
    "word/footer1.xml",
    `${DECL}<w:ftr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`
  );
  const notes = (kind: "footnote" | "endnote", text: string) =>
    `${DECL}<w:${kind}s xmlns:w="${W}"><w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>` +
    (text
      ? `<w:${kind} w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:${kind}Ref/></w:r>${run(text)}</w:p></w:${kind}>`
      : "") +
    `</w:${kind}s>`;
  zip.file(
    "word/footnotes.xml",
    notes("footnote", "Theo Thông tư 17/2018/TT-BGDĐT, sửa đổi bởi Thông tư 22/2024/TT-BGDĐT.")
  );
  zip.file("word/endnotes.xml", notes("endnote", ""));
  zip.file(
    "word/comments.xml",
    `${DECL}<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Tổ trưởng" w:date="2025-11-20T08:00:00Z" w:initials="TT"><w:p>${run("Ghi rõ năm học.")}</w:p></w:comment></w:comments>`
  );
  zip.file("word/media/image1.png", PNG);
  zip.file(
    "customXml/item1.xml",
    `${DECL}<khct-test xmlns="urn:khct:test"><truong>Trường Tiểu học Thử</truong></khct-test>`
  );
  zip.file(
    "docProps/core.xml",
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Kế hoạch cải tiến chất lượng</dc:title></cp:coreProperties>`
  );
  zip.file(
    "docProps/custom.xml",
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phòng GD"><vt:lpwstr>Quận 1</vt:lpwstr></property></Properties>`
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
