/**
 * Formatting a .docx or .xlsx file to a format plan (the same plan the Office adapters apply):
 * WordprocessingML through the DOM (fonts, sizes, the plan table's look, page margins — a file,
 * unlike Word on the web, can have its margins set), SpreadsheetML read through exceljs and
 * written part by part (xlsxPackage.ts). Returns new bytes; the caller keeps the old ones for undo
 * and never writes a partial file.
 */
import JSZip from "jszip";
import { XMLSerializer, type Node as XmlNode } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import {
  LIST_SHEET,
  PROGRESS_COLOURS,
  type FormatPlan,
  type ParagraphLook,
} from "../../core/format/planFormat";
import { ND30_PROFILE, inRange, type FormatProfile } from "../../core/format/profile";
import { buildGrid } from "../../core/plan/table";
import { analyseTables } from "../../core/plan/session";
import { chooseFramework, type Framework } from "../../core/catalogue";
import { detectPlanIdentity } from "../../core/plan/identity";
import { identityTexts } from "../../core/plan/session";
import type { DocumentTable, FormatSnapshot } from "../adapter";
import {
  cellText,
  child,
  children,
  childrenThrough,
  fullBorders,
  gridFractions,
  orientationOf,
  readTable,
  topLevelTables,
  W_NS,
} from "../ooxml/tables";
import { ensureChild as ensure, setCellText, twips, w } from "../ooxml/write";
import { FileReadError, parseXml, partText, readOfficeFile, textOf } from "./read";
import { XlsxPackage } from "./xlsxPackage";

const attr = (el: Element | undefined, name: string) =>
  el ? el.getAttributeNS(W_NS, name) || el.getAttribute(`w:${name}`) || null : null;

const setAttr = (el: Element, name: string, value: string | number) =>
  el.setAttributeNS(W_NS, `w:${name}`, String(value));

async function loadDocx(data: Uint8Array) {
  const zip = await JSZip.loadAsync(data);
  const part = zip.file("word/document.xml");
  if (!part) throw new FileReadError("Không phải tệp Word: thiếu word/document.xml.");
  const doc = parseXml(await partText(part), "word/document.xml");
  const stylesPart = zip.file("word/styles.xml");
  const styles = stylesPart ? parseXml(await partText(stylesPart), "word/styles.xml") : null;
  return { zip, doc, styles };
}

/** The document's default font and size (docDefaults, then the Normal style). */
function defaults(styles: Document | null): { font: string | null; size: number | null } {
  let font: string | null = null;
  let size: number | null = null;
  if (!styles) return { font, size };
  const rPrDefault = styles.getElementsByTagNameNS(W_NS, "rPrDefault")[0];
  const rPr = rPrDefault ? child(rPrDefault, "rPr") : undefined;
  font = attr(child(rPr, "rFonts"), "ascii");
  const sz = attr(child(rPr, "sz"), "val");
  size = sz ? Number(sz) / 2 : null;
  for (const style of Array.from(styles.getElementsByTagNameNS(W_NS, "style"))) {
    if (attr(style, "styleId") !== "Normal") continue;
    const normal = child(style, "rPr");
    font = attr(child(normal, "rFonts"), "ascii") ?? font;
    const nsz = attr(child(normal, "sz"), "val");
    if (nsz) size = Number(nsz) / 2;
  }
  return { font, size: size ?? 10 };
}

/** A paragraph's look: one font and size if all its runs with text agree, else null (mixed). */
function look(p: Element, base: { font: string | null; size: number | null }): ParagraphLook {
  const fonts = new Set<string | null>();
  const sizes = new Set<number | null>();
  for (const r of Array.from(p.getElementsByTagNameNS(W_NS, "r"))) {
    if (!(child(r, "t")?.textContent ?? "").trim()) continue;
    const rPr = child(r, "rPr");
    fonts.add(attr(child(rPr, "rFonts"), "ascii") ?? base.font);
    const sz = attr(child(rPr, "sz"), "val");
    sizes.add(sz ? Number(sz) / 2 : base.size);
  }
  return {
    text: cellText(p),
    font: fonts.size === 1 ? ([...fonts][0] ?? null) : null,
    size: sizes.size === 1 ? ([...sizes][0] ?? null) : null,
  };
}

const outsideTables = (doc: Document) =>
  Array.from(doc.getElementsByTagNameNS(W_NS, "p")).filter((p) => {
    for (let n = p.parentNode; n; n = n.parentNode)
      if (n.nodeType === 1 && (n as Element).localName === "tbl") return false;
    return true;
  });

