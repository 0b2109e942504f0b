/**
 * Plans on Thông tư 57/2026's form (Biểu 2 Phụ lục V as school apps print it: sections I–VIII, the
 * Mục IV / V / VI tables), with the label variants the apps use and the mistakes the form invites.
 * Source of the form: reference/catalogue/tt57-2026.json, improvementPlanFormReported.
 */
import { FORM_PLACEHOLDERS } from "../../src/core/plan/formFill";

export interface Tt57Plan {
  readonly paragraphs: string[];
  /** Mục IV, Mục V, Mục VI, in document order (absent tables are left out). */
  readonly tables: string[][][];
}

export type Labels = "long" | "numbered" | "short";

/** The form's tables as `khct new --framework tt57-…` writes them: `n` blank rows of placeholders. */
export function blankIssues(n = 3): string[][] {
  const P = FORM_PLACEHOLDERS;
  return [
    [...(ISSUES_HEADER.long as string[])],
    ...Array.from({ length: n }, (_, i) => [
      String(i + 1),
      P.standard,
      P.criterion,
      P.currentState,
      P.weakness,
      P.cause,
    ]),
  ];
}
export function blankPlan(n = 3, year = "2026-2027"): string[][] {
  const P = FORM_PLACEHOLDERS;
  return [
    [...(PLAN_HEADER.long as string[])],
    ...Array.from({ length: n }, (_, i) => [
      String(i + 1),
      P.content,
      P.target,
      P.solution,
      P.indicator,
      `Trong năm học ${year}`,
      P.responsible,
      P.resources,
      P.evidence,
      "",
    ]),
  ];
}
export function blankMonitoring(): string[][] {
  const P = FORM_PLACEHOLDERS;
  return [
    [...(MONITORING_HEADER.long as string[])],
    ["Cuối học kỳ I", P.monitored, "", "", P.assessor],
    ["Cuối năm học", P.monitored, "", "", P.assessor],
  ];
}

export const ISSUES_HEADER: Readonly<Record<Labels, string[]>> = {
  long: [
    "TT",
    "Tiêu chuẩn",
    "Tiêu chí liên quan (nếu có)",
    "Đánh giá hiện trạng",
    "Điểm hạn chế",
    "Nguyên nhân của hạn chế",
  ],
  numbered: [
    "TT",
    "Tiêu chuẩn",
    "Tiêu chí (nếu có)",
    "Đánh giá hiện trạng",
    "Điểm hạn chế",
    "Nguyên nhân",
  ],
  short: ["TT", "Tiêu chuẩn", "Tiêu chí", "Hiện trạng", "Hạn chế", "Nguyên nhân"],
};
export const PLAN_HEADER: Readonly<Record<Labels, string[]>> = {
  long: [
    "TT",
    "Nội dung cải tiến",
    "Mục tiêu cải tiến",
    "Hoạt động/giải pháp",
    "Chỉ số đánh giá kết quả",
    "Thời gian thực hiện",
    "Đơn vị/cá nhân phụ trách",
    "Nguồn lực bảo đảm",
    "Thông tin, dữ liệu hoặc minh chứng dự kiến",
    "Mức độ thực hiện",
  ],
  numbered: [
    "TT\n(1)",
    "Nội dung cải tiến\n(2)",
    "Mục tiêu\n(3)",
    "Hoạt động, giải pháp\n(4)",
    "Chỉ số đánh giá kết quả\n(5)",
    "Thời gian\n(6)",
    "Phụ trách\n(7)",
    "Nguồn lực\n(8)",
    "Minh chứng dự kiến\n(9)",
    "Mức độ thực hiện\n(10)",
  ],
  short: [
    "TT",
    "Nội dung",
    "Mục tiêu",
    "Giải pháp",
    "Chỉ số kết quả",
    "Thời gian",
    "Phụ trách",
    "Nguồn lực",
    "Minh chứng dự kiến",
    "Mức độ",
  ],
};
export const MONITORING_HEADER: Readonly<Record<Labels, string[]>> = {
  long: [
    "Thời điểm",
    "Nội dung theo dõi",
    "Kết quả thực hiện",
    "Điều chỉnh (nếu có)",
    "Người đánh giá",
  ],
  numbered: [
    "Thời điểm",
    "Nội dung theo dõi",
    "Kết quả thực hiện",
    "Điều chỉnh (nếu có)",
    "Người đánh giá",
  ],
  short: ["TT", "Thời điểm", "Nội dung", "Kết quả", "Điều chỉnh", "Người đánh giá"],
};

export const SECTION_HEADINGS = [
  "I. THÔNG TIN CHUNG",
  "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH",
  "III. MỤC ĐÍCH, YÊU CẦU",
  "IV. TÓM TẮT CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN",
  "V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG",
  "VI. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN (GIÁM SÁT NỘI BỘ)",
  "VII. TỔ CHỨC THỰC HIỆN",
  "VIII. CƠ CHẾ ĐÁNH GIÁ VÀ BÁO CÁO",
];

