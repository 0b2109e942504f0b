import { render } from "../../../src/core/messages";
import { recognizeHeader } from "../../../src/core/plan/header";
import { readPlanTable } from "../../../src/core/plan/rows";
import { buildGrid, gridFromStrings } from "../../../src/core/plan/table";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import {
  ASSESSMENT_2022,
  ASSESSMENT_LEVEL4_2022,
  PROGRESS_2025,
  SOLUTIONS_2022,
  STANDARD_2021,
} from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;

describe("buildGrid", () => {
  it("expands merges, pads ragged rows, clips spans past the edge", () => {
    const grid = buildGrid([
      [{ text: "a", colSpan: 2 }, { text: "b" }],
      [{ text: "c", rowSpan: 5 }],
      [{ text: "d", colSpan: 1e9 }],
    ]);
    expect(grid.colCount).toBe(64); // clipped at MAX_COLUMNS, not a billion columns
    expect(grid.rowCount).toBe(3);
    expect(grid.cells[0]?.[1]).toEqual({ text: "", origin: { row: 0, col: 0 } });
    expect(grid.cells[2]?.[0]).toEqual({ text: "", origin: { row: 1, col: 0 } }); // c spans down, clipped at 2 rows
    expect(grid.cells[2]?.[1]?.text).toBe("d");
    expect(grid.cells[1]?.[5]).toEqual({ text: "", origin: { row: 1, col: 5 } }); // ragged row padded
    expect(buildGrid([[{ text: "x", colSpan: NaN, rowSpan: -3 }]]).cells).toEqual([
      [{ text: "x", origin: { row: 0, col: 0 } }],
    ]);
  });
});

describe("recognizeHeader on tables from real plans", () => {
  it("the standard 9 columns, headers broken over lines", () => {
    const result = recognizeHeader(buildGrid(STANDARD_2021));
    expect(result.ok && result.match.layout.id).toBe("standard");
    expect(result.ok && result.match.columns).toEqual({
      tt: 0,
      criterion: 1,
      target: 2,
      solution: 3,
      responsible: 4,
      timeframe: 5,
      budget: 6,
      support: 7,
      note: 8,
    });
    expect(result.ok && result.match.headerRows).toBe(1);
  });

  it("the progress-tracking layout", () => {
    const result = recognizeHeader(buildGrid(PROGRESS_2025));
    expect(result.ok && result.match.layout.id).toBe("progress");
    expect(result.ok && result.match.columns).toMatchObject({
      standard: 0,
      criterion: 1,
      tt: 2,
      content: 3,
      timeframe: 4,
      responsible: 5,
      progress: 6,
      result: 7,
      note: 8,
    });
  });

  it("the self-assessment table with its two-row header", () => {
    const result = recognizeHeader(buildGrid(ASSESSMENT_2022));
    expect(result.ok && result.match.layout.id).toBe("assessment");
    expect(result.ok && result.match.headerRows).toBe(2);
    expect(result.ok && result.match.columns).toEqual({
      criterion: 0,
      fail: 1,
      pass: 2,
      level1: 3,
      level2: 4,
      level3: 5,
      unmet: 6,
    });
  });

  it("the Mức 4 results table and the short solutions table", () => {
    const level4 = recognizeHeader(buildGrid(ASSESSMENT_LEVEL4_2022));
    expect(level4.ok && level4.match.layout.id).toBe("assessment-level4");
    const solutions = recognizeHeader(buildGrid(SOLUTIONS_2022));
    expect(solutions.ok && solutions.match.layout.id).toBe("solutions");
    expect(solutions.ok && solutions.match.columns).toEqual({
      criterion: 0,
      responsible: 1,
      budget: 2,
      timeframe: 3,
      solution: 4,
    });
  });

  it("the standard layout with a Mức column, columns in another order, in capitals", () => {
    const grid = gridFromStrings([
      [
        "STT",
        "TIÊU CHUẨN, TIÊU CHÍ",
        "MỨC",
        "GIẢI PHÁP",
        "KẾT QUẢ CẦN ĐẠT",
        "THỜI GIAN",
        "NGƯỜI THỰC HIỆN",
        "KINH PHÍ",
        "GHI CHÚ",
      ],
    ]);
    const result = recognizeHeader(grid);
    expect(result.ok && result.match.layout.id).toBe("standard-level");
    expect(result.ok && result.match.columns).toMatchObject({
      tt: 0,
      criterion: 1,
      level: 2,
      solution: 3,
      target: 4,
      timeframe: 5,
      responsible: 6,
    });
  });

  it("reads a plan table with fewer columns than the standard one, and says what it lacks", () => {
    const fewer = recognizeHeader(
      gridFromStrings([["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt", "Giải pháp", "Ghi chú"]])
    );
    expect(fewer.ok && fewer.match.columns).toEqual({
      tt: 0,
      criterion: 1,
      target: 2,
      solution: 3,
      note: 4,
    });
    expect(fewer.ok && fewer.match.layout).toMatchObject({ kind: "plan", custom: true });
  });

  it("says why it cannot map a table: what it found, what is missing", () => {
    const missing = recognizeHeader(
      gridFromStrings([["TT", "Tiêu chuẩn, tiêu chí", "Thời gian", "Ghi chú"]])
    );
    expect(missing).toMatchObject({
      ok: false,
      reason:
        "Bảng giống bảng kế hoạch cải tiến (nhận ra cột “TT”, “Tiêu chuẩn, tiêu chí”, “Thời gian thực hiện và hoàn thành”, “Ghi chú”) nhưng thiếu cột “Công việc/giải pháp cần thực hiện” hoặc “Nội dung kế hoạch”.",
      guess: {
        kind: "plan",
        found: ["tt", "criterion", "timeframe", "note"],
        missing: ["“Công việc/giải pháp cần thực hiện” hoặc “Nội dung kế hoạch”"],
      },
    });
    expect(
      recognizeHeader(
        gridFromStrings([
          ["Họ tên", "Ngày sinh"],
          ["A", "1/1/2000"],
        ])
      )
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/Không nhận ra tiêu đề cột/) });
    expect(recognizeHeader(gridFromStrings([]))).toMatchObject({
      ok: false,
      reason: "Bảng trống.",
    });
    // The same, for the pane in English.
    if (missing.ok) throw new Error("recognised");
    expect(render(missing.said, "en")).toBe(
      "The table looks like an improvement plan table (columns recognised: “TT”, “Tiêu chuẩn, tiêu chí”, “Thời gian thực hiện và hoàn thành”, “Ghi chú”) but lacks “Công việc/giải pháp cần thực hiện” or “Nội dung kế hoạch”."
    );
  });
});

