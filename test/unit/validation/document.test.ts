import * as fs from "fs";
import * as path from "path";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables, type FoundTable } from "../../../src/core/plan/session";
import { buildGrid, gridFromStrings, type RawCell } from "../../../src/core/plan/table";
import type { SchoolLevel } from "../../../src/core/schoolLevel";
import { formatDong, parseBudget } from "../../../src/core/text/money";
import { check } from "../../../src/core/validation/check";
import {
  assessmentMarks,
  budgets,
  citations,
  statements,
  superseded,
} from "../../../src/core/validation/rules/document";
import { rowNumbers, sectionNumbering } from "../../../src/core/validation/rules/numbering";
import type { Finding, Rule } from "../../../src/core/validation/types";
import { ASSESSMENT_2022, SOLUTIONS_2022 } from "../../fixtures/tables";

const seed = (name: string) =>
  fs
    .readFileSync(path.resolve(__dirname, "../../fixtures/seeds", name), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " "));

function run(
  rule: Rule,
  paragraphs: string[],
  tables: (string[][] | RawCell[][])[] = [],
  level: SchoolLevel = "tieu-hoc"
): Finding[] {
  const framework = frameworkById(
    { "tieu-hoc": "tt17-2018", "trung-hoc": "tt18-2018", "mam-non": "tt19-2018" }[level]
  ) as Framework;
  const found: FoundTable[] = tables.map((rows, i) => ({
    key: `t${i}`,
    where: `Bảng ${i + 1}`,
    grid:
      typeof (rows[0] as unknown[])[0] === "string"
        ? gridFromStrings(rows as string[][])
        : buildGrid(rows as RawCell[][]),
  }));
  return check(
    {
      framework,
      level,
      identity: detectPlanIdentity(paragraphs),
      paragraphs,
      tables: analyseTables(found, framework),
    },
    [rule]
  );
}

describe("budgets", () => {
  it.each([
    ["Không", { kind: "none" }],
    ["5 triệu đồng", { kind: "amount", dong: 5e6 }],
    ["100 triệu", { kind: "amount", dong: 1e8 }],
    ["4 tỷ đồng", { kind: "amount", dong: 4e9 }],
    ["1,5 triệu", { kind: "amount", dong: 1.5e6 }],
    ["2.000.000 đồng", { kind: "amount", dong: 2e6 }],
    ["200.000đ/chuyên đề", { kind: "recurring", dong: 2e5, per: "chuyên đề" }],
    ["15 triệu/tháng", { kind: "recurring", dong: 1.5e7, per: "tháng" }],
    ["Ngân sách nhà nước", { kind: "source" }],
    ["5", { kind: "unparseable" }],
  ])("%s", (text, expected) => expect(parseBudget(text)).toEqual(expected));

  it("adds the one-off amounts of the real solutions table, and flags what it cannot read", () => {
    expect(run(budgets, [], [SOLUTIONS_2022]).map((f) => f.message)).toEqual([
      "Tổng kinh phí dự kiến (các khoản một lần): 4.100.000.000 đồng.",
    ]);
    const rows = [
      SOLUTIONS_2022[0]!.map((c) => c.text),
      ["Tiêu chí 3.6", "CB", "khoảng 5", "Năm 2023", "x"],
    ];
    expect(run(budgets, [], [rows]).map((f) => f.severity)).toEqual(["warning"]);
    expect(formatDong(1234567)).toBe("1.234.567 đồng");
  });
});

