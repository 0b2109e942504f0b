/**
 * What KHCT knows about plan tables, as data in one place:
 * - the column roles, each with the words schools use for it in a header (matched on folded text:
 *   no diacritics, lower case, column numbers such as "(1)" removed), a standard header for a new
 *   table, and the kinds of table it belongs to;
 * - the layouts KHCT writes and names (standard 9 columns, with a Mức column, progress tracking,
 *   solutions per criterion, the self-assessment results, the staff list).
 * An existing table is read column by column (header.ts): its layout is what was found there, and a
 * new wording is one more keyword below.
 */
export type ColumnRole =
  | "tt"
  | "standard"
  | "criterion"
  | "target"
  | "indicator"
  | "solution"
  | "responsible"
  | "timeframe"
  | "budget"
  | "resources"
  | "support"
  | "note"
  | "evidence"
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
  | "position"
  | "currentState"
  | "weakness"
  | "cause"
  | "when"
  | "monitored"
  | "adjustment"
  | "assessor";

/**
 * "issues" and "monitoring": the tables of Thông tư 57/2026's plan form (Biểu 2 Phụ lục V, as
 * reported by school apps) — Mục IV, the priority issues, and Mục VI, the monitoring record.
 */
export type TableKind = "plan" | "assessment" | "staff" | "issues" | "monitoring";

export interface RoleSpec {
  readonly role: ColumnRole;
  /** The header KHCT writes, and the column's name in messages. */
  readonly header: string;
  /** Header wordings seen in real plans and school apps, on folded text; the longest match wins. */
  readonly keywords: readonly RegExp[];
  /** The kinds of table the role belongs to. */
  readonly kinds: readonly TableKind[];
  /** Optional by nature ("(nếu có)", notes): left empty by fill, never required. */
  readonly optional?: boolean;
}

const PLAN: readonly TableKind[] = ["plan"];
const ASSESS: readonly TableKind[] = ["assessment"];
const ISSUES: readonly TableKind[] = ["issues"];
const MONITORING: readonly TableKind[] = ["monitoring"];

