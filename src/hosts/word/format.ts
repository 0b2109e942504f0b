/**
 * Word formatting: reads the look of the body and the tables in one sync; applies a format plan
 * in three (read the structure, read what undo needs, write), whatever the document's length;
 * keeps what it changed so "Hoàn tác" restores it (Word's own undo sees many small steps).
 * Page margins are set by hand where WordApiDesktop 1.3 is missing: the preview says where to click.
 */
import type { FormatPlan } from "../../core/format/planFormat";
import { ND30_PROFILE } from "../../core/format/profile";
import { buildGrid } from "../../core/plan/table";
import { rowNameKey } from "../../core/text/cellText";
import type {
  BatchRunner,
  DocumentTable,
  FormatHost,
  FormatUndo,
  FormatOutcome,
  FormatSnapshot,
} from "../adapter";
import {
  fullBorders,
  gridFractions,
  readTables,
  topLevelTables,
  type OoxmlTable,
} from "../ooxml/tables";
import { normaliseCellText, type XmlParser } from "./planTables";

const BORDERS = ["Top", "Bottom", "Left", "Right", "InsideHorizontal", "InsideVertical"] as const;

const browserParser: XmlParser = (xml) => new DOMParser().parseFromString(xml, "application/xml");

interface RowLook {
  name: string | null;
  size: number | null;
  bold: boolean | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  /**
   * A row whose cells differ reads "Mixed", which Word refuses to write back (InvalidArgument;
   * Word.Alignment): then each cell's own alignment, by its index in the row.
   */
  cells?: { cell: number; horizontal: string; vertical: string }[];
}

/** Alignment values Word reports but does not take (Word.Alignment.mixed / unknown, and the vertical ones). */
const UNWRITABLE = new Set(["Mixed", "Unknown"]);

/** What one applyFormat changed, to put back. */
interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Undo {
  paragraphs: { index: number; name: string | null; size: number | null }[];
  /** Page margins of each section (points), when KHCT set them (WordApiDesktop 1.3). */
  margins: Margins[] | null;
  table: {
    index: number;
    headerRowCount: number;
    rows: RowLook[];
    borders: { location: string; type: string; width: number; color: string }[];
    widths: { row: number; cell: number; width: number }[];
    texts: { row: number; cell: number; before: string; after: string }[];
    /** Each row's first cells right after the format: the rows' looks go back only onto the same rows. */
    labels: string[];
  } | null;
}

const tableIndex = (key: string) => Number(/^table-(\d+)$/.exec(key)?.[1] ?? -1);

