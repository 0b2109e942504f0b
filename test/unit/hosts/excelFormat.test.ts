import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { formatSession } from "../../../src/core/format/session";
import { layoutById } from "../../../src/core/plan/layouts";
import { createExcelFormatHost } from "../../../src/hosts/excel/format";
import {
  columnLetters,
  excelModel,
  fakeExcelRun,
  type CellValue,
  type ExcelModel,
} from "../../fakes/excel";
import { STANDARD_HEADER } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
const PROGRESS_HEADER = layoutById("progress").columns.map((c) => c.header);

/** A title in A1, the plan table from row 3: header, MỨC row, standard row, criterion rows. */
function standardSheet(extra: number): ExcelModel {
  const rows: CellValue[][] = [
    [...STANDARD_HEADER],
    ["MỨC 1, 2, 3"],
    ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"],
    [
      "",
      "Tiêu chí 1. 2",
      "Hội đồng trường hoạt động  hiệu quả",
      "Họp định kỳ",
      "Hiệu trưởng",
      "Năm học 2025 - 2026",
      5000000,
      "",
      "",
    ],
  ];
  for (let i = 0; i < extra; i++)
    rows.push([
      "",
      `Tiêu chí 1.${(i % 8) + 3}`,
      "",
      `Việc ${i}`,
      "Tổ trưởng",
      "Trong năm học 2025-2026",
      "Không",
      "",
      "",
    ]);
  const cells: Record<string, CellValue> = {
    A1: "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
  };
  rows.forEach((row, r) =>
    row.forEach((v, c) => v !== "" && (cells[`${columnLetters(c)}${r + 3}`] = v))
  );
  return excelModel({ KH: cells });
}

function progressSheet(): ExcelModel {
  const rows: CellValue[][] = [
    PROGRESS_HEADER,
    [
      "1",
      "Tiêu chí 1.2",
      "1",
      "Họp hội đồng trường",
      "Tháng 9/2025",
      "Hiệu trưởng",
      "Đang thực hiện",
      "",
      "",
    ],
    ["", "", "2", "Rà soát quy chế", "Tháng 10/2025", "Phó hiệu trưởng", "Chưa thực hiện", "", ""],
  ];
  const cells: Record<string, CellValue> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => v !== "" && (cells[`${columnLetters(c)}${r + 1}`] = v))
  );
  return excelModel({ TD: cells });
}

async function format(model: ExcelModel) {
  const fake = fakeExcelRun(model);
  const host = createExcelFormatHost(fake.run, { mergedAreas: true });
  const snapshot = await host.readFormat();
  const readSyncs = fake.syncs();
  const session = formatSession(snapshot, tt17, "excel");
  const before = fake.syncs();
  const outcome = await host.applyFormat(session.plan);
  return { host, session, outcome, readSyncs, applySyncs: fake.syncs() - before };
}

const values = (model: ExcelModel) => new Map(model.sheets[0]!.cells);