describe("citations", () => {
  it("finds no mistake in the real 2025-2026 plan's citations (TT22/2024 quotes all three circulars)", () => {
    expect(run(citations, seed("tieu-hoc-2025-2026.txt"))).toEqual([]);
  });

  it("catches a wrong date and another level's circular", () => {
    const found = run(citations, [
      "Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2019 của Bộ GD&ĐT",
      "Căn cứ Thông tư số 19/2018/TT-BGDĐT ngày 22/8/2018",
    ]);
    expect(found.map((f) => [f.location.paragraph, f.message])).toEqual([
      [0, "Thông tư 17/2018/TT-BGDĐT ban hành ngày 22/8/2018; kế hoạch ghi ngày 22/8/2019."],
      [
        1,
        "Thông tư 19/2018/TT-BGDĐT là văn bản cho trường mầm non; kế hoạch của trường tiểu học căn cứ Thông tư 17/2018/TT-BGDĐT.",
      ],
    ]);
    expect(
      run(citations, ["Hướng dẫn số 5932/BGDĐT-QLCL ngày 28 tháng 12 năm 2019"]).map(
        (f) => f.severity
      )
    ).toEqual(["error"]);
  });
});

describe("statements", () => {
  it("accepts the real plan's summary (Mức 3: 19, Mức 4: 05, 3/5 = 60%)", () => {
    expect(run(statements, seed("tieu-hoc-2025-2026.txt"))).toEqual([]);
  });

  it("catches a count that contradicts the circular and wrong arithmetic", () => {
    const found = run(statements, [
      "- Mức 3: Tổng số 20 tiêu chí, trong đó số tiêu chí đạt 19/20, tỉ lệ 95%",
      "- Mức 4: đạt 3/5, tỉ lệ 65%",
    ]);
    expect(found.map((f) => f.message)).toEqual([
      "“Mức 3: tổng số 20 tiêu chí” — theo 17/2018/TT-BGDĐT Mức 3 có 19 tiêu chí.",
      "“3/5, tỉ lệ 65%”: 3/5 là 60%, không phải 65%.",
    ]);
  });
});

describe("assessment marks", () => {
  it("the real results table is fully marked", () => {
    expect(run(assessmentMarks, [], [ASSESSMENT_2022])).toEqual([]);
  });

  it("flags a row with no mark and a row with contradicting marks", () => {
    const rows: RawCell[][] = [
      ...ASSESSMENT_2022.slice(0, 2),
      ["Tiêu chí 1.1", "x", "", "x", "", "", ""].map((text) => ({ text })),
      [{ text: "Tiêu chí 1.2" }],
    ];
    expect(run(assessmentMarks, [], [rows]).map((f) => [f.criterion, f.severity])).toEqual([
      ["1.1", "error"],
      ["1.2", "warning"],
    ]);
  });
});

describe("framework superseded", () => {
  it("mentions 57/2026 for a plan of 2026-2027 under the 2018 circular, as a hint (unverified)", () => {
    const found = run(superseded, ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2026-2027"]);
    expect(found.map((f) => f.severity)).toEqual(["hint"]);
    expect(found[0]?.message).toMatch(
      /Thông tư 57\/2026\/TT-BGDĐT \(07\/7\/2026\) được dẫn là văn bản thay thế, thời hạn chuyển tiếp chưa được KHCT xác minh/
    );
  });

  it("says nothing for 2025-2026", () => {
    expect(run(superseded, ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026"])).toEqual(
      []
    );
  });
});

describe("numbering rules stay quiet on correct numbering", () => {
  it("sections I, II, III with 1, 2 inside; a progress table numbered 1, 2, 3", () => {
    expect(
      run(sectionNumbering, [
        "I. MỤC ĐÍCH",
        "1. Một",
        "2. Hai",
        "II. CĂN CỨ",
        "1. Một",
        "III. NỘI DUNG",
      ])
    ).toEqual([]);
    const progress = [
      [
        "Tiêu chuẩn",
        "Tiêu chí",
        "TT",
        "Nội dung kế hoạch",
        "Thời gian dự kiến",
        "Người chịu trách nhiệm",
        "Tiến độ thực hiện",
        "Kết quả",
        "Ghi chú",
      ],
      ["1", "1.1", "1", "a", "T9", "A", "", "", ""],
      ["1", "1.2", "2", "b", "T9", "A", "", "", ""],
      ["1", "1.3", "3", "c", "T9", "A", "", "", ""],
    ];
    expect(run(rowNumbers, [], [progress])).toEqual([]);
  });
});
