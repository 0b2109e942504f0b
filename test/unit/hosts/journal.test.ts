/**
 * KHCT's history of its own operations through the real Word, Excel and file adapters (the Office
 * ones on the recording fakes): undo in reverse order restores exactly, a co-author's change is
 * kept and named, and the number of syncs an undo takes does not grow with the table.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { defaultFramework, frameworkById, type Framework } from "../../../src/core/catalogue";
import { formatSession } from "../../../src/core/format/session";
import { recognizeHeader } from "../../../src/core/plan/header";
import { computeFillPatch } from "../../../src/core/plan/patch";
import { proposeRows } from "../../../src/core/plan/proposal";
import { readPlanTable } from "../../../src/core/plan/rows";
import { analyseTables, resultsFromTables } from "../../../src/core/plan/session";
import { criterionRowTemplate, type RowTemplate } from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import type { DocumentTable } from "../../../src/hosts/adapter";
import { createExcelCheckHost, createExcelPlanTableHost } from "../../../src/hosts/excel/planSheet";
import { openFileDocument } from "../../../src/hosts/file/fileDocument";
import { createJournal, journaled } from "../../../src/hosts/journal";
import { createWordCheckHost } from "../../../src/hosts/word/checkHost";
import { createWordFormatHost } from "../../../src/hosts/word/format";
import { createWordPlanTableHost } from "../../../src/hosts/word/planTables";
import { fakeExcelRun, type CellValue, type ExcelModel } from "../../fakes/excel";
import { excelPlanSheet } from "../../fakes/plans";
import { fakeWordRun, wordModel, type WordModel, type WordTableModel } from "../../fakes/word";
import { STANDARD_HEADER } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const plain = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });
const templates = (ids: string[]) =>
  ids
    .map((id) => criterionRowTemplate(tt17, id, 2, 1, year))
    .filter((t): t is RowTemplate => t !== null);

function patchFor(table: DocumentTable, ids: string[]) {
  const header = recognizeHeader(table.grid);
  if (!header.ok) throw new Error(header.reason);
  return computeFillPatch(readPlanTable(table.grid, header.match, tt17), templates(ids), tt17);
}

// --- Word -----------------------------------------------------------------------------------

function wordTable(extraRows = 0): WordTableModel {
  const rows = [
    { cells: STANDARD_HEADER.map((text) => ({ text })), header: true },
    { cells: [{ text: "1" }, { text: "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", span: 8 }] },
    plain("", "Tiêu chí 1.2", "Kết quả của trường", "", "Hiệu trưởng", "", "", "", ""),
  ];
  for (let i = 0; i < extraRows; i++) rows.push(plain("", "", "", `Việc ${i}`, "", "", "", "", ""));
  return { rows };
}

function wordDocument(extraRows = 0) {
  const model = wordModel(["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]);
  model.tables.push(wordTable(extraRows));
  const fake = fakeWordRun(model);
  const journal = createJournal(() => new Date(2025, 10, 15, 9, 30));
  const hosts = journaled(
    {
      planHost: createWordPlanTableHost(fake.run, parse),
      checkHost: createWordCheckHost(fake.run, parse),
      formatHost: createWordFormatHost(fake.run, parse),
    },
    journal
  );
  return { model, fake, journal, ...hosts };
}

const wordTexts = (model: WordModel) =>
  model.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

async function wordFill(doc: ReturnType<typeof wordDocument>, ids: string[]) {
  const [table] = await doc.planHost!.readTables();
  const outcome = await doc.planHost!.applyPatch(table!, patchFor(table!, ids));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe("KHCT's history in Word", () => {
  it("undoes a fill exactly — rows removed, cells emptied — in 3 syncs whatever the table's size", async () => {
    const syncs: number[] = [];
    for (const extra of [30, 300]) {
      const doc = wordDocument(extra);
      const before = wordTexts(doc.model);
      await wordFill(doc, ["1.1", "1.2", "1.3"]);
      expect(wordTexts(doc.model)).not.toEqual(before);
      expect(doc.journal.entries().map((e) => [e.kind, e.where, e.rows])).toEqual([
        ["fill", "Bảng 1", 2],
      ]);
      const preview = await doc.journal.previewLast();
      expect(preview).toMatchObject({ remove: 2, refused: [], whole: false });
      expect(preview!.restore).toBeGreaterThan(0);
      const at = doc.fake.syncs();
      const outcome = await doc.journal.undoLast();
      syncs.push(doc.fake.syncs() - at);
      expect(outcome).toMatchObject({ removed: 2, refused: [], restored: preview!.restore });
      expect(wordTexts(doc.model)).toEqual(before);
      expect(doc.journal.entries()).toEqual([]);
    }
    expect(syncs).toEqual([3, 3]);
  });

  it("keeps a new row a co-author typed into, and says which; the rest is undone", async () => {
    const doc = wordDocument();
    await wordFill(doc, ["1.1", "1.3"]);
    const row13 = doc.model.tables[0]!.rows.find((r) => r.cells[1]?.text === "Tiêu chí 1.3")!;
    row13.cells[3]!.text = "Cô Lan: mua thêm sách";
    const outcome = await doc.journal.undoLast();
    expect(outcome).toMatchObject({
      removed: 1,
      refused: [{ label: "Tiêu chí 1.3", reason: "changed" }],
    });
    const labels = doc.model.tables[0]!.rows.map((r) => r.cells[1]?.text);
    expect(labels).toContain("Tiêu chí 1.3");
    expect(labels).not.toContain("Tiêu chí 1.1");
  });

  it("undoes in reverse order: a progress update, a fix, then the fill", async () => {
    const doc = wordDocument();
    const before = wordTexts(doc.model);
    await wordFill(doc, ["1.1"]);
    const content = await doc.checkHost!.readDocument();
    const table = content.tables[0]!;
    const r12 = table.grid.cells.findIndex((r) => r[1]?.text === "Tiêu chí 1.2");
    await doc.checkHost!.applyEdits([
      {
        table: table.key,
        row: r12,
        col: 4,
        expected: "Hiệu trưởng",
        text: "Hiệu trưởng, Tổ trưởng",
      },
    ]);
    await doc.checkHost!.applyEdits(
      [{ table: table.key, row: r12, col: 8, expected: "", text: "Đang thực hiện" }],
      { purpose: "progress" }
    );
    expect(doc.journal.entries().map((e) => e.kind)).toEqual(["fill", "fix", "progress"]);
    await doc.journal.undoLast();
    expect(doc.model.tables[0]!.rows[r12]!.cells[8]!.text).toBe("");
    expect(doc.model.tables[0]!.rows[r12]!.cells[4]!.text).toBe("Hiệu trưởng, Tổ trưởng");
    await doc.journal.undoLast();
    await doc.journal.undoLast();
    expect(wordTexts(doc.model)).toEqual(before);
  });

  it("when nothing can be undone, keeps the entry and says why; it can then be forgotten", async () => {
    const doc = wordDocument();
    await wordFill(doc, ["1.1"]);
    doc.model.tables.splice(0, 1); // someone deleted the whole table
    const outcome = await doc.journal.undoLast();
    expect(outcome).toMatchObject({ restored: 0, removed: 0 });
    expect(outcome!.refused).toEqual([{ label: "Tiêu chí 1.1", reason: "missing" }]);
    expect(doc.journal.entries()).toHaveLength(1);
    doc.journal.forgetLast();
    expect(doc.journal.entries()).toEqual([]);
  });

  it("undoes a format after the fill made on top of it was undone", async () => {
    const doc = wordDocument();
    const paragraphs = JSON.stringify(doc.model.paragraphLooks ?? null);
    const session = formatSession(await doc.formatHost!.readFormat(), tt17, "word");
    await doc.formatHost!.applyFormat(session.plan);
    await wordFill(doc, ["1.1"]);
    expect(doc.journal.entries().map((e) => e.kind)).toEqual(["format", "fill"]);
    await doc.journal.undoLast();
    const outcome = await doc.journal.undoLast();
    expect(outcome).toMatchObject({ whole: true, tableKept: false });
    // The rows had no look of their own: they get back what Word reported for them (Calibri 11).
    const now = doc.model.tables[0]!.rows.map((r) => r.look ?? null);
    expect(now.every((l) => l === null || (l.name === "Calibri" && l.bold === false))).toBe(true);
    expect(paragraphs).toBe("null"); // no look of its own before: Word's default is put back
    expect(doc.model.paragraphLooks?.map((l) => l.name)).toEqual(["Calibri"]);
    expect(wordTexts(doc.model)[0]![2]).toEqual(wordTable().rows[2]!.cells.map((c) => c.text));
  });

  it("a format whose table gained rows since keeps the rows' look and says so", async () => {
    const doc = wordDocument();
    const session = formatSession(await doc.formatHost!.readFormat(), tt17, "word");
    await doc.formatHost!.applyFormat(session.plan);
    doc.model.tables[0]!.rows.splice(2, 0, plain("", "Tiêu chí 1.1", "", "", "", "", "", "", ""));
    const outcome = await doc.journal.undoLast();
    expect(outcome).toMatchObject({ whole: true, tableKept: true });
    expect(doc.model.tables[0]!.rows[0]!.look?.bold).toBe(true); // the header's look stays
  });
});

// --- Excel ----------------------------------------------------------------------------------

function workbook(extraRows = 0) {
  const model = excelPlanSheet(extraRows);
  const fake = fakeExcelRun(model);
  const journal = createJournal();
  const hosts = journaled(
    {
      planHost: createExcelPlanTableHost(fake.run, { mergedAreas: true }),
      checkHost: createExcelCheckHost(fake.run, { mergedAreas: true }),
      formatHost: null,
    },
    journal
  );
  return { model, fake, journal, ...hosts };
}

const sheetCells = (model: ExcelModel) => new Map(model.sheets[0]!.cells);

describe("KHCT's history in Excel (which keeps no undo after an add-in writes)", () => {
  it("undoes a fill exactly — cells and merges — in 3 syncs whatever the sheet's size", async () => {
    const syncs: number[] = [];
    for (const extra of [30, 300]) {
      const book = workbook(extra);
      const cells = sheetCells(book.model);
      const merges = [...book.model.merges];
      const [table] = await book.planHost!.readTables();
      const outcome = await book.planHost!.applyPatch(
        table!,
        patchFor(table!, ["1.1", "1.2", "3.6", "4.1"])
      );
      expect(outcome).toMatchObject({ ok: true });
      expect(sheetCells(book.model)).not.toEqual(cells);
      const at = book.fake.syncs();
      const undone = await book.journal.undoLast();
      syncs.push(book.fake.syncs() - at);
      expect(undone).toMatchObject({ refused: [] });
      expect(undone!.removed).toBeGreaterThan(0);
      expect(sheetCells(book.model)).toEqual(cells);
      expect(book.model.merges).toEqual(merges);
    }
    // Read the sheet and KHCT's settings (2), confirm and write (2).
    // One read (the sheet and the dismissed findings together), one confirming read, one write.
    expect(syncs).toEqual([3, 3]);
  });

  it("finds its rows again after a co-author inserted rows above the table, and keeps theirs", async () => {
    const book = workbook();
    const [table] = await book.planHost!.readTables();
    await book.planHost!.applyPatch(table!, patchFor(table!, ["1.1", "3.6"]));
    // A co-author inserts two rows at the top of the sheet: every address moves down.
    const moved = new Map<string, CellValue>();
    for (const [address, value] of book.model.sheets[0]!.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      moved.set(`${m[1]}${Number(m[2]) + 2}`, value);
    }
    moved.set("A1", "Ghi chú của tổ giám sát");
    book.model.sheets[0]!.cells = moved;
    book.model.merges = book.model.merges.map((m) =>
      m.replace(/(\d+)/g, (n) => String(Number(n) + 2))
    );
    const expected = new Map(moved);
    const undone = await book.journal.undoLast();
    expect(undone).toMatchObject({ refused: [] });
    const labels = [...book.model.sheets[0]!.cells.values()].map(String);
    expect(labels).not.toContain("Tiêu chí 3.6");
    expect(labels).not.toContain("Tiêu chí 1.1");
    expect(book.model.sheets[0]!.cells.get("A1")).toBe("Ghi chú của tổ giám sát");
    expect(book.model.sheets[0]!.cells.size).toBeLessThan(expected.size);
  });

  it("undoes a progress update unless the cell changed since, and then refuses cleanly", async () => {
    const book = workbook();
    const content = await book.checkHost!.readDocument();
    const table = content.tables[0]!;
    const r = table.grid.cells.findIndex((row) => row[1]?.text === "Tiêu chí 1.4");
    await book.checkHost!.applyEdits(
      [
        {
          table: table.key,
          row: r,
          col: 8,
          expected: table.grid.cells[r]![8]!.text,
          text: "Đã hoàn thành",
        },
      ],
      { purpose: "progress" }
    );
    const address = `I${r + 3}`;
    expect(book.model.sheets[0]!.cells.get(address)).toBe("Đã hoàn thành");
    book.model.sheets[0]!.cells.set(address, "Đang thực hiện (cô Hoa sửa)");
    const preview = await book.journal.previewLast();
    expect(preview).toMatchObject({ restore: 0, refused: [{ reason: "changed" }] });
    const outcome = await book.journal.undoLast();
    expect(outcome).toMatchObject({ restored: 0 });
    expect(book.model.sheets[0]!.cells.get(address)).toBe("Đang thực hiện (cô Hoa sửa)");
  });
});

// --- A file outside Office -------------------------------------------------------------------

describe("KHCT's history on a file opened outside Office", () => {
  it("undoes a fill and a fix, newest first, back to the original bytes", async () => {
    const bytes = new Uint8Array(
      fs.readFileSync(path.resolve(__dirname, "../../fixtures/files/de-dien-2025-2026.docx"))
    );
    const file = await openFileDocument("de-dien.docx", bytes);
    const journal = createJournal();
    const hosts = journaled(
      { planHost: file.planHost, checkHost: file.checkHost, formatHost: file.formatHost },
      journal,
      file
    );
    const framework = defaultFramework("tieu-hoc");
    const tables = analyseTables(await hosts.planHost!.readTables(), framework);
    const plan = tables.find((t) => t.kind === "plan")!;
    const { proposals } = proposeRows(framework, resultsFromTables(tables).results, {
      target: 2,
      year: null,
    });
    await hosts.planHost!.applyPatch(
      plan,
      computeFillPatch(
        plan.table!,
        proposals.map((p) => p.template),
        framework
      )
    );
    const afterFill = file.current().data;
    const content = await hosts.checkHost!.readDocument();
    const t = content.tables.find((x) => x.key === plan.key)!;
    const row = t.grid.cells.findIndex((r) => r.some((c) => c.text.startsWith("Tiêu chí")));
    const col = t.grid.cells[row]!.findIndex((c) => c.text.startsWith("Tiêu chí"));
    await hosts.checkHost!.applyEdits([
      {
        table: t.key,
        row,
        col,
        expected: t.grid.cells[row]![col]!.text,
        text: "Tiêu chí 1.1 (đã sửa)",
      },
    ]);
    expect(journal.entries().map((e) => e.kind)).toEqual(["fill", "fix"]);
    expect(await journal.previewLast()).toMatchObject({ whole: true });
    await journal.undoLast();
    expect(file.current().data).toBe(afterFill);
    await journal.undoLast();
    expect(file.current()).toEqual({ data: bytes, changed: false });
    expect(journal.entries()).toEqual([]);
  });
});
