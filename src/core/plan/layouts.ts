/**
 * The layouts of plan tables seen in real plans, as data: each column's role, its standard header
 * and the wordings schools use for it (matched on folded text: no diacritics, lower case).
 */
export type ColumnRole =
  | "tt"
  | "standard"
  | "criterion"
  | "target"
  | "solution"
  | "responsible"
  | "timeframe"
  | "budget"
  | "support"
  | "note"
  | "level"
  | "content"
  | "progress"
  | "result"
  | "fail"
  | "pass"
  | "level1"
  | "level2"
  | "level3"
  | "unmet"
  | "achieved"
  | "person"
  | "position";

export type LayoutId =
  | "standard"
  | "standard-level"
  | "progress"
  | "solutions"
  | "assessment"
  | "assessment-level4"
  | "staff";

export interface LayoutColumn {
  readonly role: ColumnRole;
  /** The standard header text, for a new table. */
  readonly header: string;
  /** Wordings seen in plans, tried in order against the folded header. */
  readonly variants: readonly RegExp[];
  readonly required: boolean;
  /** Recognised when a school (or KHCT, on request) added it; never part of a new table. */
  readonly extra?: boolean;
}

export interface Layout {
  readonly id: LayoutId;
  /** Vietnamese name shown to the user. */
  readonly name: string;
  /** "staff": the plan's staff list (name, role), kept in the document by the school. */
  readonly kind: "plan" | "assessment" | "staff";
  readonly columns: readonly LayoutColumn[];
  /** Several rows per criterion are normal (progress tracking lists tasks). */
  readonly rowsPerCriterion: "one" | "many";
  /** The TT column numbers every row, not only the standard rows. */
  readonly numbersEveryRow: boolean;
  /** Whether the table has "MỨC 1, 2, 3" / "MỨC 4" section rows and standard rows. */
  readonly groupRows: boolean;
}

const col = (
  role: ColumnRole,
  header: string,
  variants: RegExp[],
  required = true
): LayoutColumn => ({ role, header, variants, required });

const TT = col("tt", "TT", [/^(s ?tt|tt|so tt|so thu tu)$/]);
const CRITERION_COMBINED = col("criterion", "Tiêu chuẩn, tiêu chí", [
  /^tieu chuan,? ?tieu chi$/,
  /^tieu chuan va tieu chi$/,
  /^tieu chi$/,
]);
const TARGET = col("target", "Kết quả cần đạt (so với hiện trạng)", [
  /ket qua can dat/,
  /muc tieu can dat/,
]);
const SOLUTION = col("solution", "Công việc/giải pháp cần thực hiện", [
  /cong viec/,
  /giai phap/,
  /bien phap/,
]);
const RESPONSIBLE = col("responsible", "Chủ trì và phối hợp thực hiện", [
  /chu tri/,
  /phoi hop/,
  /nguoi (chiu trach nhiem|thuc hien|phu trach)/,
  /phu trach/,
  /^nguoi thuc hien$/,
]);
const TIMEFRAME = col("timeframe", "Thời gian thực hiện và hoàn thành", [/thoi gian/, /thoi han/]);
const BUDGET = col("budget", "Dự kiến kinh phí", [/kinh phi/], false);
const SUPPORT = col("support", "Điều kiện hỗ trợ khác", [/dieu kien ho tro/, /ho tro khac/], false);
const NOTE = col("note", "Ghi chú", [/ghi chu/], false);
/** The headers of the two columns "Theo dõi" adds to a plan table on request, left to right. */
export const PROGRESS_HEADERS = ["Tiến độ thực hiện", "Kết quả thực hiện"] as const;
/** Progress columns a plan table may gain during the year ("Theo dõi" adds them on request). */
const PROGRESS_EXTRA: LayoutColumn = {
  ...col("progress", PROGRESS_HEADERS[0], [/tien do/], false),
  extra: true,
};
const RESULT_EXTRA: LayoutColumn = {
  ...col("result", PROGRESS_HEADERS[1], [/^ket qua( dat duoc| thuc hien)$/], false),
  extra: true,
};

