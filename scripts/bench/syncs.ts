/**
 * Sync counts of filling a plan (and undoing the fill) through the Word and Excel adapters, measured on the recording fakes of the
 * request model (test/fakes): all criteria of Thông tư 17 (≈ 30 rows) and a 300-row table.
 * The figure must not grow with the number of rows.
 */
import { criteria, frameworkById, type Framework } from "../../src/core/catalogue";
import { recognizeHeader } from "../../src/core/plan/header";
import { locateTables } from "../../src/core/plan/locate";
import { computeFillPatch } from "../../src/core/plan/patch";
import { readPlanTable } from "../../src/core/plan/rows";
import {
  criterionRowTemplate,
  level4RowTemplate,
  type RowTemplate,
} from "../../src/core/plan/templates";
import { parseSchoolYear } from "../../src/core/text/schoolYear";
import {
  createExcelCheckHost,
  createExcelPlanSheet,
  createExcelPlanTableHost,
} from "../../src/hosts/excel/planSheet";
import { createJournal, journaled, type JournaledHosts } from "../../src/hosts/journal";
import { createWordCheckHost } from "../../src/hosts/word/checkHost";
import { createWordFormatHost } from "../../src/hosts/word/format";
import { createExcelFormatHost } from "../../src/hosts/excel/format";
import { formatSession } from "../../src/core/format/session";
import { createWordPlanTables, createWordPlanTableHost } from "../../src/hosts/word/planTables";
import { DOMParser } from "@xmldom/xmldom";
import { createWordChangeWatcher } from "../../src/hosts/changes";
import { createWriteToken } from "../../src/hosts/ownWrites";
import { emitChange } from "../../test/fakes/recording";
import { columnLetters, excelModel, fakeExcelRun, type CellValue } from "../../test/fakes/excel";
import { fakeWordRun, wordModel } from "../../test/fakes/word";
import { STANDARD_HEADER } from "../../test/fixtures/tables";

const HEADER = [...STANDARD_HEADER];

async function excelFillSyncs(
  framework: Framework,
  templates: RowTemplate[],
  bodyRows: number
): Promise<number> {
  const cells: Record<string, CellValue> = {};
  HEADER.forEach((h, c) => (cells[`${columnLetters(c)}1`] = h));
  for (let r = 0; r < bodyRows; r++) cells[`D${r + 2}`] = `Việc đã ghi ${r}`;
  const fake = fakeExcelRun(excelModel({ KH: cells }));
  const sheet = createExcelPlanSheet(fake.run, { mergedAreas: true });
  const snapshot = await sheet.readActiveSheet();
  const [located] = locateTables(snapshot!.grid);
  const patch = computeFillPatch(
    readPlanTable(located!.grid, located!.header, framework),
    templates,
    framework
  );
  const outcome = await sheet.applyPatch(snapshot!, located!, located!.grid, patch);
  if (!outcome.ok) throw new Error(outcome.reason);
  return fake.syncs();
}

