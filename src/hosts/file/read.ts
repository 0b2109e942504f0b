/**
 * The file adapter's reading side: a .docx or .xlsx file into the same content the Office
 * adapters give the core (paragraphs outside tables, tables as grids). Well-kept libraries do the
 * formats (JSZip, @xmldom/xmldom, exceljs); this file only bounds what they may cost and says, in
 * Vietnamese, why a file cannot be read.
 */
import { render, say, type Said } from "../../core/messages";
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
import { looksLikeHtml, readHtml } from "./html";

/** Limits that keep a hostile or broken file from taking the machine with it. */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  partBytes: 64 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  /** Rows of a table (a .docx table, a sheet), as in Office mode. */
  tableRows: 5000,
  /** Parts in a package (Word and Excel write tens; a few hundred with many pictures). */
  entries: 10_000,
  /** Elements inside elements (Word's deepest real nesting — tables in tables in content controls — is some tens). */
  xmlDepth: 1000,
} as const;

/**
 * A file KHCT cannot read; `message` is for the user (Vietnamese, with the reason), `texts` the
 * reason in both of the pane's languages where it is said as a message id.
 */
export class FileReadError extends Error {
  /** The reason in each of the pane's languages (where it is said as a message id). */
  readonly texts?: { readonly vi: string; readonly en: string };
  constructor(reason: string | Said) {
    super(typeof reason === "string" ? reason : render(reason, "vi"));
    if (typeof reason !== "string") this.texts = { vi: this.message, en: render(reason, "en") };
  }
}

const n = (value: number) => value.toLocaleString("vi-VN");

export type FileKind = "docx" | "xlsx";

export interface ReadFile extends DocumentContent {
  /** "html": a plan saved as HTML under a .doc/.htm name, read for checking only. */
  readonly kind: FileKind | "html";
  /** KHCT's settings stored in the file (custom document property "KHCT"), when valid. */
  readonly settings: PlanSettings | null;
}

/** KHCT's settings from docProps/custom.xml (what Word's customProperties writes); null when absent or not valid. */
async function readSettings(zip: JSZip): Promise<PlanSettings | null> {
  const part = zip.file("docProps/custom.xml");
  if (!part) return null;
  const xml = await partText(part);
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
      say("file.too-large", {
        mb: Math.round(data.byteLength / 1048576),
        limit: LIMITS.fileBytes / 1048576,
      })
    );
  }
  if (data[0] !== 0x50 || data[1] !== 0x4b) {
    const ole = data[0] === 0xd0 && data[1] === 0xcf;
    throw new FileReadError(say(ole ? "file.ole" : "file.not-office"));
  }
  // Entries counted by their central-directory headers before JSZip builds an object for each.
  const entries = countCentralHeaders(data, LIMITS.entries);
  if (entries > LIMITS.entries)
    throw new FileReadError(say("file.too-many-parts", { limit: n(LIMITS.entries) }));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (error) {
    throw new FileReadError(say("file.zip", { problem: zipProblem(error) }));
  }
  // A zip bomb: every part is inflated once as a stream and counted as it comes, stopping at the
  // limit — the sizes an archive declares can lie (or be misread: zip64 sizes past 4 GiB).
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    total += await inflatedSize(file, Math.min(LIMITS.partBytes, LIMITS.totalBytes - total));
  }
  return zip;
}

/** Central-directory file headers ("PK\\1\\2") in a zip, counted up to just past `limit`. */
function countCentralHeaders(data: Uint8Array, limit: number): number {
  let count = 0;
  for (let i = data.indexOf(0x50); i >= 0 && i < data.length - 3; i = data.indexOf(0x50, i + 1)) {
    if (data[i + 1] === 0x4b && data[i + 2] === 0x01 && data[i + 3] === 0x02 && ++count > limit)
      break;
  }
  return count;
}

/** JSZip's reasons (English, for developers) as what the user is told: what is wrong, what to do. */
function zipProblem(error: unknown): Said {
  const message = error instanceof Error ? error.message : "";
  if (/encrypt/i.test(message)) return say("zip.encrypted");
  if (/multi-?volume|split/i.test(message)) return say("zip.split");
  if (/compression/i.test(message)) return say("zip.compression");
  return say("zip.broken");
}

