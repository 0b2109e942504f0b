import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import { parseTimeframe } from "../../../src/core/text/timeframe";
import { check } from "../../../src/core/validation/check";
import { duplicateRows } from "../../../src/core/validation/rules/duplicates";
import { rowNumbers, sectionNumbering } from "../../../src/core/validation/rules/numbering";
import { planDate, timeframes } from "../../../src/core/validation/rules/timeframes";
import type { Finding, Rule } from "../../../src/core/validation/types";

const tt17 = frameworkById("tt17-2018") as Framework;
const HEADER = [
  "TT",
  "Tiêu chuẩn, tiêu chí",
  "Kết quả cần đạt",
  "Giải pháp",
  "Chủ trì và phối hợp thực hiện",
  "Thời gian thực hiện",
  "Dự kiến kinh phí",
  "Điều kiện hỗ trợ khác",
  "Ghi chú",
];
const PROGRESS = [
  "Tiêu chuẩn",
  "Tiêu chí",
  "TT",
  "Nội dung kế hoạch",
  "Thời gian dự kiến",
  "Người chịu trách nhiệm",
  "Tiến độ thực hiện",
  "Kết quả",
  "Ghi chú",
];

function run(
  rule: Rule,
  rows: string[][],
  paragraphs: string[] = ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026"]
): Finding[] {
  const tables = rows.length
    ? analyseTables([{ key: "t0", where: "Bảng 1", grid: gridFromStrings(rows) }], tt17)
    : [];
  return check(
    {
      framework: tt17,
      level: "tieu-hoc",
      identity: detectPlanIdentity(paragraphs),
      paragraphs,
      tables,
    },
    [rule]
  );
}
const withTime = (...times: string[]) => [
  HEADER,
  ...times.map((t, i) => [
    "",
    `Tiêu chí 1.${i + 1}`,
    `Kết quả ${i}`,
    `Việc ${i}`,
    "HT",
    t,
    "",
    "",
    "",
  ]),
];

describe("parseTimeframe", () => {
  it.each([
    ["Trong năm học 2025-2026", { kind: "school-year", start: 2025 }],
    [
      "Tháng 6 đến tháng 9 hằng năm.",
      { kind: "range", from: { year: null, month: 6 }, to: { year: null, month: 9 } },
    ],
    [
      "Từ tháng 9 đến tháng 12 hằng năm.",
      { kind: "range", from: { year: null, month: 9 }, to: { year: null, month: 12 } },
    ],
    ["08 – 11", { kind: "range", from: { year: null, month: 8 }, to: { year: null, month: 11 } }],
    ["Năm 2023", { kind: "year", year: 2023 }],
    [
      "Tháng 9/2025",
      { kind: "range", from: { year: 2025, month: 9 }, to: { year: 2025, month: 9 } },
    ],
    [
      "Từ tháng 9/2025 đến tháng 5/2026",
      { kind: "range", from: { year: 2025, month: 9 }, to: { year: 2026, month: 5 } },
    ],
    [
      "Từ 01/9/2025 đến 31/5/2026",
      { kind: "range", from: { year: 2025, month: 9 }, to: { year: 2026, month: 5 } },
    ],
    ["Quý I/2026", { kind: "range", from: { year: 2026, month: 1 }, to: { year: 2026, month: 3 } }],
    ["Học kỳ II", { kind: "term", term: 2 }],
    ["Thường xuyên", { kind: "ongoing" }],
    ["sớm nhất có thể", { kind: "unparseable" }],
    ["Tháng 13", { kind: "unparseable" }],
  ])("%s", (text, expected) => expect(parseTimeframe(text)).toEqual(expected));
});

describe("timeframe rule (plan for 2025-2026)", () => {
  it("accepts timeframes inside the school year", () => {
    expect(
      run(
        timeframes,
        withTime(
          "Trong năm học 2025-2026",
          "Từ tháng 9 đến tháng 12",
          "Tháng 3/2026",
          "Học kỳ I",
          "Thường xuyên"
        )
      )
    ).toEqual([]);
  });

  it("says what is outside, what is summer preparation, what cannot be read", () => {
    const found = run(
      timeframes,
      withTime(
        "Năm 2023",
        "Tháng 6 đến tháng 9 hằng năm.",
        "Tháng 7/2025",
        "Tháng 6/2026",
        "sớm nhất có thể",
        "Năm học 2024-2025"
      )
    );
    expect(found.map((f) => [f.criterion, f.severity])).toEqual([
      ["1.1", "error"],
      ["1.4", "error"],
      ["1.6", "error"],
      ["1.2", "warning"],
      ["1.3", "warning"],
      ["1.5", "warning"],
    ]);
    expect(found.find((f) => f.criterion === "1.3")?.message).toMatch(
      /hè trước năm học là thời gian chuẩn bị/
    );
  });

  it("catches a timeframe that ends before the plan was issued", () => {
    const paragraphs = [
      "Tiên Lãng, ngày 07 tháng 3 năm 2022",
      "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2021-2022",
    ];
    expect(planDate(paragraphs)).toEqual({ day: 7, month: 3, year: 2022 });
    const found = run(timeframes, withTime("Tháng 12/2021"), paragraphs);
    expect(found.map((f) => f.message)).toEqual([
      "Tiêu chí 1.1: “Tháng 12/2021” kết thúc trước ngày ban hành kế hoạch (7/3/2022).",
    ]);
  });
});

describe("numbering", () => {
  it("row numbers of the progress layout: 1, 3, 3 is fixed to 1, 2, 3", () => {
    const rows = [
      PROGRESS,
      ["1", "1.1", "1", "Việc một", "T9", "A", "", "", ""],
      ["1", "1.2", "3", "Việc hai", "T9", "A", "", "", ""],
      ["1", "1.3", "3", "Việc ba", "T9", "A", "", "", ""],
    ];
    expect(run(rowNumbers, rows).map((f) => [f.location.row, f.fix?.[0]?.text])).toEqual([
      [2, "2"],
    ]);
  });

  it("section headings: a missing Roman numeral and an Arabic repeat", () => {
    const paragraphs = [
      "I. MỤC ĐÍCH",
      "1. Một",
      "2. Hai",
      "III. NỘI DUNG",
      "1. Một",
      "3. Ba",
      "IV. TỔ CHỨC",
    ];
    expect(
      run(sectionNumbering, [], paragraphs).map((f) => [f.location.paragraph, f.severity])
    ).toEqual([
      [3, "warning"],
      [5, "hint"],
    ]);
  });
});

describe("duplicate rows", () => {
  it("says which columns differ between two copies of a row", () => {
    const rows = [
      PROGRESS,
      [
        "1",
        "1.3",
        "3",
        "Nâng cao vai trò lãnh đạo của tổ chức Đảng, phát huy hiệu quả hoạt động của các đoàn thể",
        "Tháng 9",
        "Trần Quang Hưng, Lâm Thị Ngọc Thảo",
        "",
        "",
        "",
      ],
      [
        "1",
        "1.3",
        "4",
        "Nâng cao vai trò lãnh đạo của tổ chức Đảng, phát huy hiệu quả hoạt động của các đoàn thể",
        "Tháng 9",
        "TRần Quang Hưng, Lê Minh Thắng",
        "",
        "",
        "",
      ],
    ];
    expect(run(duplicateRows, rows).map((f) => f.message)).toEqual([
      "Hàng 3 lặp lại nội dung hàng 2, chỉ khác ở “Người chịu trách nhiệm”.",
    ]);
  });
});
