import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables, type FoundTable } from "../../../src/core/plan/session";
import { buildGrid, gridFromStrings, type RawCell } from "../../../src/core/plan/table";
import type { SchoolLevel } from "../../../src/core/schoolLevel";
import { check, countBySeverity } from "../../../src/core/validation/check";
import { RULES } from "../../../src/core/validation/registry";
import type { Finding, Rule } from "../../../src/core/validation/types";
import { STANDARD_2021, STANDARD_HEADER } from "../../fixtures/tables";

const HEADER = [...STANDARD_HEADER];
const WORK: Record<string, [string, string]> = {
  "1.2": ["Hội đồng trường hoạt động hiệu quả", "Bổ sung quy chế, họp định kỳ mỗi học kỳ"],
  "1.3": ["Chi bộ, Công đoàn, Đội hoạt động đều", "Phân công đảng viên phụ trách từng đoàn thể"],
  "5.2": ["Học sinh tham gia trải nghiệm", "Tổ chức bốn chủ đề trải nghiệm trong năm"],
};
/** A criterion row with every required cell written, content different from row to row. */
const filled = (tt: string, label: string) => {
  const [target, solution] = WORK[label.replace("Tiêu chí ", "")] ?? [
    `Kết quả của ${label}`,
    `Việc cần làm cho ${label}`,
  ];
  return [tt, label, target, solution, "Hiệu trưởng", "Năm học 2025-2026", "", "", ""];
};

function run(
  tables: (string[][] | RawCell[][])[],
  options: {
    level?: SchoolLevel;
    framework?: string;
    paragraphs?: string[];
    rules?: readonly Rule[];
  } = {}
): Finding[] {
  const framework = frameworkById(options.framework ?? "tt17-2018") as Framework;
  const found: FoundTable[] = tables.map((rows, i) => ({
    key: `t${i}`,
    where: `Bảng ${i + 1}`,
    grid:
      typeof (rows[0] as unknown[])[0] === "string"
        ? gridFromStrings(rows as string[][])
        : buildGrid(rows as RawCell[][]),
  }));
  const paragraphs = options.paragraphs ?? [];
  return check(
    {
      framework,
      level: options.level ?? "tieu-hoc",
      identity: detectPlanIdentity(paragraphs),
      paragraphs,
      tables: analyseTables(found, framework),
    },
    options.rules
  );
}
const rules = (findings: Finding[]) => findings.map((f) => f.rule);

/** The 2021-2022 plan with its mistakes corrected. */
const CLEAN = [
  HEADER,
  ["MỨC 1, 2, 3", "", "", "", "", "", "", "", ""],
  ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "", "", "", "", "", "", ""],
  filled("", "Tiêu chí 1.2"),
  filled("", "Tiêu chí 1.3"),
  ["5", "Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục", "", "", "", "", "", "", ""],
  filled("", "Tiêu chí 5.2"),
  ["MỨC 4", "", "", "", "", "", "", "", ""],
  ["", "Không", "", "", "", "", "", "", ""],
];

describe("the rule registry", () => {
  it("has unique ids and a Vietnamese description for every rule", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES)
      expect(rule.description).toMatch(
        /[ăâđêôơưạảãáàậẩẫấầặẳẵắằẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]/i
      );
  });
});

describe("a clean plan", () => {
  it("produces no Lỗi and no Cảnh báo", () => {
    expect(
      run([CLEAN], {
        paragraphs: [
          "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
          "Trên đây là Kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026 của trường.",
        ],
      })
    ).toEqual([]);
  });
});

