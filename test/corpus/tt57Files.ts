/** Thông tư 57/2026 plans of the corpus (tt57.ts) as .docx and .xlsx files. */
import ExcelJS from "exceljs";
import { docxOfBody, paras, tableXml } from "./files";
import { SECTION_HEADINGS, type Tt57Plan } from "./tt57";

/** The plan as a .docx: each table right after its section's heading (IV, V, VI). */
export async function tt57Docx(plan: Tt57Plan): Promise<Uint8Array> {
  const after = new Map([
    [SECTION_HEADINGS[3], 0],
    [SECTION_HEADINGS[4], 1],
    [SECTION_HEADINGS[5], 2],
  ]);
  const body = plan.paragraphs
    .map((p) => {
      const table = after.get(p);
      const rows = table === undefined ? undefined : plan.tables[table];
      const para = paras(p);
      return rows ? `${para}${tableXml(rows.map((r) => r.map((text) => ({ text }))))}` : para;
    })
    .join("");
  return docxOfBody(body);
}

/** The plan as a one-sheet .xlsx: text lines in column A, each table after its heading, a blank row around it. */
export async function tt57Xlsx(plan: Tt57Plan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kế hoạch");
  let r = 1;
  const after = new Map([
    [SECTION_HEADINGS[3], 0],
    [SECTION_HEADINGS[4], 1],
    [SECTION_HEADINGS[5], 2],
  ]);
  for (const p of plan.paragraphs) {
    sheet.getCell(r++, 1).value = p;
    const table = after.get(p);
    const rows = table === undefined ? undefined : plan.tables[table];
    if (!rows) continue;
    r++;
    for (const row of rows) {
      row.forEach((text, c) => {
        if (text) sheet.getCell(r, c + 1).value = text;
      });
      r++;
    }
    r++;
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