export const LAYOUTS: readonly Layout[] = [
  {
    id: "standard",
    name: "Bảng kế hoạch chuẩn (9 cột)",
    kind: "plan",
    columns: [
      TT,
      CRITERION_COMBINED,
      TARGET,
      SOLUTION,
      RESPONSIBLE,
      TIMEFRAME,
      BUDGET,
      SUPPORT,
      NOTE,
      PROGRESS_EXTRA,
      RESULT_EXTRA,
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: true,
  },
  {
    id: "standard-level",
    name: "Bảng kế hoạch chuẩn có cột Mức",
    kind: "plan",
    columns: [
      TT,
      CRITERION_COMBINED,
      col("level", "Mức", [/^muc( dat| can dat| muc tieu| phan dau)?$/]),
      TARGET,
      SOLUTION,
      RESPONSIBLE,
      TIMEFRAME,
      BUDGET,
      SUPPORT,
      NOTE,
      PROGRESS_EXTRA,
      RESULT_EXTRA,
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: true,
  },
  {
    id: "progress",
    name: "Bảng theo dõi tiến độ",
    kind: "plan",
    columns: [
      col("standard", "Tiêu chuẩn", [/^tieu chuan$/]),
      col("criterion", "Tiêu chí", [/^tieu chi$/]),
      TT,
      col("content", "Nội dung kế hoạch", [/noi dung ke hoach/, /^noi dung( cong viec)?$/]),
      col("timeframe", "Thời gian dự kiến", [/thoi gian/]),
      col("responsible", "Người chịu trách nhiệm", [
        /nguoi chiu trach nhiem/,
        /phu trach/,
        /chu tri/,
      ]),
      col("progress", "Tiến độ thực hiện", [/tien do/]),
      col("result", "Kết quả", [/^ket qua( dat duoc| thuc hien)?$/]),
      NOTE,
    ],
    rowsPerCriterion: "many",
    numbersEveryRow: true,
    groupRows: false,
  },
  {
    id: "solutions",
    name: "Bảng giải pháp theo tiêu chí",
    kind: "plan",
    columns: [
      col("criterion", "Tiêu chí", [/^tieu chi$/]),
      col("responsible", "Người thực hiện", [/nguoi thuc hien/, /chu tri/, /phu trach/]),
      col("budget", "Dự kiến kinh phí (nếu có)", [/kinh phi/], false),
      col("timeframe", "Thời gian thực hiện", [/thoi gian/]),
      col("solution", "Giải pháp", [/giai phap/, /bien phap/]),
      PROGRESS_EXTRA,
      RESULT_EXTRA,
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: false,
  },
  {
    id: "assessment",
    name: "Bảng kết quả tự đánh giá (Mức 1, 2, 3)",
    kind: "assessment",
    columns: [
      CRITERION_COMBINED,
      col("fail", "Không đạt", [/(^| )khong dat$/]),
      col("pass", "Đạt", [/(^| )dat$/]),
      col("level1", "Mức 1", [/muc 1$/]),
      col("level2", "Mức 2", [/muc 2$/]),
      col("level3", "Mức 3", [/muc 3$/]),
      col("unmet", "Nội dung không đạt", [/noi dung (khong dat|chua dat)/], false),
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: true,
  },
  {
    id: "assessment-level4",
    name: "Bảng kết quả tiêu chí Mức 4",
    kind: "assessment",
    columns: [
      col("criterion", "Tiêu chí", [/^tieu chi$/]),
      col("fail", "Không đạt", [/(^| )khong dat$/]),
      col("pass", "Đạt", [/(^| )dat$/]),
      col("achieved", "Nội dung đã đạt", [/noi dung (da )?dat/], false),
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: false,
  },
];

/** The staff list a school keeps in the plan: "TT | Họ và tên | Chức vụ (| Nhiệm vụ)". */
export const STAFF_LAYOUT: Layout = {
  id: "staff",
  name: "Danh sách cán bộ, giáo viên, nhân viên",
  kind: "staff",
  columns: [
    col("tt", "TT", [/^(s ?tt|tt|so tt|so thu tu)$/], false),
    col("person", "Họ và tên", [/^ho (va )?ten$/, /^ho ten can bo/]),
    col("position", "Chức vụ", [/^chuc vu/, /^chuc danh/]),
  ],
  rowsPerCriterion: "one",
  numbersEveryRow: true,
  groupRows: false,
};

/** The columns a new table of the layout has (without the ones added during the year). */
export function createdColumns(layout: Layout): readonly LayoutColumn[] {
  return layout.columns.filter((c) => !c.extra);
}

export function layoutById(id: LayoutId): Layout {
  const layout = [...LAYOUTS, STAFF_LAYOUT].find((l) => l.id === id);
  if (!layout) throw new Error(`layout ${id}`);
  return layout;
}
