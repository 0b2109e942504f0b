/**
 * Excel formatting of the plan range: column widths, wrap, borders, bold centred header, frozen
 * header, section and standard rows bold and merged across (only when their other cells are empty),
 * print setup (A4 landscape, one page wide, header rows on every page), money as VND, a list and
 * colours for the progress column. Read 2 syncs, apply 2, undo 2 — whatever the number of rows.
 * Excel clears its own undo stack after an add-in writes, so KHCT keeps what it changed.
 */
import { LIST_SHEET, PROGRESS_COLOURS, type FormatPlan } from "../../core/format/planFormat";
import type {
  DocumentTable,
  FormatHost,
  FormatOutcome,
  FormatSnapshot,
  FormatUndo,
} from "../adapter";
import { rowNameKey } from "../../core/text/cellText";
import { recognizeHeader } from "../../core/plan/header";
import { columnName } from "./address";
import { asCellText } from "./excelAdapter";

const cellText = (value: unknown) => (value === null || value === undefined ? "" : String(value));
import { createExcelPlanTableHost } from "./planSheet";

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
/** Printable width of a landscape A4 page with the decree's side margins, in points. */
const PAGE_WIDTH_PT = ((297 - 30 - 15) / 25.4) * 72;
const mmToPt = (mm: number) => Math.round((mm / 25.4) * 72 * 10) / 10;
const CELL_PROPERTIES = {
  format: {
    font: { bold: true, name: true, size: true },
    wrapText: true,
    verticalAlignment: true,
    horizontalAlignment: true,
    borders: { style: true, color: true, weight: true },
  },
};

/** How many rows a print-title address repeats ("Sheet1!$3:$4", "$3:$3"). */
function printTitleCount(address: string): number {
  const m = /\$?(\d+):\$?(\d+)$/.exec(address);
  return m ? Number(m[2]) - Number(m[1]) + 1 : 1;
}

/** Rows of the table with a cell merged across to the table's right edge (as read with merged areas). */
function mergedRows(t: DocumentTable): number[] {
  const last = t.grid.colCount - 1;
  return t.grid.cells.flatMap((row, r) =>
    row.some(
      (cell, c) =>
        cell.origin.row === r &&
        cell.origin.col === c &&
        c < last &&
        row[last]?.origin.col === c &&
        row[last]?.origin.row === r
    )
      ? [r]
      : []
  );
}

/** A border drawn (Office reports "None" for no line). */
const drawn = (b: { style?: string } | undefined) => Boolean(b?.style) && b?.style !== "None";

/** The facts of one table's look, from its cell and column properties (ExcelApi 1.9). */
function tableLook(
  l: {
    cells: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
    columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
    money: Excel.Range | null;
    progress: Excel.Range | null;
  },
  lists: boolean
) {
  const cells = l.cells.value;
  const widths = l.columns.value.map((c) => c.format?.columnWidth ?? 0);
  const total = widths.reduce((a, b) => a + b, 0);
  return {
    boldRows: cells.flatMap((row, r) =>
      row.every((c) => c.format?.font?.bold === true) ? [r] : []
    ),
    widths: total > 0 ? widths.map((w) => w / total) : null,
    borders: cells.every((row) =>
      row.every((c) => {
        const b = c.format?.borders;
        return drawn(b?.top) && drawn(b?.bottom) && drawn(b?.left) && drawn(b?.right);
      })
    ),
    extras: {
      lists,
      money:
        !l.money ||
        l.money.values.every(
          (row, r) =>
            typeof row[0] !== "number" || /₫/.test(String(l.money?.numberFormat[r]?.[0] ?? ""))
        ),
      progress: !l.progress || Boolean(l.progress.dataValidation.rule?.list),
    },
  };
}

interface Undo {
  sheet: string;
  address: string;
  cells: unknown;
  columns: unknown;
  columnsAddress: string;
  merged: string[];
  frozen: string | null;
  page: Record<string, unknown>;
  titleRows: string | null;
  money: { address: string; formats: unknown } | null;
  validation: string | null;
  /** Suggestion lists added (criterion, responsible) and the hidden sheet KHCT made for them. */
  validations: string[];
  listSheet: string | null;
  conditional: string | null;
  texts: { address: string; before: string; after: string }[];
  /** Each row's first two cells right after the format: looks go back only onto the same rows. */
  labels: string[];
}

