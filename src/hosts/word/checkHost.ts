/**
 * Word side of the check: the document read once through its OOXML (paragraphs outside tables,
 * and tables with their structure), selection of a finding's place, and fixes written only where
 * the cell still holds what the check saw.
 */
import { buildGrid } from "../../core/plan/table";
import { DISMISS_PREFIX } from "../../core/validation/check";
import { sameRow, sameText } from "../../core/text/cellText";
import {
  editOutcome,
  type BatchRunner,
  type CellEdit,
  type CheckHost,
  type DocumentContent,
  type EditOptions,
  type EditOutcome,
} from "../adapter";
import { readParagraphs, readTables, type OoxmlTable } from "../ooxml/tables";
import { normaliseCellText, type XmlParser } from "./planTables";

const browserParser: XmlParser = (xml) => new DOMParser().parseFromString(xml, "application/xml");

export function createWordCheckHost(
  run: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch),
  parse: XmlParser = browserParser
): CheckHost {
  let paragraphIndex: number[] = [];
  let tables: OoxmlTable[] = [];
  const tableIndex = (key: string) => Number(/^table-(\d+)$/.exec(key)?.[1] ?? -1);
  const cellIndex = (key: string, row: number, col: number) =>
    tables[tableIndex(key)]?.cellIndex[row]?.[col] ?? -1;

  return {
    readDocument(): Promise<DocumentContent> {
      return run(async (context) => {
        const ooxml = context.document.body.getOoxml();
        const properties = context.document.properties.customProperties;
        properties.load("items/key");
        await context.sync();
        const dismissed = properties.items
          .filter((p) => p.key.startsWith(DISMISS_PREFIX))
          .map((p) => p.key.slice(DISMISS_PREFIX.length));
        // getOoxml() returns a ClientResult, filled by the sync; it has no load().
        // eslint-disable-next-line office-addins/load-object-before-read
        const doc = parse(ooxml.value);
        const paragraphs = readParagraphs(doc);
        paragraphIndex = paragraphs.map((p) => p.index);
        tables = readTables(doc);
        return {
          paragraphs: paragraphs.map((p) => p.text),
          tables: tables.map((t, i) => ({
            key: `table-${i}`,
            where: `Bảng ${i + 1}`,
            grid: buildGrid(t.rows),
          })),
          dismissed,
        };
      });
    },

    select(location): Promise<void> {
      return run(async (context) => {
        if (location.table !== undefined && location.row !== undefined) {
          const all = context.document.body.tables;
          all.load("items/nestingLevel");
          await context.sync();
          const table = all.items.filter((t) => t.nestingLevel === 1)[tableIndex(location.table)];
          const index = cellIndex(location.table, location.row, location.column ?? 0);
          if (!table || index < 0) return;
          table.getCell(location.row, index).body.select();
          await context.sync();
          return;
        }
        if (location.paragraph === undefined) return;
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items");
        await context.sync();
        paragraphs.items[paragraphIndex[location.paragraph] ?? -1]?.select();
        await context.sync();
      });
    },

    setDismissed(key, dismissed, note): Promise<void> {
      return run(async (context) => {
        const properties = context.document.properties.customProperties;
        if (dismissed) properties.add(`${DISMISS_PREFIX}${key}`, note.slice(0, 255));
        else properties.getItemOrNullObject(`${DISMISS_PREFIX}${key}`).delete();
        await context.sync();
      });
    },

    attachComments(notes) {
      return run(async (context) => {
        const all = context.document.body.tables;
        all.load("items/nestingLevel");
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items");
        // The same note twice is noise for co-authors: what is already there is skipped.
        const existing = context.document.body.getComments();
        existing.load("items/content");
        await context.sync();
        const there = new Set(existing.items.map((c) => c.content));
        const top = all.items.filter((t) => t.nestingLevel === 1);
        let added = 0;
        for (const note of notes) {
          if (there.has(note.text)) continue;
          const { table: key, row, column, paragraph } = note.location;
          if (key !== undefined && row !== undefined) {
            const table = top[tableIndex(key)];
            const index = cellIndex(key, row, column ?? 0);
            if (!table || index < 0) continue;
            table.getCell(row, index).body.getRange("Whole").insertComment(note.text);
            added++;
          } else if (paragraph !== undefined) {
            const target = paragraphs.items[paragraphIndex[paragraph] ?? -1];
            if (!target) continue;
            target.getRange("Whole").insertComment(note.text);
            added++;
          }
        }
        await context.sync();
        return { added, skipped: notes.length - added };
      });
    },

    applyEdits(edits: readonly CellEdit[], options: EditOptions = {}): Promise<EditOutcome> {
      const removals = options.removals ?? [];
      return run(async (context) => {
        const all = context.document.body.tables;
        all.load(
          removals.length > 0
            ? "items/nestingLevel,items/values,items/rows/items/cellCount"
            : "items/nestingLevel,items/values"
        );
        await context.sync();
        const top = all.items.filter((t) => t.nestingLevel === 1);
        const applied: CellEdit[] = [];
        for (const edit of edits) {
          const table = top[tableIndex(edit.table)];
          const index = cellIndex(edit.table, edit.row, edit.col);
          const now =
            table && index >= 0 ? normaliseCellText(table.values[edit.row]?.[index]) : null;
          if (!table || now === null || !sameText(now, edit.expected)) continue;
          table.getCell(edit.row, index).value = edit.text;
          applied.push(edit);
        }
        let removed = 0;
        for (const removal of removals) {
          const table = top[tableIndex(removal.table)];
          const map = tables[tableIndex(removal.table)]?.cellIndex[removal.row] ?? [];
          const values = table?.values[removal.row] ?? [];
          // The row's texts in grid positions: a merged cell's text at its first position only.
          const now = map.map((index, c) =>
            index < 0 || (c > 0 && map[c - 1] === index) ? "" : normaliseCellText(values[index])
          );
          if (!table || map.length === 0 || !sameRow(now, removal.cells)) continue;
          table.rows.items[removal.row]?.delete();
          removed++;
        }
        await context.sync();
        return editOutcome(edits, applied, removals, removed);
      });
    },
  };
}
