/**
 * Reading plans as schools write them: header roles whatever the wording, depth or order; rows by
 * their content (several criteria in a cell, Mức 4 groups of any form); timeframes and budgets in
 * the forms real plans use; the school level from the titles in a table or the file's name.
 */
import { frameworkById, parseCriterionRefs, type Framework } from "../../../src/core/catalogue";
import { recognizeHeader } from "../../../src/core/plan/header";
import { locateTables } from "../../../src/core/plan/locate";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { readPlanTable } from "../../../src/core/plan/rows";
import { analyseTables } from "../../../src/core/plan/session";
import { buildGrid, gridFromStrings, type RawCell } from "../../../src/core/plan/table";
import { levelFromFileName, parseSchoolLevel } from "../../../src/core/schoolLevel";
import { parseBudget } from "../../../src/core/text/money";
import { parseTimeframe } from "../../../src/core/text/timeframe";
import { check } from "../../../src/core/validation/check";
import { PROGRESS_BASE } from "../../corpus/bases";
import { xlsxOf } from "../../corpus/files";
import { readAssessment } from "../../../src/core/plan/assessment";
import { run } from "../../../src/cli/main";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const tt17 = frameworkById("tt17-2018") as Framework;
const tt18 = frameworkById("tt18-2018") as Framework;

/** The findings of `rule` (all rules when omitted) for one table in a document of these paragraphs. */
function checkTable(
  rows: string[][],
  paragraphs: string[],
  options: { framework?: Framework; rule?: string; where?: string } = {}
) {
  const framework = options.framework ?? tt17;
  const tables = analyseTables(
    [{ key: "t", where: options.where ?? "Bảng 1", grid: gridFromStrings(rows) }],
    framework
  );
  const findings = check({
    framework,
    level: framework.schoolLevels[0] ?? "tieu-hoc",
    identity: detectPlanIdentity(paragraphs),
    paragraphs,
    tables,
  });
  return options.rule ? findings.filter((f) => f.rule === options.rule) : findings;
}

