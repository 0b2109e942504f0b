/**
 * The base tables of the robustness corpus, transcribed from the real plans (test/fixtures/seeds
 * and the reading issue's THCS plan), each with the paragraphs that give its year and level and
 * with its known mistakes.
 */
import type { SchoolLevel } from "../../src/core/schoolLevel";
import { chooseFramework, type Framework } from "../../src/core/catalogue";
import { detectPlanIdentity } from "../../src/core/plan/identity";
import { ASSESSMENT_2022, PROGRESS_2025, SOLUTIONS_2022, STANDARD_2021 } from "../fixtures/tables";
import type { BaseTable } from "./generate";
import type { RawCell } from "../../src/core/plan/table";

export interface CorpusBase extends BaseTable {
  readonly level: SchoolLevel;
  readonly paragraphs: readonly string[];
  /**
   * The mistakes a reader must find in every variant, as "rule:criterion" ("rule:" when the finding
   * names no criterion): the Lỗi of the unmutated plan.
   */
  readonly errors: readonly string[];
}

/** A merged RawCell table as one text per column (merged cells: text where they start). */
function flat(rows: readonly (readonly RawCell[])[], cols: number): string[][] {
  return rows.map((row) => {
    const out: string[] = [];
    for (const cell of row) {
      out.push(cell.text);
      for (let k = 1; k < (cell.colSpan ?? 1); k++) out.push("");
    }
    while (out.length < cols) out.push("");
    return out;
  });
}

const standard = flat(STANDARD_2021, 9);

export const STANDARD_BASE: CorpusBase = {
  name: "standard-2021",
  kind: "plan",
  level: "tieu-hoc",
  year: 2021,
  roles: [
    "tt",
    "criterion",
    "target",
    "solution",
    "responsible",
    "timeframe",
    "budget",
    "support",
    "note",
  ],
  header: standard[0] as string[],
  body: standard.slice(1),
  keep: new Set(),
  paragraphs: [
    "TRƯỜNG TIỂU HỌC BẮC HƯNG",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2021-2022",
  ],
  // A preschool title under standard 5, which is numbered 4.
  errors: ["standard-title:", "standard-numbering:"],
};

/** The reading issue's THCS plan: no "Kết quả cần đạt", a Mức column, "Điều kiện". */
export const THCS_BASE: CorpusBase = {
  name: "thcs-2023",
  kind: "plan",
  level: "trung-hoc",
  year: 2023,
  roles: [
    "tt",
    "criterion",
    "level",
    "solution",
    "responsible",
    "timeframe",
    "budget",
    "support",
    "note",
  ],
  header: [
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
  body: [
    ["MỨC 1, 2, 3", "", "", "", "", "", "", "", ""],
    ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "", "", "", "", "", "", ""],
    [
      "",
      "Tiêu chí 1.4",
      "Mức 2",
      "Kiện toàn tổ chuyên môn, sinh hoạt chuyên môn theo nghiên cứu bài học",
      "Phó hiệu trưởng",
      "Tháng 9/2023 đến tháng 5/2024",
      "Không",
      "",
      "",
    ],
    [
      "",
      "Tiêu chí 1.6",
      "Mức 3",
      "Công khai tài chính, tài sản định kỳ theo quy định trên cổng thông tin",
      "Kế toán",
      "Trong năm học 2023-2024",
      "",
      "",
      "",
    ],
    ["2", "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên", "", "", "", "", "", "", ""],
    [
      "",
      "Tiêu chí 2.2",
      "Mức 2",
      "Cử giáo viên tham gia bồi dưỡng thường xuyên, học nâng chuẩn",
      "Hiệu trưởng",
      "Năm học 2023-2024",
      "15 triệu",
      "",
      "",
    ],
    [
      "",
      "Tiêu chí 2.2",
      "Mức 2",
      "Tổ chức chuyên đề đổi mới phương pháp dạy học cho giáo viên trẻ",
      "Tổ trưởng",
      "Học kỳ I",
      "",
      "",
      "",
    ],
    ["3", "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học", "", "", "", "", "", "", ""],
    [
      "",
      "Tiêu chí 3.3",
      "Mức 2",
      "Tham mưu xây dựng khối phòng hành chính quản trị đủ diện tích",
      "Hiệu trưởng",
      "",
      "4 tỷ đồng",
      "",
      "",
    ],
    ["4", "Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục", "", "", "", "", "", "", ""],
    [
      "",
      "Tiêu chí 5.1",
      "Mức 3",
      "Thực hiện chương trình giáo dục phổ thông theo kế hoạch của nhà trường",
      "Phó hiệu trưởng",
      "Tháng 8/2023",
      "",
      "",
      "",
    ],
  ],
  keep: new Set([8, 10]),
  paragraphs: [
    "TRƯỜNG THCS NGUYỄN TRÃI",
    "Hải Dương, ngày 10 tháng 10 năm 2023",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2023-2024",
  ],
  // Standard 2 titled as in the preschool circular, 2.2 twice, standard 5 numbered 4, an empty
  // time cell, a time before the plan's date.
  errors: ["standard-title:", "criterion-duplicate:2.2", "standard-numbering:", "timeframe:5.1"],
};