export const ROLE_SPECS: readonly RoleSpec[] = [
  {
    role: "tt",
    header: "TT",
    keywords: [/^(s ?tt|tt|so tt|so thu tu|thu tu)$/],
    kinds: ["plan", "staff", "issues", "monitoring"],
  },
  {
    role: "standard",
    header: "Tiêu chuẩn",
    keywords: [/^(ten )?tieu chuan$/],
    kinds: ["plan", "issues"],
  },
  {
    role: "criterion",
    header: "Tiêu chuẩn, tiêu chí",
    keywords: [
      /^tieu chuan,? ?(va )?tieu chi$/,
      /^(ten )?tieu chi( lien quan)?( neu co)?$/,
      /^tieu chi (can )?cai tien$/,
      /^tieu chi muc 4$/,
    ],
    kinds: ["plan", "assessment", "issues"],
  },
  {
    role: "level",
    header: "Mức",
    keywords: [
      /^muc( dat| can dat| muc tieu| phan dau| dat duoc)?$/,
      /^muc (can )?dat (muc tieu|duoc)$/,
    ],
    kinds: PLAN,
  },
  {
    role: "target",
    header: "Kết quả cần đạt (so với hiện trạng)",
    keywords: [
      /ket qua can dat/,
      /muc tieu can dat/,
      /^muc tieu( cai tien| can huong toi)?$/,
      /ket qua (du kien|mong doi)/,
    ],
    kinds: PLAN,
  },
  {
    role: "indicator",
    header: "Chỉ số đánh giá kết quả",
    keywords: [/chi so (danh gia )?(ket qua)?/],
    kinds: PLAN,
  },
  {
    role: "solution",
    header: "Công việc/giải pháp cần thực hiện",
    keywords: [/cong viec/, /giai phap/, /bien phap/, /^hoat dong/, /nhiem vu/],
    kinds: PLAN,
  },
  {
    role: "content",
    header: "Nội dung kế hoạch",
    keywords: [
      /noi dung ke hoach/,
      /noi dung cai tien/,
      /^noi dung( cong viec| thuc hien| hoat dong)?$/,
    ],
    kinds: ["plan", "monitoring"],
  },
  {
    role: "responsible",
    header: "Chủ trì và phối hợp thực hiện",
    keywords: [
      /chu tri/,
      /phoi hop/,
      /nguoi (chiu trach nhiem|thuc hien|phu trach)/,
      /phu trach/,
      /(don vi|ca nhan) (ca nhan )?(thuc hien|phu trach)/,
      /trach nhiem/,
      /^(nguoi|bo phan|luc luong) thuc hien$/,
    ],
    kinds: PLAN,
  },
  {
    role: "timeframe",
    header: "Thời gian thực hiện và hoàn thành",
    keywords: [/thoi gian/, /thoi han/, /^tien do thoi gian$/],
    kinds: PLAN,
  },
  {
    role: "budget",
    header: "Dự kiến kinh phí",
    keywords: [/kinh phi/, /ngan sach/],
    kinds: PLAN,
    optional: true,
  },
  {
    role: "resources",
    header: "Nguồn lực bảo đảm",
    keywords: [/nguon luc/],
    kinds: PLAN,
    optional: true,
  },
  {
    role: "support",
    header: "Điều kiện hỗ trợ khác",
    keywords: [/dieu kien ho tro/, /ho tro khac/, /^dieu kien( thuc hien| dam bao)?$/],
    kinds: PLAN,
    optional: true,
  },
  {
    role: "note",
    header: "Ghi chú",
    keywords: [/ghi chu/],
    kinds: ["plan", "staff"],
    optional: true,
  },
  {
    role: "evidence",
    header: "Thông tin, dữ liệu hoặc minh chứng dự kiến",
    keywords: [/minh chung/, /thong tin du lieu/],
    kinds: PLAN,
    optional: true,
  },
  {
    role: "progress",
    header: "Tiến độ thực hiện",
    keywords: [
      /tien do( thuc hien)?$/,
      /muc do (thuc hien|hoan thanh)/,
      /^muc do$/,
      /tinh trang( thuc hien)?$/,
    ],
    kinds: PLAN,
    optional: true,
  },
  {
    role: "result",
    header: "Kết quả thực hiện",
    keywords: [/^ket qua( dat duoc| thuc hien)?$/],
    kinds: ["plan", "monitoring"],
    optional: true,
  },
  { role: "fail", header: "Không đạt", keywords: [/(^| )(khong|chua) dat$/], kinds: ASSESS },
  { role: "pass", header: "Đạt", keywords: [/(^| )dat$/], kinds: ASSESS },
  { role: "level1", header: "Mức 1", keywords: [/muc 1$/, /muc i$/], kinds: ASSESS },
  { role: "level2", header: "Mức 2", keywords: [/muc 2$/, /muc ii$/], kinds: ASSESS },
  { role: "level3", header: "Mức 3", keywords: [/muc 3$/, /muc iii$/], kinds: ASSESS },
  {
    role: "unmet",
    header: "Nội dung không đạt",
    keywords: [/noi dung (khong dat|chua dat)/],
    kinds: ASSESS,
    optional: true,
  },
  {
    role: "achieved",
    header: "Nội dung đã đạt",
    keywords: [/noi dung (da )?dat/],
    kinds: ASSESS,
    optional: true,
  },
  { role: "person", header: "Họ và tên", keywords: [/^ho (va )?ten/], kinds: ["staff"] },
  // Thông tư 57/2026, Biểu 2 Phụ lục V (reported): Mục IV and Mục VI.
  {
    role: "currentState",
    header: "Đánh giá hiện trạng",
    keywords: [/^(danh gia )?hien trang$/, /^thuc trang$/],
    kinds: ISSUES,
  },
  {
    role: "weakness",
    header: "Điểm hạn chế",
    keywords: [/^(diem )?han che$/, /^(diem yeu|ton tai|ton tai, han che|han che, ton tai)$/],
    kinds: ISSUES,
  },
  {
    role: "cause",
    header: "Nguyên nhân của hạn chế",
    keywords: [/^nguyen nhan( cua han che| han che)?$/],
    kinds: ISSUES,
    optional: true,
  },
  {
    role: "when",
    header: "Thời điểm",
    keywords: [/^thoi diem( (danh gia|theo doi|ra soat))?$/],
    kinds: MONITORING,
  },
  {
    role: "monitored",
    header: "Nội dung theo dõi",
    keywords: [/^noi dung (theo doi|danh gia|ra soat)$/],
    kinds: MONITORING,
  },
  {
    role: "adjustment",
    header: "Điều chỉnh (nếu có)",
    keywords: [/^dieu chinh( neu co| bo sung)?$/],
    kinds: MONITORING,
    optional: true,
  },
  {
    role: "assessor",
    header: "Người đánh giá",
    keywords: [/^nguoi (danh gia|theo doi|kiem tra)$/],
    kinds: MONITORING,
  },
  { role: "position", header: "Chức vụ", keywords: [/^chuc vu/, /^chuc danh/], kinds: ["staff"] },
];

export function roleSpec(role: ColumnRole): RoleSpec {
  const spec = ROLE_SPECS.find((r) => r.role === role);
  if (!spec) throw new Error(`role ${role}`);
  return spec;
}

/** The column's name as a user reads it in a message. */
export function roleHeader(role: ColumnRole): string {
  return roleSpec(role).header;
}