describe("column roles from the header's words", () => {
  it("the THCS plan without “Kết quả cần đạt”, with Mức and “Điều kiện”", () => {
    const result = recognizeHeader(
      gridFromStrings([
        [
          "TT",
          "Tiêu chuẩn, tiêu chí",
          "Mức",
          "Công việc/giải pháp cần thực hiện",
          "Chủ trì",
          "Thời gian",
          "Kinh phí",
          "Điều kiện",
          "Ghi chú",
        ],
      ])
    );
    expect(result.ok && result.match.columns).toEqual({
      tt: 0,
      criterion: 1,
      level: 2,
      solution: 3,
      responsible: 4,
      timeframe: 5,
      budget: 6,
      support: 7,
      note: 8,
    });
    expect(result.ok && result.match.layout).toMatchObject({
      kind: "plan",
      groupRows: true,
      custom: true,
    });
  });

  it("column numbers in the cells, an index row, a title row above, unknown columns kept", () => {
    const grid = buildGrid([
      [{ text: "KẾ HOẠCH CẢI TIẾN", colSpan: 7 }],
      [
        "TT\n(1)",
        "Tiêu chuẩn, tiêu chí (2)",
        "Biện pháp thực hiện (3)",
        "Ý kiến của tổ (4)",
        "Người thực hiện (5)",
        "Thời gian dự kiến (6)",
        "Kinh phí (7)",
      ].map((text) => ({ text })),
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"].map((text) => ({ text })),
      ["", "Tiêu chí 1.2", "Họp", "", "HT", "Tháng 9/2025", ""].map((text) => ({ text })),
    ]);
    const result = recognizeHeader(grid);
    expect(result.ok && [result.match.headerStart, result.match.headerRows]).toEqual([1, 2]);
    expect(result.ok && result.match.columns).toEqual({
      tt: 0,
      criterion: 1,
      solution: 2,
      responsible: 4,
      timeframe: 5,
      budget: 6,
    });
    expect(result.ok && result.match.unmatched).toEqual([3]);
  });

  it("a group cell over sub-columns, and the self-assessment's three-row header", () => {
    const plan = recognizeHeader(
      buildGrid([
        [
          { text: "TT", rowSpan: 2 },
          { text: "Tiêu chí", rowSpan: 2 },
          { text: "Kế hoạch thực hiện", colSpan: 3 },
          { text: "Ghi chú", rowSpan: 2 },
        ],
        [{ text: "Giải pháp" }, { text: "Phụ trách" }, { text: "Thời gian" }],
      ])
    );
    expect(plan.ok && plan.match.columns).toEqual({
      tt: 0,
      criterion: 1,
      solution: 2,
      responsible: 3,
      timeframe: 4,
      note: 5,
    });
    const assessment: RawCell[][] = [
      [
        { text: "Tiêu chuẩn, tiêu chí", rowSpan: 3 },
        { text: "Kết quả", colSpan: 4 },
        { text: "Nội dung không đạt", rowSpan: 3 },
      ],
      [
        { text: "Không đạt", rowSpan: 2 },
        { text: "Đạt", colSpan: 3 },
      ],
      [{ text: "Mức 1" }, { text: "Mức 2" }, { text: "Mức 3" }],
      [
        { text: "Tiêu chí 1.1" },
        { text: "" },
        { text: "" },
        { text: "x" },
        { text: "" },
        { text: "" },
      ],
    ];
    const read = recognizeHeader(buildGrid(assessment));
    expect(read.ok && read.match.layout.kind).toBe("assessment");
    expect(read.ok && read.match.headerRows).toBe(3);
    expect(read.ok && read.match.columns).toEqual({
      criterion: 0,
      fail: 1,
      level1: 2,
      level2: 3,
      level3: 4,
      unmet: 5,
    });
  });

  it("the progress table's Mức 4 rows under a standard cell “ĐG Mức 4” are Mức 4 rows", () => {
    const grid = gridFromStrings([
      PROGRESS_BASE.header as string[],
      ...(PROGRESS_BASE.body as string[][]),
    ]);
    const header = recognizeHeader(grid);
    if (!header.ok) throw new Error(header.reason);
    const rows = readPlanTable(grid, header.match, tt17).rows;
    expect(rows.map((r) => [r.kind, r.section, r.ref?.ref.id])).toEqual([
      ["criterion", null, "1.1"],
      ["criterion", null, "1.2"],
      ["criterion", null, "1.3"],
      ["criterion", null, "2.3"],
      ["level4", "level4", "2"],
    ]);
  });
});

describe("criterion references in a cell", () => {
  it.each([
    ["Tiêu chí 1.4; Tiêu chí 2.3", ["1.4", "2.3"]],
    ["TC 1.1, 1.2 và 1.3", ["1.1", "1.2", "1.3"]],
    ["Tiêu chí 1.1 - 1.4", ["1.1", "1.2", "1.3", "1.4"]],
    ["Tiêu chí 2. 2", ["2.2"]],
    ["Tiêu chí 1.2: Hội đồng trường và các hội đồng khác", ["1.2"]],
    ["không phải tiêu chí", []],
  ])("%s", (text, ids) => {
    expect(parseCriterionRefs(text).map((r) => r.ref.id)).toEqual(ids);
  });

  it("under MỨC 4: “Tiêu chí 2, 4, 5”", () => {
    expect(
      parseCriterionRefs("Tiêu chí 2, 4, 5", { section: "level4" }).map((r) => r.ref.id)
    ).toEqual(["2", "4", "5"]);
  });
});

