/**
 * The file adapter's reading side: a .docx or .xlsx file into the same content the Office
 * adapters give the core (paragraphs outside tables, tables as grids). Well-kept libraries do the
 * formats (JSZip, @xmldom/xmldom, exceljs); this file only bounds what they may cost and says, in
 * Vietnamese, why a file cannot be read.
 */
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { LIST_SHEET } from "../../core/format/planFormat";
import { locateTables } from "../../core/plan/locate";
import { parseSettings, SETTINGS_KEY, type PlanSettings } from "../../core/plan/settings";
import { buildGrid, type RawCell } from "../../core/plan/table";
import type { DocumentContent, DocumentTable } from "../adapter";
import { parseAddress } from "../excel/address";
import { readParagraphs, readTables } from "../ooxml/tables";

/** Limits that keep a hostile or broken file from taking the machine with it. */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  partBytes: 64 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
} as const;

/** A file KHCT cannot read; `message` is for the user (Vietnamese, with the reason). */
export class FileReadError extends Error {}

export type FileKind = "docx" | "xlsx";

export interface ReadFile extends DocumentContent {
  readonly kind: FileKind;
  /** KHCT's settings stored in the file (custom document property "KHCT"), when valid. */
  readonly settings: PlanSettings | null;
}

/** KHCT's settings from docProps/custom.xml (what Word's customProperties writes); null when absent or not valid. */
async function readSettings(zip: JSZip): Promise<PlanSettings | null> {
  const part = zip.file("docProps/custom.xml");
  if (!part) return null;
  const xml = await part.async("string");
  if (!xml.includes(`"${SETTINGS_KEY}"`)) return null; // other programs' properties only
  let doc: Document;
  try {
    doc = parseXml(xml, "docProps/custom.xml");
  } catch {
    return null; // a broken property part never stops the reading of the document
  }
  for (const property of Array.from(doc.getElementsByTagName("*"))) {
    if (property.localName !== "property" || property.getAttribute("name") !== SETTINGS_KEY)
      continue;
    return parseSettings((property.textContent ?? "").trim());
  }
  return null;
}