/**
 * What makes a table of each kind. Plan: something to do (a solution or a content column) and at
 * least two more plan columns. Self-assessment: a criterion column and two result columns. Staff
 * list: a name and a position.
 */
export const KIND_RULES: Readonly<
  Record<
    TableKind,
    {
      readonly name: string;
      readonly anyOf: readonly ColumnRole[];
      readonly others: readonly ColumnRole[];
      readonly minOthers: number;
    }
  >
> = {
  plan: {
    name: "bảng kế hoạch cải tiến",
    anyOf: ["solution", "content"],
    others: [
      "tt",
      "standard",
      "criterion",
      "target",
      "indicator",
      "responsible",
      "timeframe",
      "budget",
      "resources",
      "level",
      "progress",
      "result",
      "evidence",
    ],
    minOthers: 2,
  },
  assessment: {
    name: "bảng kết quả tự đánh giá",
    anyOf: ["criterion"],
    others: ["fail", "pass", "level1", "level2", "level3"],
    minOthers: 2,
  },
  staff: { name: "danh sách nhân sự", anyOf: ["person"], others: ["position"], minOthers: 1 },
  issues: {
    name: "bảng vấn đề trọng tâm cần cải tiến",
    anyOf: ["weakness"],
    others: ["tt", "standard", "criterion", "currentState", "cause"],
    minOthers: 2,
  },
  monitoring: {
    name: "bảng theo dõi, đánh giá thực hiện",
    anyOf: ["when"],
    others: ["monitored", "content", "result", "adjustment", "assessor"],
    minOthers: 2,
  },
};

export type LayoutId =
  | "standard"
  | "standard-level"
  | "progress"
  | "solutions"
  | "assessment"
  | "assessment-level4"
  | "staff"
  | "tt57-issues"
  | "tt57-plan"
  | "tt57-monitoring";

export interface LayoutColumn {
  readonly role: ColumnRole;
  /** The standard header text, for a new table and for messages. */
  readonly header: string;
  readonly required: boolean;
  /** Recognised when a school (or KHCT, on request) added it; never part of a new table. */
  readonly extra?: boolean;
}

export interface Layout {
  /** A layout KHCT knows, or for a table read from a document the known layout nearest to it. */
  readonly id: LayoutId;
  /** Vietnamese name shown to the user. */
  readonly name: string;
  /** The same in English, for the pane's English. */
  readonly nameEn: string;
  /** "staff": the plan's staff list (name, role), kept in the document by the school. */
  readonly kind: TableKind;
  readonly columns: readonly LayoutColumn[];
  /** Several rows per criterion are normal (progress tracking lists tasks). */
  readonly rowsPerCriterion: "one" | "many";
  /** The TT column numbers every row, not only the standard rows. */
  readonly numbersEveryRow: boolean;
  /** Whether the table has "MỨC 1, 2, 3" / "MỨC 4" section rows and standard rows. */
  readonly groupRows: boolean;
  /** For a table read from a document: whether it is exactly a known layout. */
  readonly custom?: boolean;
}

const col = (role: ColumnRole, header?: string, required = true): LayoutColumn => ({
  role,
  header: header ?? roleHeader(role),
  required,
});

const TT = col("tt");
const CRITERION_COMBINED = col("criterion");
const TARGET = col("target");
const SOLUTION = col("solution");
const RESPONSIBLE = col("responsible");
const TIMEFRAME = col("timeframe");
const BUDGET = col("budget", undefined, false);
const SUPPORT = col("support", undefined, false);
const NOTE = col("note", undefined, false);
/** The headers of the two columns "Theo dõi" adds to a plan table on request, left to right. */
export const PROGRESS_HEADERS = ["Tiến độ thực hiện", "Kết quả thực hiện"] as const;
/** Progress columns a plan table may gain during the year ("Theo dõi" adds them on request). */
const PROGRESS_EXTRA: LayoutColumn = {
  ...col("progress", PROGRESS_HEADERS[0], false),
  extra: true,
};
const RESULT_EXTRA: LayoutColumn = { ...col("result", PROGRESS_HEADERS[1], false), extra: true };