describe("timeframes in every form plans write", () => {
  const range = (fy: number | null, fm: number, ty: number | null, tm: number) => ({
    kind: "range",
    from: { year: fy, month: fm },
    to: { year: ty, month: tm },
  });
  it.each([
    ["Trong nă m học 2021-2022,", { kind: "school-year", start: 2021 }],
    ["Năm 2023", { kind: "year", year: 2023 }],
    ["Tháng 6 đến tháng 9 hằng năm.", range(null, 6, null, 9)],
    ["08 – 11", range(null, 8, null, 11)],
    ["08/2024 – 11/2024", range(2024, 8, 2024, 11)],
    ["08/2025 – 11/2025", range(2025, 8, 2025, 11)],
    ["Xuyên suốt NH 2023-2024", { kind: "school-year", start: 2023 }],
    ["Đầu NH 2023-2024", { kind: "school-year", start: 2023 }],
    ["- Tháng 7/2023 đến 3/2024", range(2023, 7, 2024, 3)],
    ["Tháng 8 – 9/2025", range(2025, 8, 2025, 9)],
    ["Cuối học kỳ I", { kind: "term", term: 1 }],
    ["HK2", { kind: "term", term: 2 }],
    ["2026-09-01 - 2027-05-31", range(2026, 9, 2027, 5)],
    ["Tháng 9 năm 2025", range(2025, 9, 2025, 9)],
    ["Năm học 2023-24", { kind: "school-year", start: 2023 }],
    ["Liên tục", { kind: "ongoing" }],
    ["Khi có kinh phí", { kind: "unparseable" }],
  ])("%s", (text, expected) => expect(parseTimeframe(text)).toEqual(expected));

  it("says a row of last school year's dates is last school year's, and groups rows of one cause", () => {
    const rows = [
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
      [
        "1",
        "1.1",
        "1",
        "Rà soát phương hướng chiến lược của nhà trường",
        "08/2024 – 11/2024",
        "HT",
        "",
        "",
        "",
      ],
      [
        "1",
        "1.2",
        "2",
        "Kiện toàn hội đồng trường theo quy định mới",
        "08/2024 – 11/2024",
        "HT",
        "",
        "",
        "",
      ],
      [
        "1",
        "1.3",
        "3",
        "Nâng cao vai trò của chi bộ trong nhà trường",
        "09/2024 – 12/2024",
        "HT",
        "",
        "",
        "",
      ],
      [
        "1",
        "1.4",
        "4",
        "Sinh hoạt chuyên môn theo nghiên cứu bài học",
        "10/2025 – 12/2025",
        "PHT",
        "",
        "",
        "",
      ],
    ];
    const found = checkTable(rows, ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026"], {
      rule: "timeframe",
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      message:
        "3 dòng ghi thời gian thuộc năm học 2024-2025, trước năm học 2025-2026 của kế hoạch: Tiêu chí 1.1 (“08/2024 – 11/2024”), Tiêu chí 1.2 (“08/2024 – 11/2024”), Tiêu chí 1.3 (“09/2024 – 12/2024”).",
      related: [{ row: 1 }, { row: 2 }, { row: 3 }].map((r) => ({ table: "t", column: 4, ...r })),
    });
  });
});

describe("budgets", () => {
  it.each([
    ["Không", "none"],
    ["", "none"],
    ["200.000đ/chuyên đề", "recurring"],
    ["Hỗ trợ 30% kinh phí học tập", "share"],
    ["4 tỷ đồng", "amount"],
    ["100 triệu", "amount"],
    ["Ngân sách nhà nước, xã hội hóa", "source"],
  ])("%s", (text, kind) => expect(parseBudget(text).kind).toBe(kind));

  it("a share or resources in words is no finding; a total that does not add up is", () => {
    const rows = [
      [
        "Tiêu chí",
        "Người thực hiện",
        "Dự kiến kinh phí (nếu có)",
        "Thời gian thực hiện",
        "Giải pháp",
      ],
      ["Tiêu chí 1.4", "HT", "Hỗ trợ 30% kinh phí học tập", "Năm 2023", "Hỗ trợ học sinh khó khăn"],
      ["Tiêu chí 3.3", "BGH", "4 tỷ đồng", "Năm 2023", "Tham mưu xây phòng học"],
      ["Tiêu chí 3.6", "CB", "100 triệu", "Năm 2023", "Cải tạo thư viện"],
      ["Tổng cộng", "", "4,2 tỷ", "", ""],
    ];
    const found = checkTable(rows, ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIAI ĐOẠN 2022-2025"], {
      rule: "budget",
    });
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      [
        "error",
        "Dòng tổng cộng ghi 4.200.000.000 đồng, nhưng các khoản một lần của bảng cộng lại là 4.100.000.000 đồng.",
      ],
      ["hint", "Tổng kinh phí dự kiến (các khoản một lần): 4.100.000.000 đồng."],
    ]);
  });
});