describe("the real 2021-2022 plan (standard layout)", () => {
  const findings = run([STANDARD_2021]);

  it("finds what a careful reader finds: a preschool title and standard 5 numbered 4", () => {
    expect(findings.map((f) => [f.rule, f.severity, f.location.row])).toEqual([
      ["standard-title", "error", 8],
      ["standard-numbering", "error", 8],
    ]);
    expect(findings[0]?.message).toBe(
      "Tiêu chuẩn 5: “Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ” là tên của cấp mầm non; theo Thông tư 17/2018/TT-BGDĐT là “Hoạt động giáo dục và kết quả giáo dục”."
    );
    expect(findings[0]?.fix?.[0]?.text).toBe(
      "Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục"
    );
    expect(findings[1]?.fix?.[0]).toMatchObject({ expected: "4", text: "5" });
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 0, hint: 0 });
  });
});

describe("each rule fires when it should, and only then", () => {
  it("criterion-unknown: 5.6 in a preschool plan; a Mức 4 row that is not a Mức 4 criterion", () => {
    const rows = [
      HEADER,
      [
        "5",
        "Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
      filled("", "Tiêu chí 5.6"),
      filled("", "Tiêu chí 5.4"),
    ];
    const found = run([rows], { framework: "tt19-2018", level: "mam-non" });
    expect(found.filter((f) => f.rule === "criterion-unknown").map((f) => f.criterion)).toEqual([
      "5.6",
    ]);
    expect(found[0]?.message).toMatch(
      /không có Tiêu chí 5.6: Tiêu chuẩn 5 có 4 tiêu chí \(5.1–5.4\)/
    );
    const level4 = run([
      [HEADER, ["MỨC 4", "", "", "", "", "", "", "", ""], filled("", "Tiêu chí 7")],
    ]);
    expect(rules(level4)).toContain("criterion-unknown");
  });

  it("criterion-label: “Tiêu chí 2. 2” and “tiêu chí 2.2” are fixed, “Tiêu chí 2.2” and “2.2” are left", () => {
    const rows = [
      HEADER,
      [
        "2",
        "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên và học sinh",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
      filled("", "Tiêu chí 2. 2"),
      filled("", "tiêu chí 2.3: Nhân viên"),
      filled("", "Tiêu chí 2.4"),
    ];
    const found = run([rows]).filter((f) => f.rule === "criterion-label");
    expect(found.map((f) => f.fix?.[0]?.text)).toEqual(["Tiêu chí 2.2", "Tiêu chí 2.3: Nhân viên"]);
    expect(run([[HEADER, filled("", "2.2")]]).filter((f) => f.rule === "criterion-label")).toEqual(
      []
    );
  });

  it("criterion-title: a title from another level is an error, another wording a warning, the right one nothing", () => {
    const rows = [
      HEADER,
      ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "", "", "", "", "", "", ""],
      filled(
        "",
        "Tiêu chí 1.2: Hội đồng trường (Hội đồng quản trị đối với trường tư thục) và các hội đồng khác"
      ),
      filled("", "Tiêu chí 1.3: Công tác Đảng"),
    ];
    const found = run([rows]).filter((f) => f.rule === "criterion-title");
    expect(found.map((f) => f.criterion)).toEqual(["1.3"]);
    expect(found[0]?.severity).toBe("warning");
  });

  it("criterion-duplicate: twice under MỨC 1, 2, 3 is an error, but not in the progress layout", () => {
    expect(
      rules(run([[HEADER, filled("", "Tiêu chí 1.2"), filled("", "Tiêu chí 1.2")]]))
    ).toContain("criterion-duplicate");
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
      ["1", "1.2", "1", "Việc 1", "Tháng 9", "A", "", "", ""],
      ["1", "1.2", "2", "Việc 2", "Tháng 10", "B", "", "", ""],
    ];
    expect(rules(run([progress]))).not.toContain("criterion-duplicate");
  });

  it("row-order: a criterion under another standard, criteria out of order", () => {
    const rows = [
      HEADER,
      ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "", "", "", "", "", "", ""],
      filled("", "Tiêu chí 1.3"),
      filled("", "Tiêu chí 1.2"),
      filled("", "Tiêu chí 2.1"),
    ];
    const found = run([rows]).filter((f) => f.rule === "row-order");
    expect(found.map((f) => [f.severity, f.criterion])).toEqual([
      ["error", "2.1"],
      ["warning", "1.2"],
    ]); // errors first
  });

  it("target-level: Mức 3 for a criterion with no Mức 3", () => {
    const header = [
      "TT",
      "Tiêu chuẩn, tiêu chí",
      "Mức",
      "Kết quả cần đạt",
      "Giải pháp",
      "Chủ trì và phối hợp thực hiện",
      "Thời gian",
      "Dự kiến kinh phí",
      "Ghi chú",
    ];
    const found = run([
      [
        header,
        ["", "Tiêu chí 1.2", "Mức 3", "x", "x", "x", "x", "", ""],
        ["", "Tiêu chí 1.1", "Mức 3", "x", "x", "x", "x", "", ""],
      ],
    ]);
    expect(found.filter((f) => f.rule === "target-level").map((f) => f.criterion)).toEqual(["1.2"]);
  });

  it("required-empty: solution, responsible, timeframe empty or still the placeholder", () => {
    const found = run([
      [
        HEADER,
        ["", "Tiêu chí 1.1", "x", "", "[Ghi người chủ trì, người phối hợp]", "Tháng 9", "", "", ""],
      ],
    ]).filter((f) => f.rule === "required-empty");
    expect(found.map((f) => f.message)).toEqual([
      "Tiêu chí 1.1: ô “Công việc/giải pháp cần thực hiện” còn trống.",
      "Tiêu chí 1.1: ô “Chủ trì và phối hợp thực hiện” còn ghi chú mẫu, chưa được viết.",
    ]);
  });

  it("school years: impossible ones, and the plan's own year written differently", () => {
    const paragraphs = [
      "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
      "Kết quả năm học 2024-2025 của trường",
      "Hướng tới năm học 2017-1018",
      "giai đoạn 2022-2025",
      "Trên đây là Kế hoạch cải tiến chất lượng giáo dục năm học 2024-2025 của trường.",
    ];
    const found = run([], { paragraphs });
    expect(found.map((f) => [f.rule, f.location.paragraph])).toEqual([
      ["school-year-impossible", 2],
      // Never silent: text without a plan table is said to be only text.
      ["table-not-understood", undefined],
      ["school-year-inconsistent", 4],
    ]);
  });

  it("a rule that throws becomes a finding, and the check goes on", () => {
    const broken: Rule = {
      id: "broken",
      area: "cells",
      description: "Hỏng",
      fixable: false,
      check: () => {
        throw new Error("boom");
      },
    };
    expect(run([CLEAN], { rules: [broken, ...RULES] })).toEqual([
      {
        rule: "rule-failed",
        severity: "hint",
        message: "Quy tắc “broken” gặp lỗi nên chưa kiểm tra được: boom",
        said: { id: "rule-failed", params: { rule: "broken", error: "boom" } },
        location: {},
      },
    ]);
  });
});

describe("criterion-duplicate suggests the criterion the content belongs to", () => {
  it("a library row written as a second 3.5 is a 3.6", () => {
    const rows = [
      HEADER,
      ["3", "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học", "", "", "", "", "", "", ""],
      [
        "",
        "Tiêu chí 3.5",
        "Thiết bị dạy học đủ theo danh mục",
        "Mua sắm thiết bị dạy học tối thiểu",
        "HT",
        "Năm học 2025-2026",
        "",
        "",
        "",
      ],
      [
        "",
        "Tiêu chí 3.5",
        "Thư viện trường học đạt chuẩn, có sách, báo, tạp chí, bản đồ",
        "Bổ sung sách, báo, tạp chí cho thư viện đạt chuẩn",
        "HT",
        "Năm học 2025-2026",
        "",
        "",
        "",
      ],
    ];
    const found = run([rows]).find((f) => f.rule === "criterion-duplicate");
    expect(found?.message).toMatch(/nội dung dòng này hợp với Tiêu chí 3.6 \(Thư viện\) hơn/);
  });
});