export const LAYOUTS: readonly Layout[] = [
  {
    id: "standard",
    name: "Bảng kế hoạch chuẩn (9 cột)",
    nameEn: "Standard plan table (9 columns)",
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
    nameEn: "Standard plan table with a Mức column",
    kind: "plan",
    columns: [
      TT,
      CRITERION_COMBINED,
      col("level"),
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
    nameEn: "Progress tracking table",
    kind: "plan",
    columns: [
      col("standard"),
      col("criterion", "Tiêu chí"),
      TT,
      col("content"),
      col("timeframe", "Thời gian dự kiến"),
      col("responsible", "Người chịu trách nhiệm"),
      col("progress"),
      col("result", "Kết quả"),
      NOTE,
    ],
    rowsPerCriterion: "many",
    numbersEveryRow: true,
    groupRows: false,
  },
  {
    id: "solutions",
    name: "Bảng giải pháp theo tiêu chí",
    nameEn: "Solutions by criterion table",
    kind: "plan",
    columns: [
      col("criterion", "Tiêu chí"),
      col("responsible", "Người thực hiện"),
      col("budget", "Dự kiến kinh phí (nếu có)", false),
      col("timeframe", "Thời gian thực hiện"),
      col("solution", "Giải pháp"),
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
    nameEn: "Self-assessment results table (Mức 1, 2, 3)",
    kind: "assessment",
    columns: [
      CRITERION_COMBINED,
      col("fail"),
      col("pass"),
      col("level1"),
      col("level2"),
      col("level3"),
      col("unmet", undefined, false),
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: true,
  },
  {
    id: "assessment-level4",
    name: "Bảng kết quả tiêu chí Mức 4",
    nameEn: "Mức 4 criteria results table",
    kind: "assessment",
    columns: [
      col("criterion", "Tiêu chí"),
      col("fail"),
      col("pass"),
      col("achieved", undefined, false),
    ],
    rowsPerCriterion: "one",
    numbersEveryRow: false,
    groupRows: false,
  },
];

/**
 * The three tables of Thông tư 57/2026's plan form (Biểu 2 Phụ lục V) as school apps print it —
 * the official text is not seen (reference/catalogue/tt57-2026.json, improvementPlanFormReported).
 * A plan row is an improvement item, not a criterion: criteria appear only in Mục IV.
 */
export const TT57_LAYOUTS: readonly Layout[] = [
  {
    id: "tt57-issues",
    name: "Bảng vấn đề trọng tâm cần cải tiến (Mục IV, Thông tư 57/2026)",
    nameEn: "Key issues to improve table (Mục IV, Circular 57/2026)",
    kind: "issues",
    columns: [
      TT,
      col("standard"),
      col("criterion", "Tiêu chí liên quan (nếu có)", false),
      col("currentState"),
      col("weakness"),
      col("cause", undefined, false),
    ],
    rowsPerCriterion: "many",
    numbersEveryRow: true,
    groupRows: false,
  },
  {
    id: "tt57-plan",
    name: "Bảng kế hoạch cải tiến (Mục V, Thông tư 57/2026)",
    nameEn: "Improvement plan table (Mục V, Circular 57/2026)",
    kind: "plan",
    columns: [
      TT,
      col("content", "Nội dung cải tiến"),
      col("target", "Mục tiêu cải tiến"),
      col("solution", "Hoạt động/giải pháp"),
      col("indicator"),
      col("timeframe", "Thời gian thực hiện"),
      col("responsible", "Đơn vị/cá nhân phụ trách"),
      col("resources", undefined, false),
      col("evidence", undefined, false),
      col("progress", "Mức độ thực hiện", false),
    ],
    rowsPerCriterion: "many",
    numbersEveryRow: true,
    groupRows: false,
  },
  {
    id: "tt57-monitoring",
    name: "Bảng theo dõi, đánh giá thực hiện (Mục VI, Thông tư 57/2026)",
    nameEn: "Monitoring and evaluation table (Mục VI, Circular 57/2026)",
    kind: "monitoring",
    columns: [
      col("when"),
      col("monitored"),
      col("result", "Kết quả thực hiện"),
      col("adjustment", undefined, false),
      col("assessor"),
    ],
    rowsPerCriterion: "many",
    numbersEveryRow: false,
    groupRows: false,
  },
];

/** Every table layout KHCT recognises in a document (the ones it writes, and TT57's form). */
export function readableLayouts(): readonly Layout[] {
  return [...LAYOUTS, ...TT57_LAYOUTS, STAFF_LAYOUT];
}

/** The staff list a school keeps in the plan: "TT | Họ và tên | Chức vụ (| Nhiệm vụ)". */
export const STAFF_LAYOUT: Layout = {
  id: "staff",
  name: "Danh sách cán bộ, giáo viên, nhân viên",
  nameEn: "Staff list",
  kind: "staff",
  columns: [col("tt", "TT", false), col("person"), col("position")],
  rowsPerCriterion: "one",
  numbersEveryRow: true,
  groupRows: false,
};

/** The columns a new table of the layout has (without the ones added during the year). */
export function createdColumns(layout: Layout): readonly LayoutColumn[] {
  return layout.columns.filter((c) => !c.extra);
}

export function layoutById(id: LayoutId): Layout {
  const layout = [...LAYOUTS, ...TT57_LAYOUTS, STAFF_LAYOUT].find((l) => l.id === id);
  if (!layout) throw new Error(`layout ${id}`);
  return layout;
}