describe("the school level when nothing cites a circular", () => {
  it("from the titles in the table: a standard or criterion title only one circular has", () => {
    expect(detectPlanIdentity(["Tiêu chí 3.4: Khối phòng tổ chức ăn"]).level).toBe("mam-non");
    expect(
      detectPlanIdentity(["Tiêu chí 5.2: Thực hiện chương trình giáo dục phổ thông cấp tiểu học"])
        .level
    ).toBe("tieu-hoc");
    expect(
      detectPlanIdentity([
        "Tiêu chí 3.3: Khối hành chính - quản trị",
        "Tiêu chí 5.6: Kết quả giáo dục",
      ]).level
    ).toBe("trung-hoc");
    // The school's name outweighs a title copied from another level (that copy is a finding).
    expect(
      detectPlanIdentity([
        "TRƯỜNG TIỂU HỌC BẮC HƯNG",
        "Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ",
      ]).level
    ).toBe("tieu-hoc");
    // A criterion the level does not have rules it out.
    expect(
      detectPlanIdentity(["Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên", "Tiêu chí 2.4"])
        .level
    ).toBeNull();
    expect(detectPlanIdentity(["Kế hoạch"]).level).toBeNull();
  });

  it("from the file's name, and the everyday names of the levels", () => {
    expect(levelFromFileName("ke-hoach-thcs-2025.xlsx")).toBe("trung-hoc");
    expect(levelFromFileName("KH cai tien MN Hoa Sen.docx")).toBe("mam-non");
    expect(levelFromFileName("Kế hoạch tiểu học.docx")).toBe("tieu-hoc");
    expect(levelFromFileName("ke-hoach-2025.xlsx")).toBeNull();
    expect(levelFromFileName("th-thang-9.xlsx")).toBeNull();
    expect(parseSchoolLevel("THPT")).toBe("trung-hoc");
    expect(parseSchoolLevel("trung-hoc")).toBe("trung-hoc");
    expect(parseSchoolLevel("đại học")).toBeNull();
  });
});

