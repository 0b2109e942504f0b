import { DOMParser } from "@xmldom/xmldom";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { recognizeHeader } from "../../../src/core/plan/header";
import { computeFillPatch } from "../../../src/core/plan/patch";
import { readPlanTable } from "../../../src/core/plan/rows";
import { criterionRowTemplate, type RowTemplate } from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import {
  createWordPlanTableHost,
  createWordPlanTables,
  normaliseCellText,
} from "../../../src/hosts/word/planTables";
import { fakeWordRun, wordModel, type WordModel, type WordTableModel } from "../../fakes/word";
import { STANDARD_HEADER } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const HEADER = [...STANDARD_HEADER];
const plain = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });

/** The standard layout as Word keeps it: section and standard rows are merged cells (w:gridSpan). */
function planTable(extraRows = 0): WordTableModel {
  const rows = [
    { cells: HEADER.map((text) => ({ text })), header: true },
    { cells: [{ text: "MỨC 1, 2, 3", span: 9 }] },
    { cells: [{ text: "1" }, { text: "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", span: 8 }] },
    plain("", "Tiêu chí 1.2", "Kết quả của trường", "", "Hiệu trưởng", "", "", "", ""),
    {
      cells: [
        { text: "2" },
        { text: "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên và học sinh", span: 8 },
      ],
    },
    plain(
      "",
      "Tiêu chí 2.2",
      "Giáo viên đạt chuẩn",
      "Cử đi học",
      "Hiệu trưởng",
      "Năm học 2025-2026",
      "",
      "",
      ""
    ),
  ];
  for (let i = 0; i < extraRows; i++) rows.push(plain("", "", "", `Việc ${i}`, "", "", "", "", ""));
  return { rows };
}

async function fill(model: WordModel, ids: string[], between?: (m: WordModel) => void) {
  const fake = fakeWordRun(model);
  const word = createWordPlanTables(fake.run, parse);
  const [snapshot] = await word.readTables();
  if (!snapshot) throw new Error("no table");
  const header = recognizeHeader(snapshot.grid);
  if (!header.ok) throw new Error(header.reason);
  const templates = ids
    .map((id) => criterionRowTemplate(tt17, id, 2, 1, year))
    .filter((t): t is RowTemplate => t !== null);
  const patch = computeFillPatch(readPlanTable(snapshot.grid, header.match, tt17), templates, tt17);
  const readSyncs = fake.syncs();
  between?.(model);
  const outcome = await word.applyPatch(snapshot, patch);
  return { outcome, patch, readSyncs, writeSyncs: fake.syncs() - readSyncs };
}

const labels = (model: WordModel) =>
  model.tables[0]?.rows.map((row) =>
    row.cells.length > 1 ? row.cells[1]?.text : row.cells[0]?.text
  ) ?? [];