describe("readPlanTable", () => {
  it("reads sections, standard rows, criterion rows and 'Không' under MỨC 4", () => {
    const grid = buildGrid(STANDARD_2021);
    const header = recognizeHeader(grid);
    if (!header.ok) throw new Error(header.reason);
    const table = readPlanTable(grid, header.match, tt17);
    expect(table.rows.map((r) => r.kind)).toEqual([
      "section",
      "standard",
      "criterion",
      "criterion",
      "criterion",
      "standard",
      "criterion",
      "standard",
      "criterion",
      "section",
      "none",
    ]);
    const standard5 = table.rows[7];
    expect(standard5?.standard).toMatchObject({
      id: "5",
      title: "Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ",
    });
    expect(standard5?.cells.tt?.text).toBe("4");
    expect(table.rows[2]?.ref?.criterion?.id).toBe("1.2");
    expect(table.rows[2]?.section).toBe("levels123");
    expect(table.rows[10]?.section).toBe("level4");
  });

  it("keeps a criterion that does not exist for the level as a criterion row, with the reason", () => {
    const grid = buildGrid(STANDARD_2021);
    const header = recognizeHeader(grid);
    if (!header.ok) throw new Error(header.reason);
    const table = readPlanTable(grid, header.match, frameworkById("tt19-2018"));
    expect(table.rows[8]).toMatchObject({ kind: "criterion", ref: { ref: { id: "5.2" } } });
    const grid2 = gridFromStrings([
      ...STANDARD_2021.slice(0, 1).map((r) => r.map((c) => c.text)),
      ["", "Tiêu chí 5.6", "x", "", "", "", "", "", ""],
    ]);
    const h2 = recognizeHeader(grid2);
    if (!h2.ok) throw new Error(h2.reason);
    const row = readPlanTable(grid2, h2.match, frameworkById("tt19-2018")).rows[0];
    expect(row).toMatchObject({ kind: "criterion", refError: { code: "unknown-criterion" } });
  });

  it("reads tasks under a vertically merged standard cell (progress layout)", () => {
    const grid = buildGrid(PROGRESS_2025);
    const header = recognizeHeader(grid);
    if (!header.ok) throw new Error(header.reason);
    const table = readPlanTable(grid, header.match, tt17);
    expect(table.rows.map((r) => [r.kind, r.ref?.ref.id])).toEqual([
      ["criterion", "1.1"],
      ["criterion", "1.2"],
      ["criterion", "1.3"],
    ]);
    expect(table.rows[1]?.cells.standard).toMatchObject({ text: "1", covered: true });
  });
});