/** Integer widths in proportion to `fractions` that add up to exactly `total` (no drift run after run). */
export function shareOut(fractions: readonly number[], total: number): number[] {
  const raw = fractions.map((f) => f * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest--;
  }
  return out;
}

const mm = (twip: string | null) => (twip ? Math.round((Number(twip) / 1440) * 25.4 * 10) / 10 : 0);

export async function readDocxFormat(data: Uint8Array): Promise<FormatSnapshot> {
  const { doc, styles } = await loadDocx(data);
  const base = defaults(styles);
  const tables: DocumentTable[] = [];
  const tableFacts: Record<string, FormatSnapshot["tableFacts"][string]> = {};
  topLevelTables(doc).forEach((tbl, i) => {
    const read = readTable(tbl);
    const key = `table-${i}`;
    tables.push({ key, where: `Bảng ${i + 1}`, grid: buildGrid(read.rows) });
    const looks = Array.from(tbl.getElementsByTagNameNS(W_NS, "p"))
      .map((p) => look(p, base))
      .filter((l) => l.text.trim());
    const fonts = new Set(looks.map((l) => l.font));
    const sizes = new Set(looks.map((l) => l.size));
    tableFacts[key] = {
      tableFont: fonts.size === 1 ? ([...fonts][0] ?? null) : null,
      tablePt: sizes.size === 1 ? ([...sizes][0] ?? null) : null,
      headerRepeat: read.headerRows,
      boldRows: childrenThrough(tbl, "tr").flatMap((tr, r) => {
        const runs = Array.from(tr.getElementsByTagNameNS(W_NS, "r")).filter((run) =>
          (child(run, "t")?.textContent ?? "").trim()
        );
        return runs.length > 0 && runs.every((run) => child(child(run, "rPr"), "b")) ? [r] : [];
      }),
      widths: gridFractions(tbl),
      borders: fullBorders(tbl),
      orientation: orientationOf(sectionOf(tbl)),
    };
  });
  const sectPr = doc.getElementsByTagNameNS(W_NS, "sectPr");
  const pgMar = sectPr.length ? child(sectPr[sectPr.length - 1] as Element, "pgMar") : undefined;
  return {
    paragraphs: outsideTables(doc).map((p) => look(p, base)),
    tables,
    tableFacts,
    marginsMm: pgMar
      ? {
          top: mm(attr(pgMar, "top")),
          bottom: mm(attr(pgMar, "bottom")),
          left: mm(attr(pgMar, "left")),
          right: mm(attr(pgMar, "right")),
        }
      : null,
    print: null,
    pageSetupApi: true,
  };
}

function setRunLook(run: Element, look: { font?: string; pt?: number; bold?: boolean }) {
  const rPr = ensure(run, "rPr");
  if (look.font) {
    const fonts = ensure(rPr, "rFonts");
    for (const a of ["ascii", "hAnsi", "cs", "eastAsia"]) setAttr(fonts, a, look.font);
  }
  if (look.bold) ensure(rPr, "b");
  if (look.pt) {
    for (const name of ["sz", "szCs"]) setAttr(ensure(rPr, name), "val", Math.round(look.pt * 2));
  }
}

/** The w:sectPr of the section a body-level element is in: the next paragraph's, else the body's. */
function sectionOf(el: Element): Element | undefined {
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e.localName === "sectPr") return e;
    if (e.localName === "p") {
      const sectPr = child(child(e, "pPr"), "sectPr");
      if (sectPr) return sectPr;
    }
  }
  return undefined;
}

const runsOf = (el: Element) => Array.from(el.getElementsByTagNameNS(W_NS, "r"));