describe("Word plan tables", () => {
  it("reads the table's structure from its OOXML in one sync", async () => {
    const model = wordModel(["KẾ HOẠCH"]);
    model.tables.push(planTable());
    const fake = fakeWordRun(model);
    const [snapshot] = await createWordPlanTables(fake.run, parse).readTables();
    expect(fake.syncs()).toBe(1);
    expect(snapshot?.table.headerRows).toBe(1);
    expect(snapshot?.grid.cells[2]?.[5]?.origin).toEqual({ row: 2, col: 1 });
  });

  it("fills in place: empty cells of an existing row, new rows next to plain rows, in 1 + 2 syncs", async () => {
    const model = wordModel();
    model.tables.push(planTable());
    const { outcome, readSyncs, writeSyncs } = await fill(model, ["1.1", "1.2", "1.3", "2.1"]);
    expect(outcome).toMatchObject({ ok: true, inserted: 3 });
    expect([readSyncs, writeSyncs]).toEqual([1, 2]);
    expect(labels(model)).toEqual([
      "Tiêu chuẩn, tiêu chí",
      "MỨC 1, 2, 3",
      "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
      "Tiêu chí 1.1",
      "Tiêu chí 1.2",
      "Tiêu chí 1.3",
      "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên và học sinh",
      "Tiêu chí 2.1",
      "Tiêu chí 2.2",
    ]);
    const row12 = model.tables[0]?.rows[4]?.cells.map((c) => c.text);
    expect(row12?.slice(2, 6)).toEqual([
      "Kết quả của trường",
      "[Ghi công việc, giải pháp cụ thể]",
      "Hiệu trưởng",
      "Trong năm học 2025-2026",
    ]);
  });

  it("needs the same number of syncs for a 300-row table, and filling twice changes nothing", async () => {
    const model = wordModel();
    model.tables.push(planTable(300));
    const first = await fill(model, ["1.1", "1.3", "2.1"]);
    expect([first.readSyncs, first.writeSyncs]).toEqual([1, 2]);
    const before = JSON.stringify(model.tables);
    const second = await fill(model, ["1.1", "1.3", "2.1"]);
    expect(second.patch.ops).toEqual([]);
    expect(JSON.stringify(model.tables)).toBe(before);
  });

  it("refuses when a co-author changed the table, skips a cell filled meanwhile", async () => {
    const changed = wordModel();
    changed.tables.push(planTable());
    const refused = await fill(
      changed,
      ["1.1"],
      (m) => ((m.tables[0]?.rows[3]?.cells[2] as { text: string }).text = "Sửa")
    );
    expect(refused.outcome).toEqual({ ok: false, reason: "changed" });
    expect(labels(changed)).toHaveLength(6);

    const racing = wordModel();
    racing.tables.push(planTable());
    const { outcome } = await fill(
      racing,
      ["1.2"],
      (m) => ((m.tables[0]?.rows[3]?.cells[3] as { text: string }).text = "Giải pháp của cô Hoa")
    );
    expect(outcome.ok && outcome.skipped.map((op) => op.kind === "set" && op.role)).toEqual([
      "solution",
    ]);
    expect(racing.tables[0]?.rows[3]?.cells[3]?.text).toBe("Giải pháp của cô Hoa");
  });

  it("normalises Word's cell text for comparison", () => {
    expect(normaliseCellText("a\rb\r")).toBe("a\nb");
    expect(normaliseCellText(undefined)).toBe("");
  });
});

describe("progress columns on request", () => {
  it("adds two columns at the end of every row, headers in the first, in 2 syncs; the school's texts stay", async () => {
    const model = wordModel();
    // A uniform table (no MỨC or standard rows merged across): what Word's addColumns takes.
    model.tables.push({ rows: planTable().rows.filter((row) => row.cells.length === 9) });
    const before = model.tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
    const fake = fakeWordRun(model);
    const host = createWordPlanTableHost(fake.run, parse);
    const [table] = await host.readTables();
    const syncs = fake.syncs();
    expect(await host.addProgressColumns!(table!)).toEqual({ ok: true });
    expect(fake.syncs() - syncs).toBe(2);
    const after = model.tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
    expect(after.map((r) => r.slice(0, -2))).toEqual(before);
    expect(after[0]!.slice(-2)).toEqual(["Tiến độ thực hiện", "Kết quả thực hiện"]);
    // Read again: the table is the standard layout with its progress column now.
    const [again] = await host.readTables();
    const header = recognizeHeader(again!.grid);
    expect(header.ok && header.match.columns.progress).toBe(9);
  });

  it("a table with merged rows (the standard plan's MỨC and standard rows): refused before Word fails, with how to add them by hand", async () => {
    const model = wordModel();
    model.tables.push(planTable());
    const before = JSON.stringify(model.tables);
    const fake = fakeWordRun(model);
    const host = createWordPlanTableHost(fake.run, parse);
    const [table] = await host.readTables();
    const syncs = fake.syncs();
    expect(await host.addProgressColumns!(table!)).toEqual({ ok: false, reason: "merged" });
    expect(fake.syncs() - syncs).toBe(0);
    expect(JSON.stringify(model.tables)).toBe(before);
  });
});