const a1 = (row: number, col: number) => `${columnName(col)}${row + 1}`;

export function createExcelFormatHost(
  run: BatchRunner = (batch) => Excel.run(batch),
  options: { mergedAreas?: boolean } = {}
): FormatHost {
  const tables = createExcelPlanTableHost(run, options);
  let known: DocumentTable[] = [];
  // One record per format not yet undone, newest last.
  const undos: Undo[] = [];
  // The table's first row and column on its sheet: a sheet's used range (what the table was read
  // from) starts at its first used cell, not at A1 ("Worksheet.getUsedRange", Excel JavaScript API).
  const place = (key: string) => {
    const bang = key.lastIndexOf("!");
    const left = known.find((t) => t.key === key)?.left ?? 0;
    return { sheet: key.slice(0, bang), top: Number(key.slice(bang + 1)), left };
  };

  return {
    async readFormat(): Promise<FormatSnapshot> {
      known = await tables.readTables();
      const facts = await run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const frozen = sheet.freezePanes.getLocationOrNullObject();
        frozen.load("rowCount");
        // A navigation property, not a value: nothing to load.
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
        const layout = sheet.pageLayout;
        layout.load("orientation,zoom");
        const titles = layout.getPrintTitleRowsOrNullObject();
        titles.load("address");
        const fonts = known.map((t) => {
          const { top, left } = place(t.key);
          const range = sheet.getRangeByIndexes(top, left, t.grid.rowCount, t.grid.colCount);
          range.format.font.load("name,size");
          return range;
        });
        // What the preview compares with, read in the same sync: bold and borders of every cell,
        // the column widths (ExcelApi 1.9), the money format and progress list of the plan's
        // columns, and whether the suggestion lists' sheet exists.
        const looks = known.map((t) => {
          const { top, left } = place(t.key);
          const range = sheet.getRangeByIndexes(top, left, t.grid.rowCount, t.grid.colCount);
          const header = recognizeHeader(t.grid);
          const body = header.ok
            ? header.match.headerStart + header.match.headerRows
            : t.grid.rowCount;
          const column = (col: number | undefined) =>
            col === undefined || body >= t.grid.rowCount
              ? null
              : sheet.getRangeByIndexes(top + body, left + col, t.grid.rowCount - body, 1);
          const money = column(header.ok ? header.match.columns.budget : undefined);
          money?.load("numberFormat,values");
          const progress = column(header.ok ? header.match.columns.progress : undefined);
          progress?.dataValidation.load("rule");
          return {
            cells: range.getCellProperties({
              format: { font: { bold: true }, borders: { style: true } },
            }),
            columns: range.getColumnProperties({ format: { columnWidth: true } }),
            money,
            progress,
          };
        });
        const listSheet = context.workbook.worksheets.getItemOrNullObject(LIST_SHEET);
        await context.sync();
        return {
          frozenRows: frozen.isNullObject ? 0 : frozen.rowCount,
          landscape: layout.orientation === "Landscape",
          fitOneWide: layout.zoom?.horizontalFitToPages === 1,
          // Rows repeated as print titles ("$3:$4" → 2).
          titleRows: titles.isNullObject ? 0 : printTitleCount(titles.address),
          fonts: fonts.map((r) => ({
            name: r.format.font.name || null,
            size: r.format.font.size || null,
          })),
          looks: looks.map((l) => tableLook(l, !listSheet.isNullObject)),
        };
      });
      const tableFacts: Record<string, FormatSnapshot["tableFacts"][string]> = {};
      known.forEach((t, i) => {
        const look = facts.looks[i];
        tableFacts[t.key] = {
          tableFont: facts.fonts[i]?.name ?? null,
          tablePt: facts.fonts[i]?.size ?? null,
          headerRepeat: facts.titleRows ?? 0,
          boldRows: look?.boldRows ?? null,
          widths: look?.widths ?? null,
          borders: look?.borders ?? null,
          mergedRows: mergedRows(t),
          extras: look?.extras ?? null,
        };
      });
      return {
        paragraphs: [],
        tables: known,
        tableFacts,
        marginsMm: null,
        print: {
          landscape: facts.landscape,
          fitOneWide: facts.fitOneWide,
          titleRows: facts.titleRows > 0,
          frozenRows: facts.frozenRows,
        },
        pageSetupApi: true,
      };
    },

    applyFormat(plan: FormatPlan): Promise<FormatOutcome> {
      const target = plan.table;
      const table = target ? known.find((t) => t.key === target.key) : undefined;
      if (!target || !table) return Promise.resolve({ ok: false, reason: "gone" });
      const { sheet: sheetName, top, left } = place(target.key);
      return run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const range = sheet.getRangeByIndexes(top, left, target.rowCount, target.colCount);
        // Formulas too: a normalisation never replaces a formula by its text.
        range.load("values,formulas,address");
        const cells = range.getCellProperties(CELL_PROPERTIES);
        const columns = range.getColumnProperties({ format: { columnWidth: true } });
        const frozen = sheet.freezePanes.getLocationOrNullObject();
        frozen.load("address");
        // A navigation property, not a value: nothing to load.
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
        const layout = sheet.pageLayout;
        layout.load("orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,bottomMargin");
        const titles = layout.getPrintTitleRowsOrNullObject();
        titles.load("address");
        const budgetCol = target.columns.budget;
        const money =
          budgetCol !== undefined
            ? sheet.getRangeByIndexes(
                top + target.headerRows,
                left + budgetCol,
                target.rowCount - target.headerRows,
                1
              )
            : null;
        money?.load("numberFormat,values,address");
        const progressCol = target.columns.progress;
        const progress =
          progressCol !== undefined
            ? sheet.getRangeByIndexes(
                top + target.headerRows,
                left + progressCol,
                target.rowCount - target.headerRows,
                1
              )
            : null;
        progress?.dataValidation.load("rule");
        // Suggestion lists: on a hidden sheet of their own, read now to know whether it exists.
        const listSheet = context.workbook.worksheets.getItemOrNullObject(LIST_SHEET);
        const listColumns = (["criterion", "responsible"] as const)
          .map((role) => ({ role, col: target.columns[role] }))
          .filter(
            (x): x is { role: "criterion" | "responsible"; col: number } => x.col !== undefined
          )
          .map((x) => {
            const area = sheet.getRangeByIndexes(
              top + target.headerRows,
              left + x.col,
              target.rowCount - target.headerRows,
              1
            );
            area.dataValidation.load("rule");
            area.load("address");
            return { ...x, area };
          });
        const conditionalCount = progress?.conditionalFormats.getCount();
        progress?.load("address");
        await context.sync();

        // The table must still hold what the preview was computed from.
        const values = range.values.map((row) => row.map(cellText));
        for (let r = 0; r < target.rowCount; r++)
          for (let c = 0; c < target.colCount; c++) {
            const cell = table.grid.cells[r]?.[c];
            if (!cell || cell.origin.row !== r || cell.origin.col !== c) continue;
            if ((values[r]?.[c] ?? "") !== cell.text) return { ok: false, reason: "changed" };
          }

        const record: Undo = {
          sheet: sheetName,
          address: range.address,
          // getCellProperties/getColumnProperties return ClientResults, filled by the sync.
          // eslint-disable-next-line office-addins/load-object-before-read
          cells: cells.value,
          // eslint-disable-next-line office-addins/load-object-before-read
          columns: columns.value,
          columnsAddress: range.address,
          merged: [],
          frozen: frozen.isNullObject ? null : frozen.address,
          page: {
            orientation: layout.orientation,
            paperSize: layout.paperSize,
            zoom: layout.zoom,
            leftMargin: layout.leftMargin,
            rightMargin: layout.rightMargin,
            topMargin: layout.topMargin,
            bottomMargin: layout.bottomMargin,
          },
          titleRows: titles.isNullObject ? null : titles.address,
          money: money ? { address: money.address, formats: money.numberFormat } : null,
          validation: null,
          validations: [],
          listSheet: null,
          conditional: null,
          texts: [],
          labels: [],
        };

        // Look of the whole range, then the header and group rows.
        range.format.font.name = target.font;
        range.format.font.size = target.pt;
        range.format.wrapText = true;
        // Rows grow with their wrapped text (a fixed height would clip it once widths change).
        range.format.autofitRows();
        range.format.verticalAlignment = "Top";
        for (const edge of EDGES) {
          const border = range.format.borders.getItem(edge);
          border.style = "Continuous";
          border.color = "#000000";
        }
        const header = sheet.getRangeByIndexes(top, left, target.headerRows, target.colCount);
        header.format.font.bold = true;
        header.format.horizontalAlignment = "Center";
        header.format.verticalAlignment = "Center";
        for (const r of target.boldRows)
          if (r >= target.headerRows)
            sheet.getRangeByIndexes(top + r, left, 1, target.colCount).format.font.bold = true;
        target.widths.forEach((fraction, c) => {
          sheet.getRangeByIndexes(top, left + c, 1, 1).format.columnWidth =
            Math.round(fraction * PAGE_WIDTH_PT * 10) / 10;
        });
        // Section and standard rows merged across — only where the cells to merge are empty.
        for (const span of target.spanRows) {
          const row = table.grid.cells[span.row] ?? [];
          const width = target.colCount - span.from;
          if (width < 2) continue;
          const alreadyMerged = row
            .slice(span.from + 1)
            .every((cell) => cell.origin.col === span.from);
          const othersEmpty = row.slice(span.from + 1).every((cell) => cell.text === "");
          if (alreadyMerged || !othersEmpty) continue;
          const area = sheet.getRangeByIndexes(top + span.row, left + span.from, 1, width);
          area.merge(false);
          record.merged.push(
            `${a1(top + span.row, left + span.from)}:${a1(top + span.row, left + target.colCount - 1)}`
          );
        }
        sheet.freezePanes.freezeRows(top + target.headerRows);
        sheet.pageLayout.orientation = "Landscape";
        sheet.pageLayout.paperSize = "A4";
        sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        sheet.pageLayout.leftMargin = mmToPt(30);
        sheet.pageLayout.rightMargin = mmToPt(15);
        sheet.pageLayout.topMargin = mmToPt(20);
        sheet.pageLayout.bottomMargin = mmToPt(20);
        sheet.pageLayout.setPrintTitleRows(`$${top + 1}:$${top + target.headerRows}`);
        if (money) {
          const formats = money.values.map((row, r) =>
            row.map((v) =>
              typeof v === "number" ? '#,##0 "₫"' : (money.numberFormat[r]?.[0] ?? "General")
            )
          );
          money.numberFormat = formats;
        }
        if (progress) {
          if (!progress.dataValidation.rule?.list) {
            progress.dataValidation.rule = {
              list: { inCellDropDown: true, source: target.progressValues.join(",") },
            };
            record.validation = progress.address;
          }
          if (conditionalCount?.value === 0) {
            for (const [i, value] of target.progressValues.entries()) {
              const format = progress.conditionalFormats.add("ContainsText");
              format.textComparison.format.fill.color = PROGRESS_COLOURS[i] ?? "#FFFFFF";
              format.textComparison.rule = { operator: "Contains", text: value };
            }
            record.conditional = progress.address;
          }
        }
        if (plan.lists && listColumns.length > 0 && target.rowCount > target.headerRows) {
          const lists = plan.lists;
          const made = listSheet.isNullObject;
          const holder = made ? context.workbook.worksheets.add(LIST_SHEET) : listSheet;
          record.listSheet = made ? LIST_SHEET : null;
          listColumns.forEach((x, i) => {
            const items = lists[x.role];
            if (items.length === 0 || x.area.dataValidation.rule?.list) return;
            holder.getRangeByIndexes(0, i, items.length, 1).values = items.map((t) => [
              asCellText(t),
            ]);
            const letter = columnName(i);
            // A suggestion, not a rule: "Tiêu chí 1.2: <tên>" stays acceptable.
            x.area.dataValidation.errorAlert = {
              showAlert: false,
              style: "Information",
              title: "",
              message: "",
            };
            x.area.dataValidation.rule = {
              list: {
                inCellDropDown: true,
                source: `='${LIST_SHEET}'!$${letter}$1:$${letter}$${items.length}`,
              },
            };
            record.validations.push(x.area.address);
          });
          holder.visibility = "Hidden";
        }
        let written = 0;
        let skipped = 0;
        for (const edit of plan.edits) {
          if (edit.table !== target.key) continue;
          const formula = range.formulas[edit.row]?.[edit.col];
          if (
            (values[edit.row]?.[edit.col] ?? "") !== edit.expected ||
            (typeof formula === "string" && formula.startsWith("="))
          ) {
            skipped++;
            continue;
          }
          const address = a1(top + edit.row, left + edit.col);
          sheet.getRange(address).values = [[asCellText(edit.text)]];
          record.texts.push({ address, before: edit.expected, after: edit.text });
          written++;
        }
        const after = values.map((row) => [...row]);
        for (const edit of plan.edits)
          if (edit.table === target.key && after[edit.row]?.[edit.col] === edit.expected)
            (after[edit.row] as string[])[edit.col] = edit.text;
        record.labels = after.map((row) => rowNameKey(row.map(cellText)));
        await context.sync();
        undos.push(record);
        return { ok: true, written, skipped };
      });
    },

    undoFormat(): Promise<FormatUndo | null> {
      const record = undos[undos.length - 1];
      if (!record) return Promise.resolve(null);
      return run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(record.sheet);
        const texts = record.texts.map((t) => sheet.getRange(t.address).load("values"));
        const range = sheet.getRange(record.address.split("!").pop() ?? record.address);
        range.load("values");
        await context.sync();
        // Rows inserted, removed or moved since: the cells' looks and merges would land on other
        // rows, so they are kept; the page, the columns and the lists go back.
        const now = range.values;
        const sameRows =
          now.length === record.labels.length &&
          now.every((row, r) => rowNameKey(row.map(cellText)) === record.labels[r]);
        if (sameRows) {
          for (const area of record.merged) sheet.getRange(area).unmerge();
          range.setCellProperties(record.cells as Excel.SettableCellProperties[][]);
        }
        range.setColumnProperties(record.columns as Excel.SettableColumnProperties[]);
        if (record.frozen)
          sheet.freezePanes.freezeAt(record.frozen.split("!").pop() ?? record.frozen);
        else sheet.freezePanes.unfreeze();
        // eslint-disable-next-line office-addins/load-object-before-read
        Object.assign(sheet.pageLayout, record.page);
        if (record.titleRows)
          sheet.pageLayout.setPrintTitleRows(record.titleRows.split("!").pop() ?? record.titleRows);
        if (record.money)
          sheet.getRange(record.money.address.split("!").pop() ?? "").numberFormat = record.money
            .formats as string[][];
        if (record.validation)
          sheet.getRange(record.validation.split("!").pop() ?? "").dataValidation.clear();
        for (const address of record.validations)
          sheet.getRange(address.split("!").pop() ?? "").dataValidation.clear();
        if (record.listSheet) context.workbook.worksheets.getItem(record.listSheet).delete();
        if (record.conditional)
          sheet.getRange(record.conditional.split("!").pop() ?? "").conditionalFormats.clearAll();
        record.texts.forEach((t, i) => {
          // Put back only where the cell still holds what KHCT wrote, on the same rows.
          if (sameRows && cellText(texts[i]?.values[0]?.[0]) === t.after)
            sheet.getRange(t.address).values = [[asCellText(t.before)]];
        });
        await context.sync();
        undos.pop();
        return { tableKept: !sameRows };
      });
    },
  };
}

type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