export async function formatDocx(
  data: Uint8Array,
  plan: FormatPlan,
  profile: FormatProfile = ND30_PROFILE
): Promise<{ data: Uint8Array; written: number; skipped: number }> {
  const { zip, doc } = await loadDocx(data);
  // Body text.
  outsideTables(doc).forEach((p, i) => {
    const size = plan.bodySizes.find((s) => s.index === i)?.pt;
    for (const r of runsOf(p)) setRunLook(r, { font: plan.font, ...(size ? { pt: size } : {}) });
  });
  let written = 0;
  let skipped = 0;
  const target = plan.table;
  const index = target ? Number(/^table-(\d+)$/.exec(target.key)?.[1] ?? -1) : -1;
  const tbl = target ? topLevelTables(doc)[index] : undefined;
  if (target && tbl) {
    const read = readTable(tbl);
    const grid = buildGrid(read.rows);
    if (grid.rowCount !== target.rowCount)
      throw new FileReadError("Bảng trong tệp đã khác với lúc xem trước.");
    const tblPr = ensure(tbl, "tblPr");
    // Borders: one fresh set (the schema orders its sides), and cells' own borders give way to it.
    const oldBorders = child(tblPr, "tblBorders");
    if (oldBorders) tblPr.removeChild(oldBorders);
    const bordersEl = ensure(tblPr, "tblBorders");
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) {
      const b = w(doc, side);
      setAttr(b, "val", "single");
      setAttr(b, "sz", 4);
      setAttr(b, "space", 0);
      setAttr(b, "color", "000000");
      bordersEl.appendChild(b);
    }
    for (const tcBorders of Array.from(tbl.getElementsByTagNameNS(W_NS, "tcBorders")))
      tcBorders.parentNode?.removeChild(tcBorders);
    setAttr(ensure(tblPr, "tblLayout"), "type", "fixed");
    // Widths: the table keeps its total width, shared in the profile's proportions.
    const gridEl = ensure(tbl, "tblGrid");
    const cols = children(gridEl, "gridCol");
    // The text width of the table's section (with the margins set below), or the table's own if narrower.
    const pageWidth =
      Number(attr(child(sectionOf(tbl), "pgSz"), "w")) || twips.fromMm(profile.paper.widthMm);
    const textWidth =
      pageWidth -
      twips.fromMm(profile.marginsMm.left.preferred + profile.marginsMm.right.preferred);
    const own = cols.reduce((sum, c) => sum + (Number(attr(c, "w")) || 0), 0);
    const total = own > 0 ? Math.min(own, textWidth) : textWidth;
    const tblW = ensure(tblPr, "tblW");
    setAttr(tblW, "w", total);
    setAttr(tblW, "type", "dxa");
    const widths = shareOut(target.widths, total);
    if (cols.length === widths.length) cols.forEach((c, i) => setAttr(c, "w", widths[i] ?? 0));
    childrenThrough(tbl, "tr").forEach((tr, r) => {
      const header = r < target.headerRows;
      const trPr = ensure(tr, "trPr");
      const repeat = child(trPr, "tblHeader");
      if (header && !repeat) ensure(trPr, "tblHeader");
      if (!header && repeat) trPr.removeChild(repeat);
      let col = 0;
      for (const tc of childrenThrough(tr, "tc")) {
        const tcPr = ensure(tc, "tcPr");
        const span = Number(attr(child(tcPr, "gridSpan"), "val") ?? 1) || 1;
        const tcW = ensure(tcPr, "tcW");
        setAttr(
          tcW,
          "w",
          widths.slice(col, col + span).reduce((a, b) => a + b, 0)
        );
        setAttr(tcW, "type", "dxa");
        setAttr(ensure(tcPr, "vAlign"), "val", header ? "center" : "top");
        for (const p of childrenThrough(tc, "p")) {
          if (header) setAttr(ensure(ensure(p, "pPr"), "jc"), "val", "center");
          for (const run of runsOf(p))
            setRunLook(run, {
              font: target.font,
              pt: target.pt,
              bold: target.boldRows.includes(r),
            });
        }
        col += span;
      }
    });
    const trs = childrenThrough(tbl, "tr");
    for (const edit of plan.edits) {
      if (edit.table !== target.key) continue;
      const tc = childrenThrough(trs[edit.row] as Element, "tc")[
        read.cellIndex[edit.row]?.[edit.col] ?? -1
      ];
      if (!tc || cellText(tc) !== edit.expected) {
        skipped++;
        continue;
      }
      setCellText(tc, edit.text);
      written++;
    }
  }
  // Page margins into the decree's ranges (a file can; Word on the web cannot).
  const m = profile.marginsMm;
  for (const sectPr of Array.from(doc.getElementsByTagNameNS(W_NS, "sectPr"))) {
    const pgMar = ensure(sectPr, "pgMar");
    for (const [side, range] of [
      ["top", m.top],
      ["bottom", m.bottom],
      ["left", m.left],
      ["right", m.right],
    ] as const) {
      const now = mm(attr(pgMar, side));
      if (!inRange(range, now, 0.5)) setAttr(pgMar, side, twips.fromMm(range.preferred));
    }
  }
  zip.file("word/document.xml", new XMLSerializer().serializeToString(doc as unknown as XmlNode));
  return {
    data: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    written,
    skipped,
  };
}

// ---- .xlsx ------------------------------------------------------------------------------------