export function createWordFormatHost(
  run: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch),
  parse: XmlParser = browserParser,
  options: { pageSetupApi?: boolean } = {}
): FormatHost {
  // One record per format not yet undone, newest last.
  const undos: Undo[] = [];

  const loadLook = (context: Word.RequestContext) => {
    const body = context.document.body;
    const ooxml = body.getOoxml();
    const paragraphs = body.paragraphs.load(
      "items/text,items/tableNestingLevel,items/font/name,items/font/size"
    );
    const tables = body.tables.load(
      "items/nestingLevel,items/rowCount,items/values,items/headerRowCount,items/font/name,items/font/size," +
        "items/rows/items/font/name,items/rows/items/font/size,items/rows/items/font/bold," +
        "items/rows/items/horizontalAlignment,items/rows/items/verticalAlignment"
    );
    // Page margins exist in the API only on recent desktop Word (WordApiDesktop 1.3).
    const sections = options.pageSetupApi
      ? context.document.sections.load(
          "items/pageSetup/topMargin,items/pageSetup/bottomMargin,items/pageSetup/leftMargin,items/pageSetup/rightMargin"
        )
      : null;
    return { ooxml, paragraphs, tables, sections };
  };
  const ptToMm = (pt: number) => Math.round((pt / 72) * 25.4 * 10) / 10;
  const mmToPt = (mm: number) => Math.round((mm / 25.4) * 72 * 10) / 10;
  const marginsOf = (sections: Word.SectionCollection | null): Margins[] =>
    sections
      ? sections.items.map((s) => ({
          top: s.pageSetup.topMargin,
          bottom: s.pageSetup.bottomMargin,
          left: s.pageSetup.leftMargin,
          right: s.pageSetup.rightMargin,
        }))
      : [];

  const outside = (paragraphs: Word.ParagraphCollection) =>
    paragraphs.items.filter((p) => p.tableNestingLevel === 0);

  return {
    readFormat(): Promise<FormatSnapshot> {
      return run(async (context) => {
        const { ooxml, paragraphs, tables, sections } = loadLook(context);
        await context.sync();
        const first = marginsOf(sections)[0];
        // getOoxml() returns a ClientResult, filled by the sync; it has no load().
        const body = parse(ooxml.value);
        const structures = readTables(body);
        // Widths and borders as the document's OOXML has them (what the next format compares with).
        const elements = topLevelTables(body);
        const top = tables.items.filter((t) => t.nestingLevel === 1);
        const documentTables: DocumentTable[] = structures.map((t, i) => ({
          key: `table-${i}`,
          where: `Bảng ${i + 1}`,
          grid: buildGrid(t.rows),
        }));
        const tableFacts: Record<string, FormatSnapshot["tableFacts"][string]> = {};
        top.forEach((t, i) => {
          tableFacts[`table-${i}`] = {
            tableFont: t.font.name || null,
            tablePt: t.font.size || null,
            headerRepeat: t.headerRowCount,
            boldRows: t.rows.items.flatMap((row, r) => (row.font.bold === true ? [r] : [])),
            ...(elements[i]
              ? { widths: gridFractions(elements[i]), borders: fullBorders(elements[i]) }
              : {}),
          };
        });
        return {
          paragraphs: outside(paragraphs).map((p) => ({
            text: p.text,
            font: p.font.name || null,
            size: p.font.size || null,
          })),
          tables: documentTables,
          tableFacts,
          marginsMm: first
            ? {
                top: ptToMm(first.top),
                bottom: ptToMm(first.bottom),
                left: ptToMm(first.left),
                right: ptToMm(first.right),
              }
            : null,
          print: null,
          pageSetupApi: options.pageSetupApi ?? false,
        };
      });
    },

    applyFormat(plan: FormatPlan): Promise<FormatOutcome> {
      return run(async (context) => {
        // 1. The structure now: paragraphs, tables, their OOXML (merged cells) and look.
        const { ooxml, paragraphs, tables, sections } = loadLook(context);
        await context.sync();
        const body = outside(paragraphs);
        const top = tables.items.filter((t) => t.nestingLevel === 1);
        const target = plan.table;
        const index = target ? tableIndex(target.key) : -1;
        const table = target ? top[index] : undefined;
        const structure: OoxmlTable | undefined = target
          ? readTables(parse(ooxml.value))[index]
          : undefined;
        if (target && (!table || !structure)) return { ok: false, reason: "gone" };
        if (target && table && table.rowCount !== target.rowCount)
          return { ok: false, reason: "changed" };

        // 2. What undo needs and the host reports only on request: borders and column widths.
        const plainRow =
          structure?.cellIndex.findIndex(
            (row) => row.length === target?.colCount && row.every((tc, c) => tc === c)
          ) ?? -1;
        const borders = table
          ? BORDERS.map((location) => table.getBorder(location).load("type,width,color"))
          : [];
        // Rows read as "Mixed": each cell's alignment, to put back (covered merge cells have none to read).
        const mixedCells =
          table && structure
            ? table.rows.items.flatMap((row, r) => {
                if (
                  !UNWRITABLE.has(row.horizontalAlignment) &&
                  !UNWRITABLE.has(row.verticalAlignment)
                )
                  return [];
                const grid = buildGrid(structure.rows);
                const indices = [...new Set(structure.cellIndex[r] ?? [])].filter((i) => {
                  const c = structure.cellIndex[r]?.indexOf(i) ?? -1;
                  return grid.cells[r]?.[c]?.origin.row === r;
                });
                return [
                  {
                    row: r,
                    cells: indices.map((i) => ({
                      cell: i,
                      range: table.getCell(r, i).load("horizontalAlignment,verticalAlignment"),
                    })),
                  },
                ];
              })
            : [];
        const widthCells =
          table && plainRow >= 0
            ? Array.from({ length: target?.colCount ?? 0 }, (_, c) =>
                table.getCell(plainRow, c).load("columnWidth")
              )
            : [];
        await context.sync();

        // 3. Write.
        const record: Undo = { paragraphs: [], margins: null, table: null };
        if (sections) {
          // Margins into the decree's ranges, each side only when it is outside.
          record.margins = marginsOf(sections);
          const m = ND30_PROFILE.marginsMm;
          sections.items.forEach((section) => {
            const setup = section.pageSetup;
            const fix = (now: number, range: { min: number; max: number; preferred: number }) =>
              ptToMm(now) < range.min - 0.5 || ptToMm(now) > range.max + 0.5
                ? mmToPt(range.preferred)
                : now;
            setup.topMargin = fix(setup.topMargin, m.top);
            setup.bottomMargin = fix(setup.bottomMargin, m.bottom);
            setup.leftMargin = fix(setup.leftMargin, m.left);
            setup.rightMargin = fix(setup.rightMargin, m.right);
          });
        }
        let written = 0;
        let skipped = 0;
        body.forEach((p, i) => {
          const size = plan.bodySizes.find((s) => s.index === i)?.pt;
          if (p.font.name === plan.font && size === undefined) return;
          record.paragraphs.push({
            index: i,
            name: p.font.name || null,
            size: p.font.size || null,
          });
          p.font.name = plan.font;
          if (size !== undefined) p.font.size = size;
        });
        if (target && table && structure) {
          const rows = table.rows.items;
          record.table = {
            index,
            headerRowCount: table.headerRowCount,
            rows: rows.map((row, r) => ({
              name: row.font.name || null,
              size: row.font.size || null,
              bold: row.font.bold,
              horizontalAlignment: row.horizontalAlignment,
              verticalAlignment: row.verticalAlignment,
              ...(mixedCells.some((m) => m.row === r)
                ? {
                    cells: (mixedCells.find((m) => m.row === r)?.cells ?? []).map((c) => ({
                      cell: c.cell,
                      horizontal: c.range.horizontalAlignment,
                      vertical: c.range.verticalAlignment,
                    })),
                  }
                : {}),
            })),
            borders: borders.map((b, i) => ({
              location: BORDERS[i] as string,
              type: b.type,
              width: b.width,
              color: b.color,
            })),
            widths: widthCells.map((cell, c) => ({
              row: plainRow,
              cell: c,
              width: cell.columnWidth,
            })),
            texts: [],
            labels: [],
          };
          table.font.name = target.font;
          table.font.size = target.pt;
          table.headerRowCount = target.headerRows;
          rows.forEach((row, r) => {
            const header = r < target.headerRows;
            row.verticalAlignment = header ? "Center" : "Top";
            if (header) row.horizontalAlignment = "Centered";
            if (target.boldRows.includes(r)) row.font.bold = true;
          });
          for (const location of BORDERS) {
            const border = table.getBorder(location);
            border.type = "Single";
            border.width = 0.5;
            border.color = "#000000";
          }
          const total = widthCells.reduce((sum, cell) => sum + (cell.columnWidth || 0), 0);
          if (total > 0)
            widthCells.forEach(
              (cell, c) =>
                (cell.columnWidth = Math.round((target.widths[c] ?? 0) * total * 10) / 10)
            );
          const values = table.values.map((row) => row.map(normaliseCellText));
          for (const edit of plan.edits) {
            if (edit.table !== target.key) continue;
            const tc = structure.cellIndex[edit.row]?.[edit.col] ?? -1;
            if (tc < 0 || (values[edit.row]?.[tc] ?? "") !== edit.expected) {
              skipped++;
              continue;
            }
            table.getCell(edit.row, tc).value = edit.text;
            record.table.texts.push({
              row: edit.row,
              cell: tc,
              before: edit.expected,
              after: edit.text,
            });
            written++;
          }
          const after = values.map((row) => [...row]);
          for (const t of record.table.texts) (after[t.row] as string[])[t.cell] = t.after;
          record.table.labels = after.map(rowNameKey);
        }
        await context.sync();
        undos.push(record);
        return { ok: true, written, skipped };
      });
    },

    undoFormat(): Promise<FormatUndo | null> {
      const record = undos[undos.length - 1];
      if (!record) return Promise.resolve(null);
      return run(async (context) => {
        const paragraphs = context.document.body.paragraphs.load("items/tableNestingLevel");
        const sections = record.margins ? context.document.sections.load("items") : null;
        const tables = context.document.body.tables.load(
          "items/nestingLevel,items/values,items/rows/items/font/bold"
        );
        await context.sync();
        const body = outside(paragraphs);
        for (const p of record.paragraphs) {
          const paragraph = body[p.index];
          if (!paragraph) continue;
          if (p.name) paragraph.font.name = p.name;
          if (p.size) paragraph.font.size = p.size;
        }
        sections?.items.forEach((section, i) => {
          const was = record.margins?.[i];
          if (!was) return;
          section.pageSetup.topMargin = was.top;
          section.pageSetup.bottomMargin = was.bottom;
          section.pageSetup.leftMargin = was.left;
          section.pageSetup.rightMargin = was.right;
        });
        const saved = record.table;
        const table = saved
          ? tables.items.filter((t) => t.nestingLevel === 1)[saved.index]
          : undefined;
        const values = table ? table.values.map((row) => row.map(normaliseCellText)) : [];
        // Rows inserted, removed or moved since: their looks would land on other rows; kept.
        const sameRows =
          saved !== null &&
          values.length === saved.labels.length &&
          values.every((row, r) => rowNameKey(row) === saved.labels[r]);
        let tableKept = false;
        if (saved && table && !sameRows) tableKept = true;
        if (saved && table && sameRows) {
          table.headerRowCount = saved.headerRowCount;
          const rows = table.rows.items;
          saved.rows.forEach((look, r) => {
            const row = rows[r];
            if (!row) return;
            if (look.name) row.font.name = look.name;
            if (look.size) row.font.size = look.size;
            if (look.bold !== null) row.font.bold = look.bold;
            // A row's value goes back when Word can take it; a "Mixed" row's cells one by one.
            if (!UNWRITABLE.has(look.horizontalAlignment))
              row.horizontalAlignment = look.horizontalAlignment as Word.Alignment;
            if (!UNWRITABLE.has(look.verticalAlignment))
              row.verticalAlignment = look.verticalAlignment as Word.VerticalAlignment;
            for (const cell of look.cells ?? []) {
              const target = table.getCell(r, cell.cell);
              if (UNWRITABLE.has(look.horizontalAlignment) && !UNWRITABLE.has(cell.horizontal))
                target.horizontalAlignment = cell.horizontal as Word.Alignment;
              if (UNWRITABLE.has(look.verticalAlignment) && !UNWRITABLE.has(cell.vertical))
                target.verticalAlignment = cell.vertical as Word.VerticalAlignment;
            }
          });
          for (const b of saved.borders) {
            const border = table.getBorder(b.location as Word.BorderLocation);
            border.type = b.type as Word.BorderType;
            border.width = b.width;
            border.color = b.color;
          }
          for (const w of saved.widths) table.getCell(w.row, w.cell).columnWidth = w.width;
          // A text is put back only where the cell still holds what KHCT wrote.
          for (const t of saved.texts)
            if ((values[t.row]?.[t.cell] ?? "") === t.after)
              table.getCell(t.row, t.cell).value = t.before;
        }
        await context.sync();
        undos.pop();
        return { tableKept };
      });
    },
  };
}