/** A primary school's plan for 2026-2027 with three priority issues and their items. */
export function tt57Plan(labels: Labels = "long", options: { indexRow?: boolean } = {}): Tt57Plan {
  const paragraphs = [
    "UBND XÃ HOA SEN",
    "TRƯỜNG TIỂU HỌC HOA SEN",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2026-2027",
    SECTION_HEADINGS[0] as string,
    "1. Tên cơ sở giáo dục: Trường Tiểu học Hoa Sen",
    SECTION_HEADINGS[1] as string,
    "1. Báo cáo tự đánh giá năm học 2025-2026",
    SECTION_HEADINGS[2] as string,
    "b) Không xây dựng kế hoạch cải tiến đối với toàn bộ tiêu chí mà tập trung vào các vấn đề ưu tiên;",
    SECTION_HEADINGS[3] as string,
    SECTION_HEADINGS[4] as string,
    SECTION_HEADINGS[5] as string,
    SECTION_HEADINGS[6] as string,
    "1. Người đứng đầu cơ sở giáo dục",
    SECTION_HEADINGS[7] as string,
    "a) Thực hiện rà soát, đánh giá tối thiểu 02 lần trong năm học;",
  ];
  const index = (n: number) => Array.from({ length: n }, (_, i) => `(${i + 1})`);
  const issues = [
    ISSUES_HEADER[labels],
    ...(options.indexRow ? [index(6)] : []),
    [
      "1",
      "1",
      "1.4",
      "Tổ chuyên môn sinh hoạt định kỳ",
      "Sinh hoạt chuyên môn còn hình thức",
      "Giáo viên chưa chủ động đề xuất chủ đề",
    ],
    [
      "2",
      "3",
      "3.2",
      "Học sinh tham gia câu lạc bộ",
      "Câu lạc bộ kỹ năng sống ít học sinh tham gia",
      "Thiếu người phụ trách câu lạc bộ",
    ],
    [
      "3",
      "4",
      "",
      "Thư viện đủ đầu sách",
      "Thư viện thân thiện chưa khai thác hết",
      "Lịch đọc chưa cố định",
    ],
  ];
  const plan = [
    PLAN_HEADER[labels],
    ...(options.indexRow ? [index(10)] : []),
    [
      "1",
      "Đổi mới sinh hoạt chuyên môn (tiêu chí 1.4)",
      "100% tổ chuyên môn sinh hoạt theo nghiên cứu bài học",
      "Mỗi tổ đăng ký chủ đề; dự giờ, góp ý",
      "Số buổi sinh hoạt theo nghiên cứu bài học",
      "Tháng 9/2026 - tháng 5/2027",
      "Phó hiệu trưởng; tổ trưởng",
      "Kinh phí chi thường xuyên",
      "MC.1.4.01; MC.1.4.02",
      "Đang thực hiện",
    ],
    [
      "2",
      "Câu lạc bộ kỹ năng sống (tiêu chí 3.2)",
      "Ít nhất 60% học sinh tham gia câu lạc bộ",
      "Phân công giáo viên phụ trách câu lạc bộ, lập lịch sinh hoạt",
      "Tỉ lệ học sinh tham gia",
      "Học kỳ I năm học 2026-2027",
      "Tổng phụ trách Đội",
      "Phòng đa năng",
      "MC.3.2.01",
      "Chưa hoàn thành",
    ],
    [
      "3",
      "Khai thác thư viện thân thiện",
      "Mỗi lớp đọc thư viện 1 tiết/tuần",
      "Lập lịch đọc cố định cho từng lớp",
      "Số tiết đọc/lớp/tháng",
      "Tháng 10/2026 - tháng 4/2027",
      "Nhân viên thư viện",
      "Sách, giá sách",
      "MC.4.1.03",
      "Hoàn thành",
    ],
  ];
  const monitoring =
    labels === "short"
      ? [
          MONITORING_HEADER.short,
          ["1", "Cuối học kỳ I", "Tiến độ các việc 1–3", "", "", "Hiệu trưởng"],
          ["2", "Cuối năm học", "Kết quả các việc 1–3", "", "", "Hội đồng tự đánh giá"],
        ]
      : [
          MONITORING_HEADER[labels],
          ["Cuối học kỳ I", "Tiến độ các việc 1–3", "", "", "Hiệu trưởng"],
          ["Cuối năm học", "Kết quả các việc 1–3", "", "", "Hội đồng tự đánh giá"],
        ];
  return { paragraphs, tables: [issues, plan, monitoring] };
}

/** The body row of a table whose first cell is `tt` (or whose when-cell starts with it). */
export function rowOf(table: string[][], first: string): string[] {
  const row =
    table.find((r, i) => i > 0 && r[0] === first) ?? table.find((r, i) => i > 0 && r[1] === first);
  if (!row) throw new Error(`no row ${first}`);
  return row;
}