export async function readXlsxFormat(data: Uint8Array): Promise<FormatSnapshot> {
  const content = await readOfficeFile(data);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const tableFacts: Record<string, FormatSnapshot["tableFacts"][string]> = {};
  let print: FormatSnapshot["print"] = null;
  for (const t of content.tables) {
    const bang = t.key.lastIndexOf("!");
    const sheet = workbook.getWorksheet(t.key.slice(0, bang));
    if (!sheet) continue;
    const top = Number(t.key.slice(bang + 1)) + 1;
    const fonts = new Set<string | null>();
    const sizes = new Set<number | null>();
    for (let r = 0; r < t.grid.rowCount; r++)
      for (let c = 0; c < t.grid.colCount; c++) {
        const font = sheet.getRow(top + r).getCell(c + 1).font;
        fonts.add(font?.name ?? "Calibri");
        sizes.add(font?.size ?? 11);
      }
    const titles = /^\$?(\d+):\$?(\d+)$/.exec(String(sheet.pageSetup.printTitlesRow ?? ""));
    const cell = (r: number, c: number) => sheet.getRow(top + r).getCell(c + 1);
    const columns = Array.from({ length: t.grid.colCount }, (_, c) => c);
    const rows = Array.from({ length: t.grid.rowCount }, (_, r) => r);
    const widthsNow = columns.map((c) => sheet.getColumn(c + 1).width ?? 8.43);
    const widthTotal = widthsNow.reduce((a, b) => a + b, 0);
    const merges = ((sheet.model as unknown as { merges?: string[] }).merges ?? []).map((m) =>
      m.split(":").map((a) => sheet.getCell(a))
    );
    const analysed = analyseTables([t], frameworkFor(content))[0];
    const roles = analysed?.header.ok ? analysed.header.match.columns : {};
    const budget = roles.budget;
    const progress = roles.progress;
    const bodyStart = analysed?.header.ok
      ? analysed.header.match.headerStart + analysed.header.match.headerRows
      : t.grid.rowCount;
    const thin = (b: Partial<ExcelJS.Border> | undefined) => Boolean(b?.style);
    tableFacts[t.key] = {
      tableFont: fonts.size === 1 ? ([...fonts][0] ?? null) : null,
      tablePt: sizes.size === 1 ? ([...sizes][0] ?? null) : null,
      headerRepeat: titles ? Number(titles[2]) - Number(titles[1]) + 1 : 0,
      boldRows: rows.filter((r) => {
        // A merged range's other cells repeat its text but not its look: its first cell says.
        const filled = columns
          .map((c) => cell(r, c))
          .filter((x) => textOf(x) && (!x.isMerged || x.master === x));
        return filled.length > 0 && filled.every((x) => x.font?.bold === true);
      }),
      widths: widthTotal > 0 ? widthsNow.map((w) => w / widthTotal) : null,
      borders: rows.every((r) =>
        columns.every((c) => {
          const b = cell(r, c).border;
          return thin(b?.top) && thin(b?.left) && thin(b?.bottom) && thin(b?.right);
        })
      ),
      mergedRows: merges
        .filter(([a, b]) => a && b && a.row === b.row && b.col > a.col)
        .map(([a]) => Number(a?.row) - top),
      extras: {
        lists: Boolean(workbook.getWorksheet(LIST_SHEET)),
        money:
          budget === undefined ||
          rows
            .slice(bodyStart)
            .every(
              (r) =>
                typeof cell(r, budget).value !== "number" || /₫/.test(cell(r, budget).numFmt ?? "")
            ),
        progress:
          progress === undefined ||
          bodyStart >= t.grid.rowCount ||
          cell(bodyStart, progress).dataValidation?.type === "list",
      },
    };
    print ??= {
      landscape: sheet.pageSetup.orientation === "landscape",
      fitOneWide: sheet.pageSetup.fitToPage === true && sheet.pageSetup.fitToWidth === 1,
      titleRows: Boolean(sheet.pageSetup.printTitlesRow),
      frozenRows:
        ((sheet.views ?? []).find((v) => v.state === "frozen") as { ySplit?: number } | undefined)
          ?.ySplit ?? 0,
    };
  }
  return {
    paragraphs: [],
    tables: content.tables,
    tableFacts,
    marginsMm: null,
    print,
    pageSetupApi: true,
    workbook: true,
  };
}

/**
 * Formats the plan table of a workbook to a format plan, in place: only the table's sheet, the
 * styles, the strings and the workbook (print titles, the hidden list sheet) are rewritten; charts,
 * images and every other part keep their bytes.
 */
