/**
 * The in-place .xlsx editor (src/hosts/file/xlsxPackage.ts) on workbooks written the ways other
 * programs write them: no shared-strings part (inline strings), a prefixed namespace, rows and
 * cells without their optional numbers, no sheetViews, column ranges covering several columns.
 * What it writes must be read back the same by exceljs (another reader) and keep the schema's order.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { shiftFormula, XlsxPackage } from "../../../src/hosts/file/xlsxPackage";

const S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A one-sheet workbook; `sheet` is the worksheet's inner XML (default namespace unless `prefix`). */
async function workbook(
  sheet: string,
  options: { prefix?: string; strings?: string[]; styles?: boolean } = {}
): Promise<Uint8Array> {
  const p = options.prefix ? `${options.prefix}:` : "";
  const ns = options.prefix ? `xmlns:${options.prefix}="${S}"` : `xmlns="${S}"`;
  const zip = new JSZip();
  const strings = options.strings;
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}${options.styles === false ? "" : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'}</Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${R}"><${p}sheets><${p}sheet name="KH" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/>${strings ? `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${options.styles === false ? "" : `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>`}</Relationships>`
  );
  if (strings)
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${S}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`
    );
  if (options.styles !== false)
    zip.file(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${S}"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`
    );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${R}">${sheet}</${p}worksheet>`
  );
  return zip.generateAsync({ type: "uint8array" });
}

const sheetXml = async (data: Uint8Array) =>
  (await JSZip.loadAsync(data)).file("xl/worksheets/sheet1.xml")?.async("string") ?? "";

async function excelRead(data: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.getWorksheet("KH") as ExcelJS.Worksheet;
}

/** Child element names of the worksheet root, in order. */
const order = (xml: string) =>
  [...xml.replace(/^[\s\S]*?<(?:\w+:)?worksheet\b[^>]*>/, "").matchAll(/<(?:\w+:)?(\w+)[\s/>]/g)]
    .map((m) => m[1])
    .filter((name, i, all) => name !== all[i - 1]);