/** The bytes a part inflates to, counted while inflating; refused past `cap`. */
function inflatedSize(file: JSZip.JSZipObject, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let stopped = false;
    // JSZip's own streaming reader (ZipObject#internalStream, in the library but not its typings).
    const stream = (
      file as unknown as {
        internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
      }
    ).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > cap && !stopped) {
          stopped = true;
          stream.pause();
          reject(
            new FileReadError(
              `Tệp chứa phần “${file.name}” giải nén ra quá lớn (hơn ${Math.round(cap / 1048576)} MB): có thể là tệp nén độc hại.`
            )
          );
        }
      })
      .on("error", (error: Error) => {
        if (stopped) return;
        stopped = true;
        reject(
          new FileReadError(
            /size mismatch/i.test(error.message)
              ? `Tệp bị hỏng: phần “${file.name}” giải nén ra khác kích thước tệp ghi (có thể là tệp nén độc hại).`
              : `Tệp bị hỏng, không giải nén được phần “${file.name}”.`
          )
        );
      })
      .on("end", () => {
        if (!stopped) resolve(size);
      })
      .resume();
  });
}

/**
 * A part's text: UTF-8 (with or without a byte-order mark) or UTF-16 (little- or big-endian, by its
 * byte-order mark), as XML allows.
 */
export async function partText(file: JSZip.JSZipObject): Promise<string> {
  const bytes = await file.async("uint8array");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // The declaration may still name UTF-16 after a transcoding; the text is what counts.
  return new TextDecoder("utf-8")
    .decode(bytes.subarray(start))
    .replace(/^(<\?xml[^>]*?)\sencoding="utf-16"/i, "$1");
}

/**
 * How deeply elements nest in a text, counted over its tags (comments, declarations and CDATA are
 * not elements); stops counting once past `limit`.
 */
export function nestingDepth(xml: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", at + 1)) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) continue;
    if (next === 0x2f /* / */) {
      depth--;
      continue;
    }
    const end = xml.indexOf(">", at);
    if (end < 0) break;
    if (xml.charCodeAt(end - 1) !== 0x2f /* self-closing */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) break;
    }
    at = end;
  }
  return deepest;
}

/** Parses an XML part of a package, refusing any DTD (anywhere in it) and broken XML, in Vietnamese. */
export function parseXml(xml: string, part: string): Document {
  // OOXML parts never carry a DTD; one here is an entity expansion waiting to happen.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new FileReadError(say("file.dtd", { part }));
  // Readers walk the tree recursively: a nesting no office program writes would exhaust the stack.
  if (nestingDepth(xml, LIMITS.xmlDepth) > LIMITS.xmlDepth)
    throw new FileReadError(say("file.deep", { part, depth: LIMITS.xmlDepth, app: "Word/Excel" }));
  const errors: string[] = [];
  // No locator: KHCT never reports line numbers, and tracking them costs a sixth of the parse.
  const doc = new DOMParser({
    locator: false,
    onError: (level, message) => {
      if (level !== "warning") errors.push(String(message).split("\n")[0] ?? "");
    },
  }).parseFromString(xml, "text/xml");
  // xmldom's reasons are English and about characters: the user is told which part and what to do.
  if (errors.length > 0) throw new FileReadError(say("file.bad-xml", { part }));
  return doc as unknown as Document;
}