async function wordFillSyncs(
  framework: Framework,
  templates: RowTemplate[],
  bodyRows: number
): Promise<number> {
  const model = wordModel(["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]);
  const rows = [{ cells: HEADER.map((text) => ({ text })), header: true }];
  for (let r = 0; r < bodyRows; r++)
    rows.push({
      cells: HEADER.map((_, c) => ({ text: c === 3 ? `Việc đã ghi ${r}` : "" })),
      header: false,
    });
  model.tables.push({ rows });
  const fake = fakeWordRun(model);
  const parse = (xml: string) =>
    new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  const word = createWordPlanTables(fake.run, parse);
  const [snapshot] = await word.readTables();
  const header = recognizeHeader(snapshot!.grid);
  if (!header.ok) throw new Error(header.reason);
  const patch = computeFillPatch(
    readPlanTable(snapshot!.grid, header.match, framework),
    templates,
    framework
  );
  const outcome = await word.applyPatch(snapshot!, patch);
  if (!outcome.ok) throw new Error(outcome.reason);
  return fake.syncs();
}

/** Syncs to read a document for checking (paragraphs and tables), with a `rows`-row plan table. */
async function wordCheckSyncs(rows: number): Promise<number> {
  const model = wordModel([
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
    "I. MỤC ĐÍCH",
  ]);
  model.tables.push({
    rows: [
      { cells: HEADER.map((text) => ({ text })), header: true },
      ...Array.from({ length: rows }, (_, r) => ({
        cells: HEADER.map((_, c) => ({ text: c === 3 ? `Việc ${r}` : "" })),
      })),
    ],
  });
  const fake = fakeWordRun(model);
  await createWordCheckHost(
    fake.run,
    (xml) => new DOMParser().parseFromString(xml, "text/xml") as unknown as Document
  ).readDocument();
  return fake.syncs();
}

async function excelCheckSyncs(rows: number): Promise<number> {
  const cells: Record<string, CellValue> = {
    A1: "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
  };
  HEADER.forEach((h, c) => (cells[`${columnLetters(c)}3`] = h));
  for (let r = 0; r < rows; r++) cells[`D${r + 4}`] = `Việc ${r}`;
  const fake = fakeExcelRun(excelModel({ KH: cells }));
  await createExcelCheckHost(fake.run).readDocument();
  return fake.syncs();
}

/** A 300-row plan: header, MỨC row, standard row, criterion rows with a malformed label to normalise. */
function planRows(rows: number): string[][] {
  const out = [HEADER, ["MỨC 1, 2, 3"], ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"]];
  for (let r = 0; r < rows; r++)
    out.push([
      "",
      `Tiêu chí 1. ${(r % 9) + 1}`,
      "",
      `Việc ${r}`,
      "Tổ trưởng",
      "Năm học 2025 - 2026",
      "Không",
      "",
      "",
    ]);
  return out;
}

/** Syncs to apply the standard format (the read for the preview is counted apart). */
async function wordFormatSyncs(
  framework: Framework,
  rows: number
): Promise<{ read: number; apply: number }> {
  const model = wordModel([
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
    "I. MỤC ĐÍCH",
  ]);
  model.tables.push({
    rows: planRows(rows).map((cells, r) => ({
      cells:
        r === 1
          ? [{ text: cells[0] ?? "", span: 9 }]
          : r === 2
            ? [{ text: cells[0] ?? "" }, { text: cells[1] ?? "", span: 8 }]
            : HEADER.map((_, c) => ({ text: cells[c] ?? "" })),
    })),
  });
  const fake = fakeWordRun(model);
  const host = createWordFormatHost(
    fake.run,
    (xml) => new DOMParser().parseFromString(xml, "text/xml") as unknown as Document
  );
  const session = formatSession(await host.readFormat(), framework, "word");
  const read = fake.syncs();
  const outcome = await host.applyFormat(session.plan);
  if (!outcome.ok) throw new Error(outcome.reason);
  return { read, apply: fake.syncs() - read };
}

async function excelFormatSyncs(
  framework: Framework,
  rows: number
): Promise<{ read: number; apply: number }> {
  const cells: Record<string, CellValue> = {};
  planRows(rows).forEach((row, r) =>
    row.forEach((v, c) => v && (cells[`${columnLetters(c)}${r + 1}`] = v))
  );
  const fake = fakeExcelRun(excelModel({ KH: cells }));
  const host = createExcelFormatHost(fake.run, { mergedAreas: true });
  const session = formatSession(await host.readFormat(), framework, "excel");
  const read = fake.syncs();
  const outcome = await host.applyFormat(session.plan);
  if (!outcome.ok) throw new Error(outcome.reason);
  return { read, apply: fake.syncs() - read };
}

/** Syncs of undoing a fill through KHCT's history (re-read, confirm, write), `bodyRows` rows. */
async function undoSyncs(
  host: "word" | "excel",
  framework: Framework,
  templates: RowTemplate[],
  bodyRows: number
): Promise<number> {
  const parse = (xml: string) =>
    new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  let run: { syncs(): number };
  let hosts: JournaledHosts;
  const journal = createJournal();
  if (host === "word") {
    const model = wordModel(["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]);
    model.tables.push({
      rows: [
        { cells: HEADER.map((text) => ({ text })), header: true },
        ...Array.from({ length: bodyRows }, (_, r) => ({
          cells: HEADER.map((_, c) => ({ text: c === 3 ? `Việc đã ghi ${r}` : "" })),
        })),
      ],
    });
    const fake = fakeWordRun(model);
    run = fake;
    hosts = journaled(
      {
        planHost: createWordPlanTableHost(fake.run, parse),
        checkHost: createWordCheckHost(fake.run, parse),
        formatHost: null,
      },
      journal
    );
  } else {
    const cells: Record<string, CellValue> = {};
    HEADER.forEach((h, c) => (cells[`${columnLetters(c)}1`] = h));
    for (let r = 0; r < bodyRows; r++) cells[`D${r + 2}`] = `Việc đã ghi ${r}`;
    const fake = fakeExcelRun(excelModel({ KH: cells }));
    run = fake;
    hosts = journaled(
      {
        planHost: createExcelPlanTableHost(fake.run, { mergedAreas: true }),
        checkHost: createExcelCheckHost(fake.run, { mergedAreas: true }),
        formatHost: null,
      },
      journal
    );
  }
  const [table] = await hosts.planHost!.readTables();
  const header = recognizeHeader(table!.grid);
  if (!header.ok) throw new Error(header.reason);
  const patch = computeFillPatch(
    readPlanTable(table!.grid, header.match, framework),
    templates,
    framework
  );
  const outcome = await hosts.planHost!.applyPatch(table!, patch);
  if (!outcome.ok) throw new Error(outcome.reason);
  const before = run.syncs();
  const undone = await journal.undoLast();
  if (!undone || undone.refused.length > 0) throw new Error("undo refused");
  return run.syncs() - before;
}

/**
 * A Word fill as the pane makes it, with the change events Word raises for the add-in's own writes
 * (they reach the pane's watcher, which re-reads the document once for a burst it does not know to
 * be KHCT's): the fill's syncs plus the re-read's, with and without the write token.
 */
async function wordFillWithEvents(
  framework: Framework,
  templates: RowTemplate[],
  useToken: boolean
): Promise<number> {
  const model = wordModel(["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]);
  model.tables.push({ rows: [{ cells: HEADER.map((text) => ({ text })), header: true }] });
  const fake = fakeWordRun(model);
  const parse = (xml: string) =>
    new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  const host = createWordPlanTableHost(fake.run, parse);
  const check = createWordCheckHost(fake.run, parse);
  const token = createWriteToken();
  let reReads = 0;
  const stop = await createWordChangeWatcher(fake.run).start((source) => {
    if (source === "Local" && useToken && token.own()) return;
    reReads++;
  });
  const before = fake.syncs();
  const [table] = await host.readTables();
  const header = recognizeHeader(table!.grid);
  if (!header.ok) throw new Error(header.reason);
  const patch = computeFillPatch(
    readPlanTable(table!.grid, header.match, framework),
    templates,
    framework
  );
  const write = () => host.applyPatch(table!, patch);
  const outcome = await (useToken ? token.during(write) : write());
  if (!outcome.ok) throw new Error(outcome.reason);
  // Word's events for the rows the fill wrote (one burst: the pane re-reads once after it).
  await emitChange(model.handlers!, "Local");
  // The pane re-reads once for a burst it does not know to be KHCT's own.
  if (reReads > 0) await check.readDocument();
  const total = fake.syncs() - before;
  await stop();
  return total;
}

export async function run(
  report: (name: string, value: number, unit: string) => void
): Promise<void> {
  const framework = frameworkById("tt17-2018") as Framework;
  const year = parseSchoolYear("2025-2026");
  const all = criteria(framework)
    .map((c) => criterionRowTemplate(framework, c.id, c.maxLevel, 1, year))
    .concat(["1", "2", "3", "4", "5"].map((id) => level4RowTemplate(framework, id, year)))
    .filter((t): t is RowTemplate => t !== null);
  report("check.word.syncs", await wordCheckSyncs(300), "syncs");
  report("check.excel.syncs", await excelCheckSyncs(300), "syncs");
  report("fill.word.syncs.30", await wordFillSyncs(framework, all, 0), "syncs");
  report("fill.word.syncs.300", await wordFillSyncs(framework, all, 300), "syncs");
  report("fill.excel.syncs.30", await excelFillSyncs(framework, all, 0), "syncs");
  report("fill.excel.syncs.300", await excelFillSyncs(framework, all, 300), "syncs");
  const word = await wordFormatSyncs(framework, 300);
  const excel = await excelFormatSyncs(framework, 300);
  for (const host of ["word", "excel"] as const)
    for (const rows of [30, 300])
      report(`undo.${host}.syncs.${rows}`, await undoSyncs(host, framework, all, rows), "syncs");
  report("fill.word.withEvents.before", await wordFillWithEvents(framework, all, false), "syncs");
  report("fill.word.withEvents.after", await wordFillWithEvents(framework, all, true), "syncs");
  report("format.word.syncs", word.apply, "syncs");
  report("format.word.read.syncs", word.read, "syncs");
  report("format.excel.syncs", excel.apply, "syncs");
  report("format.excel.read.syncs", excel.read, "syncs");
}