export async function formatXlsx(
  data: Uint8Array,
  plan: FormatPlan
): Promise<{ data: Uint8Array; written: number; skipped: number }> {
  const target = plan.table;
  if (!target) return { data, written: 0, skipped: 0 };
  const pkg = await XlsxPackage.open(data);
  const bang = target.key.lastIndexOf("!");
  const sheetName = target.key.slice(0, bang);
  if (!pkg.hasSheet(sheetName))
    throw new FileReadError("Không còn thấy trang tính của bảng kế hoạch.");
  const sheet = await pkg.sheet(sheetName);
  const top = Number(target.key.slice(bang + 1)); // 0-based
  for (let r = 0; r < target.rowCount; r++) {
    const header = r < target.headerRows;
    // Rows grow with their text: a fixed height would clip it once the columns change width.
    sheet.autoHeight(top + r);
    for (let c = 0; c < target.colCount; c++)
      sheet.restyle(top + r, c, {
        font: { name: target.font, size: target.pt, bold: target.boldRows.includes(r) },
        border: true,
        alignment: {
          wrapText: true,
          vertical: header ? "center" : "top",
          ...(header ? { horizontal: "center" } : {}),
        },
      });
  }
  target.widths.forEach((f, c) => sheet.setWidth(c, Math.round(f * 1500) / 10));
  const merged = sheet.merges();
  for (const span of target.spanRows) {
    const r = top + span.row;
    const othersEmpty = Array.from({ length: target.colCount - span.from - 1 }, (_, i) =>
      sheet.text(r, span.from + 1 + i)
    ).every((t) => !t);
    const starts = merged.some((m) => m.top === r && m.left === span.from);
    if (!othersEmpty || starts || target.colCount - span.from < 2) continue;
    sheet.merge({ top: r, bottom: r, left: span.from, right: target.colCount - 1 });
  }
  sheet.freezeRows(top + target.headerRows);
  const inches = (mm: number) => mm / 25.4;
  const margins = ND30_PROFILE.marginsMm;
  sheet.pageSetup({
    left: inches(margins.left.preferred),
    right: inches(margins.right.preferred),
    top: inches(margins.top.preferred),
    bottom: inches(margins.bottom.preferred),
    header: 0.3,
    footer: 0.3,
  });
  await pkg.setPrintTitles(sheetName, top + 1, top + target.headerRows);
  const body = { top: top + target.headerRows, bottom: top + target.rowCount - 1 };
  const budget = target.columns.budget;
  if (budget !== undefined)
    for (let r = body.top; r <= body.bottom; r++)
      if (sheet.isNumber(r, budget)) sheet.restyle(r, budget, { numFmt: '#,##0 "₫"' });
  const progress = target.columns.progress;
  if (progress !== undefined && body.bottom >= body.top) {
    const area = { ...body, left: progress, right: progress };
    sheet.addListValidation(area, `"${target.progressValues.join(",")}"`, true);
    sheet.addTextHighlights(
      area,
      target.progressValues.map((text, i) => ({
        text,
        argb: `FF${(PROGRESS_COLOURS[i] ?? "#FFFFFF").slice(1)}`,
      }))
    );
  }
  // Suggestion lists (criterion labels, people) on a hidden sheet, as in the Excel adapter.
  const listed = (["criterion", "responsible"] as const).filter(
    (role) => target.columns[role] !== undefined && (plan.lists?.[role].length ?? 0) > 0
  );
  if (plan.lists && listed.length > 0 && !pkg.hasSheet(LIST_SHEET)) {
    const lists = plan.lists;
    await pkg.addHiddenSheet(
      LIST_SHEET,
      listed.map((role) => lists[role])
    );
    listed.forEach((role, i) => {
      const letter = String.fromCharCode(65 + i);
      const col = target.columns[role] as number;
      sheet.addListValidation(
        { ...body, left: col, right: col },
        `'${LIST_SHEET}'!$${letter}$1:$${letter}$${lists[role].length}`,
        false
      );
    });
  }
  let written = 0;
  let skipped = 0;
  for (const edit of plan.edits) {
    if (edit.table !== target.key) continue;
    const r = top + edit.row;
    if (sheet.hasFormula(r, edit.col) || sheet.text(r, edit.col) !== edit.expected) {
      skipped++;
      continue;
    }
    sheet.setText(r, edit.col, edit.text);
    written++;
  }
  return { data: await pkg.save(), written, skipped };
}

/** The framework that reads a workbook's tables (roles do not depend on it; the level only names rows). */
function frameworkFor(content: Awaited<ReturnType<typeof readOfficeFile>>): Framework {
  const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
  return chooseFramework({
    level: content.settings?.level ?? identity.level ?? "tieu-hoc",
    citedCirculars: identity.citedCirculars,
    schoolYear: identity.schoolYear,
    override: content.settings?.frameworkId ?? null,
    successorForm: identity.successorForm ?? false,
    byDate: true,
  }).framework;
}