describe("Excel formatting of the plan range", () => {
  it("formats a plan that starts at C5 (columns A–B empty): the used range starts at its first used cell, not at A1", async () => {
    const plain = standardSheet(2);
    const cells: Record<string, CellValue> = {};
    // The same sheet moved two columns right and two rows down: the title at C3, the table from C5.
    for (const [address, value] of plain.sheets[0]!.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      cells[`${columnLetters(col + 2)}${Number(m[2]) + 2}`] = value;
    }
    const model = excelModel({ KH: cells });
    const { outcome, session } = await format(model);
    expect(outcome).toMatchObject({ ok: true });
    expect(session.changes.map((c) => c.id)).toEqual(
      expect.arrayContaining(["bold-rows", "merge", "money"])
    );
    const props = (a: string) => model.props?.get(`KH!${a}`) ?? {};
    expect(props("C5")["format/font/bold"]).toBe(true); // the header's first cell
    expect(props("A5")["format/font/bold"]).toBeUndefined(); // nothing written left of the table
    // The budget column is G of the table read from A1, I here: the money format lands there.
    expect(model.numberFormats?.get("KH!I8")).toBe('#,##0 "₫"');
    expect(model.numberFormats?.get("KH!G8")).toBeUndefined();
    expect(model.merges).toEqual(["KH!C6:K6", "KH!D7:K7"]);
    // The texts it normalises are the table's own cells ("Tiêu chí 1. 2" in D8).
    expect(model.sheets[0]!.cells.get("D8")).toBe("Tiêu chí 1.2");
  });

  it.each([
    ["a standard plan", () => standardSheet(10)],
    ["a progress plan", () => progressSheet()],
  ])("settles on %s: formatting it again finds nothing to change", async (_name, sheet) => {
    const model = sheet();
    const first = await format(model);
    expect(first.session.changes.length).toBeGreaterThan(0);
    const again = await format(model);
    // Bold rows, borders, widths, merges, title rows, money, lists, progress: read back, all in place.
    expect(again.session.changes.map((c) => c.label)).toEqual([]);
    expect(again.readSyncs).toBe(2);
    // Rows grow with their text.
    expect(
      model.props?.get("KH!D4")?.["format/rowsAutofit"] ??
        model.props?.get("TD!D2")?.["format/rowsAutofit"]
    ).toBe(true);
  });

  it("applies the look, print setup and money format in two syncs, changing only the listed texts", async () => {
    const model = standardSheet(0);
    const original = values(model);
    const { session, outcome, readSyncs, applySyncs } = await format(model);
    expect(readSyncs).toBe(2);
    expect(applySyncs).toBe(2);
    expect(session.changes.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "table-font",
        "bold-rows",
        "merge",
        "freeze",
        "print",
        "money",
        "normalize-label",
      ])
    );
    expect(session.changes.some((c) => c.id === "body-font")).toBe(false);
    expect(outcome).toEqual({ ok: true, written: 3, skipped: 0 });

    const props = (a: string) => model.props?.get(`KH!${a}`) ?? {};
    expect(props("A3")["format/font/bold"]).toBe(true);
    expect(props("A3")["format/horizontalAlignment"]).toBe("Center");
    expect(props("B4")["format/font/bold"]).toBe(true); // MỨC row
    expect(props("B6")["format/font/bold"]).toBeUndefined(); // criterion row
    expect(props("I6")["format/font/name"]).toBe("Times New Roman");
    expect(props("E6")["format/borders/InsideVertical/style"]).toBe("Continuous");
    expect(model.merges).toEqual(["KH!A4:I4", "KH!B5:I5"]);
    expect(model.frozenRows?.get("KH")).toBe(3);
    expect(model.printTitles?.get("KH")).toBe("$3:$3");
    expect(model.pageLayout?.get("KH")).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(model.numberFormats?.get("KH!G6")).toBe('#,##0 "₫"');
    // Suggestion lists on a hidden sheet: the circular's criterion labels, the people the plan names.
    const lists = model.sheets.find((s) => s.name === "KHCT_DanhSach")!;
    expect(model.hidden?.has("KHCT_DanhSach")).toBe(true);
    expect(lists.cells.get("A1")).toBe("Tiêu chí 1.1");
    expect(lists.cells.get("A27")).toBe("Tiêu chí 5.5");
    expect(lists.cells.get("B1")).toBe("Hiệu trưởng");
    expect(model.validations?.get("KH!B4:B6")).toEqual({
      list: { inCellDropDown: true, source: "='KHCT_DanhSach'!$A$1:$A$27" },
    });
    expect(model.validationAlerts?.get("KH!B4:B6")).toBe(false); // a suggestion, not a rule
    const widths = [...Array(9).keys()].map(
      (c) => model.columnWidths?.get(`KH!${columnLetters(c)}`) ?? 0
    );
    expect(widths[0]).toBeLessThan(widths[2]!);
    // Texts: only the three normalisations.
    const now = values(model);
    const changed = [...now].filter(([k, v]) => original.get(k) !== v);
    expect(changed).toEqual([
      ["B6", "Tiêu chí 1.2"],
      ["C6", "Hội đồng trường hoạt động hiệu quả"],
      ["F6", "Năm học 2025-2026"],
    ]);
  });

  it("needs the same syncs for 30 and 300 rows", async () => {
    const small = await format(standardSheet(30));
    const large = await format(standardSheet(300));
    expect(large.applySyncs).toBe(small.applySyncs);
    expect(large.readSyncs).toBe(small.readSyncs);
  });

  it("adds the progress list and colours once, and undo restores everything it changed", async () => {
    const model = progressSheet();
    const before = {
      values: values(model),
      props: new Map(model.props ?? []),
      merges: [...model.merges],
    };
    const { host, session, outcome } = await format(model);
    expect(session.changes.some((c) => c.id === "progress")).toBe(true);
    expect(outcome.ok).toBe(true);
    expect(model.validations?.get("TD!G2:G3")).toEqual({
      list: { inCellDropDown: true, source: "Chưa thực hiện,Đang thực hiện,Đã hoàn thành" },
    });
    expect(model.conditionalFormats?.map((f) => f.text)).toEqual([
      "Chưa thực hiện",
      "Đang thực hiện",
      "Đã hoàn thành",
    ]);

    expect(await host.undoFormat()).toEqual({ tableKept: false });
    expect(values(model)).toEqual(before.values);
    expect(model.merges).toEqual(before.merges);
    expect(model.validations?.size ?? 0).toBe(0);
    expect(model.sheets.map((s) => s.name)).toEqual(["TD"]); // the list sheet KHCT made is gone
    expect(model.conditionalFormats).toEqual([]);
    expect(model.frozenRows?.get("TD")).toBe(0);
    expect(model.pageLayout?.get("TD")).toMatchObject({
      orientation: "Portrait",
      paperSize: "Letter",
    });
    for (const [address, flat] of model.props ?? [])
      expect(flat).toEqual(before.props.get(address) ?? {});
    expect(await host.undoFormat()).toBeNull();
  });

  it("refuses when the table changed after the preview", async () => {
    const model = standardSheet(1);
    const fake = fakeExcelRun(model);
    const host = createExcelFormatHost(fake.run, { mergedAreas: true });
    const session = formatSession(await host.readFormat(), tt17, "excel");
    model.sheets[0]!.cells.set("D6", "Một co-author vừa sửa");
    expect(await host.applyFormat(session.plan)).toEqual({ ok: false, reason: "changed" });
    expect(model.props?.size ?? 0).toBe(0);
  });
});