async function readDocx(zip: JSZip): Promise<ReadFile> {
  const part = zip.file("word/document.xml");
  if (!part) throw new FileReadError(say("file.no-document"));
  let doc: Document;
  try {
    const xml = await partText(part);
    // Rows counted in the text before a DOM is built (a DOM of 50,000 rows takes over a gigabyte).
    const rows = (xml.match(/<w:tr[\s>]/g) ?? []).length;
    // The same bound as in Office (5,000 rows), for all the document's tables together.
    if (rows > LIMITS.tableRows)
      throw new FileReadError(say("file.docx-rows", { rows: n(rows), limit: n(LIMITS.tableRows) }));
    doc = parseXml(xml, "word/document.xml");
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(say("file.docx-unreadable"));
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

/** Cells a merged area or a validated range may cover before exceljs (which visits each) is not given the file. */
const MAX_AREA = { merge: 1_000_000, validation: 20_000_000 } as const;
/** Merged areas per sheet (exceljs checks each new one against all the others). */
const MAX_MERGES = 10_000;
/** The last column of a sheet (XFD). */
const MAX_SHEET_COLUMN = 16384;

const areaOf = (ref: string) => {
  const { top, left, bottom, right } = parseAddress(ref);
  return (Math.abs(bottom - top) + 1) * (Math.abs(right - left) + 1);
};

/**
 * What exceljs would spend unbounded time or memory on, refused with a message before it loads the
 * workbook: a merged area or a data validation over (nearly) a whole sheet, tens of thousands of
 * merges, a column range past the last column of a sheet.
 */
async function checkSheetBounds(zip: JSZip): Promise<void> {
  // exceljs parses every part it models (strings, styles, sheets, drawings) with its own parser:
  // nesting no office program writes is refused first, as for the parts KHCT parses itself.
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/^xl\/.*\.xml$/i.test(file.name)) continue;
    if (nestingDepth(await file.async("string"), LIMITS.xmlDepth) > LIMITS.xmlDepth)
      throw new FileReadError(
        say("file.deep", { part: file.name, depth: LIMITS.xmlDepth, app: "Excel" })
      );
  }
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/^xl\/worksheets\/[^/]+\.xml$/i.test(file.name)) continue;
    const xml = await file.async("string");
    const where = file.name.replace(/^xl\/worksheets\//, "");
    // Rows with a value (a row formatted but empty does not count).
    const rows = xml
      .split(/<row[\s>]/)
      .filter((chunk, i) => i > 0 && /<v>|<is>/.test(chunk.split("</row>")[0] ?? "")).length;
    if (rows > LIMITS.tableRows)
      throw new FileReadError(
        say("file.sheet-rows", { sheet: where, rows: n(rows), limit: n(LIMITS.tableRows) })
      );
    const merges = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1] ?? "");
    if (merges.length > MAX_MERGES)
      throw new FileReadError(
        say("file.merges", { sheet: where, count: merges.length, limit: MAX_MERGES })
      );
    const hugeMerge = merges.find((ref) => areaOf(ref) > MAX_AREA.merge);
    if (hugeMerge)
      throw new FileReadError(say("file.huge-merge", { sheet: where, ref: hugeMerge }));
    for (const m of xml.matchAll(/<col\b[^>]*\bmax="(\d+)"/g))
      if (Number(m[1]) > MAX_SHEET_COLUMN)
        throw new FileReadError(
          say("file.column", { sheet: where, column: m[1] ?? "", last: MAX_SHEET_COLUMN })
        );
    for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
      const area = (m[1] ?? "").split(/\s+/).reduce((n, ref) => n + areaOf(ref), 0);
      if (area > MAX_AREA.validation)
        throw new FileReadError(
          say("file.validation", { sheet: where, ref: (m[1] ?? "").slice(0, 40) })
        );
    }
  }
}

async function readXlsx(data: Uint8Array, zip: JSZip): Promise<ReadFile> {
  await checkSheetBounds(zip);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    // exceljs's reasons are its own internals ("Cannot read properties of undefined").
    throw new FileReadError(say("file.xlsx-unreadable"));
  }
  const paragraphs: string[] = [];
  const tables: DocumentTable[] = [];
  workbook.eachSheet((sheet) => {
    // KHCT's own hidden sheet of suggestion lists is not part of the plan.
    if (sheet.name === LIST_SHEET) return;
    if (sheet.actualRowCount > LIMITS.tableRows)
      throw new FileReadError(
        say("file.sheet-data-rows", {
          sheet: sheet.name,
          rows: n(sheet.actualRowCount),
          limit: n(LIMITS.tableRows),
        })
      );
    const rows = Math.min(sheet.rowCount, LIMITS.tableRows);
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
 * cells of a merged range whose first cell holds no value): those read as empty, as do values of a
 * damaged file that are not text.
 */
export function textOf(x: ExcelJS.Cell): string {
  try {
    // Not always a string: a damaged cell can make exceljs's getter give back a number or an object.
    const text: unknown = x.text;
    if (typeof text === "string") return text;
    return typeof text === "number" || typeof text === "boolean" ? String(text) : "";
  } catch {
    return "";
  }
}

/** Reads a .docx or .xlsx file's content; throws FileReadError with the reason otherwise. */
export async function readOfficeFile(data: Uint8Array): Promise<ReadFile> {
  if (data.byteLength <= LIMITS.fileBytes && data[0] !== 0x50 && looksLikeHtml(data)) {
    const { paragraphs, tables } = readHtml(new TextDecoder("utf-8").decode(data));
    return { kind: "html", settings: null, paragraphs, tables, dismissed: [] };
  }
  const zip = await openZip(data);
  if (zip.file("word/document.xml")) return readDocx(zip);
  if (zip.file("xl/workbook.xml")) {
    const file = await readXlsx(data, zip);
    return { ...file, settings: await readSettings(zip) };
  }
  throw new FileReadError(say("file.not-docx-xlsx"));
}