async function openZip(data: Uint8Array): Promise<JSZip> {
  if (data.byteLength > LIMITS.fileBytes) {
    throw new FileReadError(
      `Tệp quá lớn (${Math.round(data.byteLength / 1048576)} MB; KHCT đọc tệp đến ${LIMITS.fileBytes / 1048576} MB).`
    );
  }
  if (data[0] !== 0x50 || data[1] !== 0x4b) {
    const ole = data[0] === 0xd0 && data[1] === 0xcf;
    throw new FileReadError(
      ole
        ? "Tệp được mã hóa (có mật khẩu) hoặc là định dạng Office 97–2003 (.doc/.xls): hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx không mật khẩu."
        : "Không phải tệp Office (.docx hoặc .xlsx)."
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (error) {
    throw new FileReadError(
      `Tệp bị hỏng, không giải nén được (${error instanceof Error ? error.message : String(error)}).`
    );
  }
  // A zip bomb: the sizes the archive declares, checked before anything is inflated.
  let total = 0;
  for (const file of Object.values(zip.files)) {
    const size =
      (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > LIMITS.partBytes)
      throw new FileReadError(
        `Tệp chứa phần “${file.name}” giải nén ra quá lớn (${Math.round(size / 1048576)} MB).`
      );
    total += size;
  }
  if (total > LIMITS.totalBytes)
    throw new FileReadError(`Tệp giải nén ra quá lớn (${Math.round(total / 1048576)} MB).`);
  return zip;
}

function parseXml(xml: string, part: string): Document {
  // OOXML parts never carry a DTD; one here is an entity expansion waiting to happen.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096)))
    throw new FileReadError(`Phần “${part}” có khai báo DTD/ENTITY: KHCT không đọc tệp như vậy.`);
  const errors: string[] = [];
  // No locator: KHCT never reports line numbers, and tracking them costs a sixth of the parse.
  const doc = new DOMParser({
    locator: false,
    onError: (level, message) => {
      if (level !== "warning") errors.push(String(message).split("\n")[0] ?? "");
    },
  }).parseFromString(xml, "text/xml");
  if (errors.length > 0)
    throw new FileReadError(`Phần “${part}” không phải XML hợp lệ (${errors[0]}).`);
  return doc as unknown as Document;
}

async function readDocx(zip: JSZip): Promise<ReadFile> {
  const part = zip.file("word/document.xml");
  if (!part) throw new FileReadError("Không phải tệp Word: thiếu word/document.xml.");
  let doc: Document;
  try {
    doc = parseXml(await part.async("string"), "word/document.xml");
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(
      `Không đọc được nội dung tệp Word (${error instanceof Error ? error.message : String(error)}).`
    );
  }
  const tables = readTables(doc);
  return {
    kind: "docx",
    settings: await readSettings(zip),
    paragraphs: readParagraphs(doc).map((p) => p.text),
    tables: tables.map((t, i) => ({
      key: `table-${i}`,
      where: `Bảng ${i + 1}`,
      grid: buildGrid(t.rows),
    })),
    dismissed: [],
  };
}

async function readXlsx(data: Uint8Array): Promise<ReadFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new FileReadError(
      `Không đọc được tệp Excel (${error instanceof Error ? error.message : String(error)}).`
    );
  }
  const paragraphs: string[] = [];
  const tables: DocumentTable[] = [];
  workbook.eachSheet((sheet) => {
    // KHCT's own hidden sheet of suggestion lists is not part of the plan.
    if (sheet.name === LIST_SHEET) return;
    const rows = Math.min(sheet.rowCount, 5000);
    const cols = Math.min(sheet.columnCount, 64);
    const merges = ((sheet.model as unknown as { merges?: string[] }).merges ?? []).map(
      parseAddress
    );
    const covered = new Set<string>();
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    for (const m of merges) {
      spans.set(`${m.top}:${m.left}`, {
        rowSpan: m.bottom - m.top + 1,
        colSpan: m.right - m.left + 1,
      });
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
    const raw: RawCell[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: RawCell[] = [];
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const text = textOf(sheet.getRow(r + 1).getCell(c + 1));
        const span = spans.get(`${r}:${c}`);
        row.push({ text, ...(span ? span : {}) });
      }
      raw.push(row);
    }
    const grid = buildGrid(raw);
    const located = locateTables(grid);
    const inTable = (r: number) => located.some((t) => r >= t.start && r < t.end);
    grid.cells.forEach((row, r) => {
      if (inTable(r)) return;
      row.forEach((cell, c) => {
        if (cell.origin.row === r && cell.origin.col === c && cell.text.trim())
          paragraphs.push(cell.text);
      });
    });
    for (const t of located)
      tables.push({
        key: `${sheet.name}!${t.start}`,
        where: `Trang tính ${sheet.name}, từ hàng ${t.start + 1}`,
        grid: t.grid,
      });
  });
  return { kind: "xlsx", settings: null, paragraphs, tables, dismissed: [] };
}

/**
 * A cell's text. exceljs's `text` getter throws on some cells that office suites write (the other
 * cells of a merged range whose first cell holds no value): those read as empty.
 */
export function textOf(x: ExcelJS.Cell): string {
  try {
    return x.text ?? "";
  } catch {
    return "";
  }
}

/** Reads a .docx or .xlsx file's content; throws FileReadError with the reason otherwise. */
export async function readOfficeFile(data: Uint8Array): Promise<ReadFile> {
  const zip = await openZip(data);
  if (zip.file("word/document.xml")) return readDocx(zip);
  if (zip.file("xl/workbook.xml")) {
    const file = await readXlsx(data);
    return { ...file, settings: await readSettings(zip) };
  }
  throw new FileReadError(
    "Tệp nén này không phải .docx hay .xlsx (thiếu word/document.xml và xl/workbook.xml)."
  );
}