describe("XlsxPackage", () => {
  it("reads inline strings and cells without numbers, writes shared strings into a new part", async () => {
    const data = await workbook(
      `<sheetData><row><c t="inlineStr"><is><t>Tiêu chí</t></is></c><c t="inlineStr"><is><r><t>Mục </t></r><r><t>tiêu</t></r></is></c></row><row><c/><c><v>42</v></c></row></sheetData>`
    );
    const pkg = await XlsxPackage.open(data);
    const sheet = await pkg.sheet("KH");
    expect([sheet.text(0, 0), sheet.text(0, 1), sheet.text(1, 1), sheet.text(1, 0)]).toEqual([
      "Tiêu chí",
      "Mục tiêu",
      "42",
      "",
    ]);
    sheet.setText(1, 0, "Tiêu chí 1.1");
    sheet.setText(2, 2, "mới\nhai dòng");
    const out = await pkg.save();
    const zip = await JSZip.loadAsync(out);
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    expect(await zip.file("[Content_Types].xml")?.async("string")).toMatch(/sharedStrings\+xml/);
    expect(await zip.file("xl/_rels/workbook.xml.rels")?.async("string")).toMatch(/sharedStrings/);
    const ws = await excelRead(out);
    expect([
      ws.getCell("A1").text,
      ws.getCell("A2").text,
      ws.getCell("C3").text,
      ws.getCell("B2").value,
    ]).toEqual(["Tiêu chí", "Tiêu chí 1.1", "mới\nhai dòng", 42]);
  });

  it.each([["x"], [""]])(
    "keeps the namespace prefix (%j) and the schema order when adding views, merges and setup",
    async (prefix) => {
      const p = prefix ? `${prefix}:` : "";
      const data = await workbook(
        `<${p}sheetData><${p}row r="2"><${p}c r="B2" t="s"><${p}v>0</${p}v></${p}c></${p}row></${p}sheetData><${p}pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/>`,
        { prefix, strings: ["Kế hoạch"] }
      );
      const pkg = await XlsxPackage.open(data);
      const sheet = await pkg.sheet("KH");
      sheet.freezeRows(2);
      sheet.merge({ top: 1, left: 1, bottom: 1, right: 4 });
      sheet.setWidth(3, 20);
      sheet.pageSetup({ left: 0.8, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 });
      sheet.addListValidation({ top: 2, left: 0, bottom: 5, right: 0 }, '"Có,Không"', true);
      sheet.restyle(1, 1, {
        font: { name: "Times New Roman", size: 13, bold: true },
        border: true,
      });
      const out = await pkg.save();
      const xml = await sheetXml(out);
      if (prefix) expect(xml).not.toMatch(/<(?!x:|\/x:|\?xml)[a-zA-Z]/); // every element prefixed
      expect(order(xml)).toEqual([
        "sheetPr",
        "pageSetUpPr",
        "sheetViews",
        "sheetView",
        "pane",
        "selection",
        "cols",
        "col",
        "sheetData",
        "row",
        "c",
        "v",
        "mergeCells",
        "mergeCell",
        "dataValidations",
        "dataValidation",
        "formula1",
        "pageMargins",
        "pageSetup",
      ]);
      if (prefix) return; // exceljs reads only unprefixed SpreadsheetML
      const ws = await excelRead(out);
      expect(ws.getCell("B2").font).toMatchObject({
        name: "Times New Roman",
        size: 13,
        bold: true,
      });
      expect(ws.getCell("B2").border?.left?.style).toBe("thin");
      expect(ws.getCell("E2").isMerged).toBe(true);
      expect(ws.getColumn(4).width).toBe(20);
      expect(ws.getCell("A4").dataValidation?.type).toBe("list");
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(ws.pageSetup).toMatchObject({
        orientation: "landscape",
        fitToWidth: 1,
        fitToPage: true,
      });
    }
  );

  it("splits a column range around the column it sizes", async () => {
    const data = await workbook(
      `<cols><col min="1" max="6" width="12" style="0" customWidth="1"/></cols><sheetData/>`
    );
    const pkg = await XlsxPackage.open(data);
    (await pkg.sheet("KH")).setWidth(2, 30);
    const xml = await sheetXml(await pkg.save());
    expect(
      [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map((m) =>
        m.slice(1).join("-")
      )
    ).toEqual(["1-2-12", "3-3-30", "4-6-12"]);
  });

  it("derives formats without growing the styles on a second pass, and drops a theme font's scheme", async () => {
    const data = await workbook(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);
    const once = await (async () => {
      const pkg = await XlsxPackage.open(data);
      (await pkg.sheet("KH")).restyle(0, 0, {
        font: { name: "Times New Roman" },
        alignment: { wrapText: true },
      });
      return pkg.save();
    })();
    const styles = async (d: Uint8Array) =>
      (await JSZip.loadAsync(d)).file("xl/styles.xml")?.async("string");
    expect(await styles(once)).toMatch(
      /<font><sz val="11"\/><color theme="1"\/><family val="2"\/><name val="Times New Roman"\/><\/font>|<font>(?:(?!scheme)[^])*Times New Roman(?:(?!scheme)[^])*<\/font>/
    );
    const pkg = await XlsxPackage.open(once);
    (await pkg.sheet("KH")).restyle(0, 0, {
      font: { name: "Times New Roman" },
      alignment: { wrapText: true },
    });
    const twice = await pkg.save();
    expect(await styles(twice)).toBe(await styles(once));
  });

  it("inserts rows: cells, merges, validations and conditional formats below move; a merge across the place grows", async () => {
    const data = await workbook(
      `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="5"><c r="A5"><v>5</v></c></row></sheetData>` +
        `<mergeCells count="2"><mergeCell ref="B2:B4"/><mergeCell ref="A5:C5"/></mergeCells>` +
        `<conditionalFormatting sqref="D3:D6"><cfRule type="expression" priority="1" dxfId="0"><formula>$D3="x"</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="1"><dataValidation type="list" sqref="E1 E5:E6"><formula1>$H$1:$H$2</formula1></dataValidation></dataValidations>`
    );
    const pkg = await XlsxPackage.open(data);
    const sheet = await pkg.sheet("KH");
    await sheet.insertRows(2, 2); // before row 3
    const xml = await sheetXml(await pkg.save());
    expect([...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(["A1", "A5", "A7"]);
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "B2:B6",
      "A7:C7",
    ]);
    expect(xml).toMatch(/sqref="D5:D8"/);
    expect(xml).toMatch(/<formula>\$D5="x"<\/formula>/);
    expect(xml).toMatch(/sqref="E1 E7:E8"/);
    expect(xml).toMatch(/<formula1>\$H\$1:\$H\$2<\/formula1>/); // above the place: unchanged
  });

  it("refuses a sheet that is not there, in Vietnamese", async () => {
    const pkg = await XlsxPackage.open(await workbook(`<sheetData/>`));
    await expect(pkg.sheet("Khác")).rejects.toThrow("Không tìm thấy trang tính “Khác”");
  });
});

describe("shiftFormula", () => {
  it("moves references at or below the place, leaves strings, other sheets and names alone", () => {
    expect(shiftFormula('SUM(A1:A10)+B12*2&"A12"', 5, 3, null)).toBe('SUM(A1:A13)+B15*2&"A12"');
    expect(shiftFormula("'Kế hoạch'!$A$1:$I$40", 5, 3, "Kế hoạch")).toBe("'Kế hoạch'!$A$1:$I$43");
    expect(shiftFormula("KH!$5:$6,KH!$A:$B", 5, 1, "KH")).toBe("KH!$6:$7,KH!$A:$B");
    expect(shiftFormula("'Theo dõi'!B7+A7", 5, 1, "Kế hoạch")).toBe("'Theo dõi'!B7+A7");
    expect(shiftFormula("LOG10(A9)+ABC5", 5, 1, null)).toBe("LOG10(A10)+ABC6");
  });
});