describe("the plan with every row written twice (progress layout)", () => {
  it("gives one finding for the copies, no renumbering, and still finds last year's dates", () => {
    const body = (PROGRESS_BASE.body as string[][]).flatMap((r) => [r, [...r]]);
    const found = checkTable(
      [PROGRESS_BASE.header as string[], ...body],
      PROGRESS_BASE.paragraphs as string[]
    );
    const aboutCopies = found.filter((f) => ["duplicate-row", "row-numbers"].includes(f.rule));
    expect(aboutCopies).toHaveLength(1);
    expect(aboutCopies[0]?.message).toMatch(/^Gần như mọi dòng của bảng xuất hiện hai lần \(5 cặp/);
    expect(aboutCopies[0]?.related).toHaveLength(5);
    expect(
      found.filter((f) => f.severity === "error").map((f) => `${f.rule}:${f.criterion}`)
    ).toEqual(["timeframe:2.3"]);
    expect(found.length).toBeLessThanOrEqual(5);
  });
});

describe("never silent", () => {
  it("names a table that looks like a plan but is not understood, and a document without a plan table", () => {
    const rows = [
      ["TT", "Tiêu chí", "Thời gian", "Người phụ trách"],
      ["1", "Tiêu chí 1.1", "Tháng 9/2025", "HT"],
    ];
    const found = checkTable(rows, ["KẾ HOẠCH NĂM HỌC 2025-2026"], {
      framework: tt18,
      rule: "table-not-understood",
      where: "Bảng 2",
    }).map((f) => f.message);
    expect(found).toEqual([
      "Bảng 2: Bảng giống bảng kế hoạch cải tiến (nhận ra cột “TT”, “Tiêu chuẩn, tiêu chí”, “Thời gian thực hiện và hoàn thành”, “Chủ trì và phối hợp thực hiện”) nhưng thiếu cột “Công việc/giải pháp cần thực hiện” hoặc “Nội dung kế hoạch”. KHCT chưa kiểm tra, chưa điền bảng này.",
      "Không thấy bảng kế hoạch cải tiến trong 1 bảng của tài liệu: bảng kế hoạch cần có cột giải pháp hoặc nội dung công việc và các cột như tiêu chí, người chủ trì, thời gian.",
    ]);
  });
});

describe("self-assessment marks as schools write them", () => {
  it("reads “x”, “✓” and the column's own words (“Đạt”, “Mức 2”, “Không đạt”)", () => {
    const grid = buildGrid([
      [
        { text: "Tiêu chuẩn, tiêu chí", rowSpan: 2 },
        { text: "Kết quả", colSpan: 5 },
      ],
      ["Không đạt", "Đạt", "Mức 1", "Mức 2", "Mức 3"].map((text) => ({ text })),
      ["Tiêu chí 1.1", "", "", "", "✓", ""].map((text) => ({ text })),
      ["Tiêu chí 1.2", "", "", "", "Mức 2", ""].map((text) => ({ text })),
      ["Tiêu chí 1.3", "Không đạt", "", "", "", ""].map((text) => ({ text })),
      ["Tiêu chí 1.4", "", "Đạt", "", "", ""].map((text) => ({ text })),
      ["Tiêu chí 1.5", "", "", "", "", "Đạt"].map((text) => ({ text })),
    ]);
    const [table] = analyseTables([{ key: "t", where: "Bảng 1", grid }], tt17);
    expect(table?.kind).toBe("assessment");
    const { results } = readAssessment(table!.table!);
    expect(Object.fromEntries(results.levels)).toEqual({
      "1.1": 2,
      "1.2": 2,
      "1.3": 0,
      "1.4": 1,
      "1.5": 3,
    });
  });
});

describe("khct check on a workbook holding only a plan table", () => {
  it("finds the level from the titles in the table, without --level", async () => {
    const rows = [
      ["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt", "Giải pháp", "Chủ trì", "Thời gian"],
      ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "", "", "", ""],
      [
        "",
        "Tiêu chí 1.5: Tổ chức nhóm trẻ và lớp mẫu giáo",
        "Đủ lớp",
        "Tuyển sinh",
        "HT",
        "Tháng 9/2025",
      ],
      [
        "5",
        "Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ",
        "",
        "",
        "",
        "",
      ],
      [
        "",
        "Tiêu chí 5.1: Thực hiện Chương trình giáo dục mầm non",
        "Đạt",
        "Bồi dưỡng",
        "PHT",
        "Tháng 10/2025",
      ],
    ].map((r) => r.map((text) => ({ text })));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-level-"));
    const file = path.join(dir, "bang-ke-hoach.xlsx");
    fs.writeFileSync(file, await xlsxOf([], rows, { row: 0, col: 0 }));
    const result = await run(["check", file, "--json"]);
    fs.rmSync(dir, { recursive: true, force: true });
    const [report] = JSON.parse(result.stdout);
    expect(report.level).toBe("mam-non");
    expect(report.layout).not.toBeNull();
    expect(result.exitCode).not.toBe(2);
  });
});

describe("tables in a sheet", () => {
  it("are found whatever the header's depth: three header rows and an index row under a heading", () => {
    const grid = buildGrid([
      [{ text: "II. KẾT QUẢ TỰ ĐÁNH GIÁ" }, ...Array.from({ length: 5 }, () => ({ text: "" }))],
      [
        { text: "Tiêu chuẩn, tiêu chí", rowSpan: 3 },
        { text: "Kết quả", colSpan: 4 },
        { text: "Nội dung không đạt", rowSpan: 3 },
      ],
      [
        { text: "Không đạt", rowSpan: 2 },
        { text: "Đạt", colSpan: 3 },
      ],
      ["Mức 1", "Mức 2", "Mức 3"].map((text) => ({ text })),
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"].map((text) => ({ text })),
      ["Tiêu chí 1.1", "", "x", "", "", ""].map((text) => ({ text })),
    ]);
    const [found] = locateTables(grid);
    expect(found && [found.start, found.header.headerRows, found.header.layout.kind]).toEqual([
      1,
      4,
      "assessment",
    ]);
  });
});