const progress = flat(PROGRESS_2025, 9);

export const PROGRESS_BASE: CorpusBase = {
  name: "progress-2025",
  kind: "plan",
  tasks: true,
  level: "tieu-hoc",
  year: 2025,
  roles: [
    "standard",
    "criterion",
    "tt",
    "content",
    "timeframe",
    "responsible",
    "progress",
    "result",
    "note",
  ],
  header: progress[0] as string[],
  body: [
    ["1", ...(progress[1] as string[]).slice(1)],
    ["1", ...(progress[2] as string[]).slice(0, 8)],
    ["1", ...(progress[3] as string[]).slice(0, 8)],
    [
      "2",
      "2.3",
      "4",
      "Bổ sung nhân viên thư viện, thiết bị theo vị trí việc làm",
      "08/2024 – 11/2024",
      "Hiệu trưởng",
      "Chưa thực hiện",
      "",
      "",
    ],
    [
      "ĐG Mức 4",
      "2",
      "5",
      "Xây dựng và triển khai chương trình hỗ trợ cá nhân hóa học tập cho học sinh",
      "09 – 06",
      "Nguyễn Thị Bích Liên",
      "Đã khảo sát nhu cầu học sinh",
      "",
      "",
    ],
  ],
  keep: new Set([3]),
  paragraphs: [
    "TRƯỜNG TIỂU HỌC HOA SEN",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
  ],
  // Times of the previous school year.
  errors: ["timeframe:2.3"],
};

const solutions = flat(SOLUTIONS_2022, 5);

export const SOLUTIONS_BASE: CorpusBase = {
  name: "solutions-2022",
  kind: "plan",
  level: "tieu-hoc",
  year: 2022,
  roles: ["criterion", "responsible", "budget", "timeframe", "solution"],
  header: solutions[0] as string[],
  body: solutions.slice(1),
  keep: new Set(),
  paragraphs: [
    "TRƯỜNG TIỂU HỌC THANH LUÔNG",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC GIAI ĐOẠN 2022-2025",
  ],
  errors: [],
};

export const ASSESSMENT_BASE: CorpusBase = {
  name: "assessment-2022",
  kind: "assessment",
  level: "tieu-hoc",
  year: 2022,
  roles: ["criterion", "fail", "pass", "level1", "level2", "level3", "unmet"],
  header: [
    "Tiêu chuẩn, tiêu chí",
    "Không đạt",
    "Đạt",
    "Mức 1",
    "Mức 2",
    "Mức 3",
    "Nội dung không đạt",
  ],
  body: flat(ASSESSMENT_2022, 7).slice(2),
  keep: new Set(),
  paragraphs: [
    "TRƯỜNG TIỂU HỌC THANH LUÔNG",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC GIAI ĐOẠN 2022-2025",
  ],
  errors: [],
};

export const BASES: readonly CorpusBase[] = [
  STANDARD_BASE,
  THCS_BASE,
  PROGRESS_BASE,
  SOLUTIONS_BASE,
  ASSESSMENT_BASE,
];

/** The framework a base plan is checked against (its level, the circulars it cites, its year). */
export function frameworkOf(base: CorpusBase): Framework {
  const identity = detectPlanIdentity(base.paragraphs);
  return chooseFramework({
    level: base.level,
    citedCirculars: identity.citedCirculars,
    schoolYear: identity.schoolYear,
    override: null,
  }).framework;
}
