/**
 * The robustness corpus: plan and self-assessment tables transcribed from the real plans
 * (test/fixtures/tables.ts), varied the ways real documents vary — header wordings seen in plans and
 * school apps, column order, header depth 1–4 (title rows, group cells over sub-columns, column
 * numbers in headers, index rows), unknown extra columns, merged group rows, timeframe and budget
 * forms, duplicated rows, combined criterion cells, a sheet where the table starts at C5.
 * Deterministic: variant n is always the same table.
 */
import type { RawCell } from "../../src/core/plan/table";
import type { ColumnRole } from "../../src/core/plan/layouts";

/** A base table: its header (one text per column, with the role it stands for) and body rows. */
export interface BaseTable {
  readonly name: string;
  readonly roles: readonly ColumnRole[];
  readonly header: readonly string[];
  /** Body rows, one text per column; a group row has its label in `labelCol` and the rest empty. */
  readonly body: readonly (readonly string[])[];
  /** Rows whose timeframe or budget text carries a known mistake (left as written). */
  readonly keep: ReadonlySet<number>;
  /** The school year the rows' timeframes may be rewritten into (equivalent forms). */
  readonly year: number;
  readonly kind: "plan" | "assessment";
  /** Several rows per criterion are normal: copies of rows are a warning, not an error. */
  readonly tasks?: boolean;
}

export interface Variant {
  readonly id: string;
  readonly base: string;
  readonly mutations: readonly string[];
  readonly rows: RawCell[][];
  /** For .xlsx: where the table starts (0-based row and column). */
  readonly origin: { readonly row: number; readonly col: number };
  /** Rows were duplicated: duplicate findings are expected (as one group). */
  readonly duplicated: boolean;
}

/** mulberry32: a small seeded PRNG, so variant n is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)] as T;

/** Header wordings seen in real plans and in the apps schools use, per role. */
export const SYNONYMS: Readonly<Partial<Record<ColumnRole, readonly string[]>>> = {
  tt: ["TT", "STT", "Số TT", "TT (1)", "TT\n(1)", "Số thứ tự"],
  criterion: [
    "Tiêu chuẩn, tiêu chí",
    "Tiêu chuẩn,\ntiêu chí",
    "TIÊU CHUẨN, TIÊU CHÍ",
    "Tiêu chuẩn và tiêu chí",
    "Tieu chuan, tieu chi",
  ],
  target: [
    "Kết quả cần đạt (so với hiện trạng)",
    "Kết quả cần\nđạt",
    "Mục tiêu cải tiến",
    "Mục tiêu",
    "Mục tiêu cần đạt",
  ],
  solution: [
    "Công việc/giải pháp cần thực hiện",
    "Biện pháp thực hiện",
    "Hoạt động/giải pháp",
    "Giải pháp",
    "Các biện pháp",
  ],
  responsible: [
    "Chủ trì và phối hợp thực hiện",
    "Người chịu trách nhiệm",
    "Người thực hiện",
    "Đơn vị/cá nhân phụ trách",
    "Phụ trách",
    "Chủ trì",
  ],
  timeframe: [
    "Thời gian thực hiện và hoàn thành",
    "Thời gian dự kiến",
    "Thời gian",
    "Thời gian\nthực hiện",
    "Thời hạn hoàn thành",
  ],
  budget: ["Dự kiến kinh phí", "Dự kiến kinh phí (nếu có)", "Kinh phí", "Kinh phí dự kiến"],
  support: ["Điều kiện hỗ trợ khác", "Điều kiện", "Điều kiện hỗ trợ"],
  note: ["Ghi chú", "GHI CHÚ", "Ghi\nchú"],
  content: ["Nội dung kế hoạch", "Nội dung cải tiến", "Nội dung", "Nội dung công việc"],
  progress: ["Tiến độ thực hiện", "Mức độ thực hiện", "Tiến độ"],
  result: ["Kết quả", "Kết quả thực hiện", "Kết quả đạt được"],
  standard: ["Tiêu chuẩn", "Tiêu\nchuẩn", "TIÊU CHUẨN"],
  level: ["Mức", "Mức cần đạt", "Mức đạt"],
};

/** Columns no school names the same way: kept, never written. */
const UNKNOWN_COLUMNS = ["Ý kiến của tổ", "Đơn vị tính", "Mã số", "Xác nhận"];

/** The same period written the ways plans write it (within one school year). */
export function timeframeForms(year: number): string[] {
  const y1 = year + 1;
  return [
    `Trong năm học ${year}-${y1}`,
    `Xuyên suốt NH ${year}-${y1}`,
    `Năm học ${year} - ${y1}`,
    `09/${year} – 05/${y1}`,
    `Từ tháng 9/${year} đến tháng 5/${y1}`,
    `- Tháng 10/${year} đến 3/${y1}`,
    `${year}-09-01 - ${y1}-05-31`,
    `Từ 01/9/${year} đến 31/5/${y1}`,
    `Tháng 11/${year}`,
    `Học kỳ I`,
    `Cuối học kỳ II`,
    `Thường xuyên`,
  ];
}

/** Budgets written the ways plans write them: none is a mistake. */
export const BUDGET_FORMS = [
  "Không",
  "",
  "200.000đ/chuyên đề",
  "Hỗ trợ 30% kinh phí học tập",
  "4 tỷ đồng",
  "100 triệu",
  "Ngân sách nhà nước",
  "Xã hội hóa",
  "5.000.000 đồng",
];

const isGroupRow = (row: readonly string[]) =>
  row.filter((t) => t.trim() !== "").length <= 2 &&
  row.some((t) => /^(MỨC|Tiêu chuẩn \d)/u.test(t.trim()));

interface Working {
  roles: (ColumnRole | null)[];
  header: string[];
  body: string[][];
}

function permute(w: Working, order: readonly number[]): Working {
  return {
    roles: order.map((i) => w.roles[i] ?? null),
    header: order.map((i) => w.header[i] ?? ""),
    body: w.body.map((row) => order.map((i) => row[i] ?? "")),
  };
}

function shuffled(rand: () => number, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Variant `n` of a base table. Mutations are chosen from n's bits and a PRNG seeded by n, so the
 * corpus covers every mutation alone and in combination.
 */
export function variant(base: BaseTable, n: number): Variant {
  const rand = prng(n * 7919 + base.name.length);
  const mutations: string[] = [];
  let w: Working = {
    roles: [...base.roles],
    header: [...base.header],
    body: base.body.map((r) => [...r]),
  };
  const bit = (k: number) => ((n >> k) & 1) === 1;

  // 1. Header wordings.
  if (bit(0) || n % 5 === 0) {
    mutations.push("synonyms");
    w.header = w.header.map((h, i) => {
      const role = w.roles[i];
      const list = role ? SYNONYMS[role] : undefined;
      return list ? pick(rand, list) : h;
    });
  }
  // 2. Timeframe and budget forms (rows with a known mistake keep theirs).
  if (base.kind === "plan" && (bit(1) || n % 7 === 0)) {
    mutations.push("forms");
    const tf = w.roles.indexOf("timeframe");
    const bg = w.roles.indexOf("budget");
    w.body = w.body.map((row, r) => {
      if (base.keep.has(r) || isGroupRow(row)) return row;
      const out = [...row];
      if (tf >= 0 && (out[tf] ?? "").trim()) out[tf] = pick(rand, timeframeForms(base.year));
      if (bg >= 0) out[bg] = pick(rand, BUDGET_FORMS);
      return out;
    });
  }
  // 3. An unknown extra column somewhere (empty in the body).
  if (bit(2) && base.kind === "plan") {
    mutations.push("extra-column");
    const at = Math.floor(rand() * (w.header.length + 1));
    const name = pick(rand, UNKNOWN_COLUMNS);
    w = {
      roles: [...w.roles.slice(0, at), null, ...w.roles.slice(at)],
      header: [...w.header.slice(0, at), name, ...w.header.slice(at)],
      body: w.body.map((row) => [...row.slice(0, at), "", ...row.slice(at)]),
    };
  }
  // 4. Column order.
  if (bit(3) && base.kind === "plan") {
    mutations.push("permuted");
    w = permute(w, shuffled(rand, w.header.length));
  }
  // 5. Duplicated rows (task tables only: one criterion, many rows is normal there).
  const duplicated = Boolean(base.tasks) && bit(4) && n % 3 !== 0;
  if (duplicated) {
    mutations.push("duplicated-rows");
    w.body = w.body.flatMap((row) => (isGroupRow(row) ? [row] : [row, [...row]]));
  }
  // 6. Column numbers in the header cells.
  const numbered = bit(5) && !bit(6) && base.kind === "plan";
  if (numbered) {
    mutations.push("numbered-headers");
    w.header = w.header.map((h, i) => `${h}\n(${i + 1})`);
  }

  const cols = w.header.length;
  const headerRows: RawCell[][] = [];
  if (base.kind === "assessment") return assessmentVariant(base, n, w, mutations, rand);
  // 7. A title row above the header.
  if (bit(7) || n % 11 === 0) {
    mutations.push("title-row");
    headerRows.push([{ text: "BẢNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG", colSpan: cols }]);
  }
  // 8. A group header cell over 2–3 sub-columns (a two-row header).
  const groupable = base.kind === "plan" && bit(6);
  if (groupable) {
    const from = 1 + Math.floor(rand() * Math.max(1, cols - 3));
    const span = Math.min(cols - from, 2 + Math.floor(rand() * 2));
    mutations.push(`group-header(${from},${span})`);
    const top: RawCell[] = [];
    const sub: RawCell[] = [];
    for (let c = 0; c < cols; c++) {
      if (c === from) {
        top.push({
          text: pick(rand, [
            "Kế hoạch thực hiện",
            "Tổ chức thực hiện",
            "Nội dung thực hiện cụ thể",
          ]),
          colSpan: span,
        });
      } else if (c > from && c < from + span) {
        // covered by the group cell
      } else {
        top.push({ text: w.header[c] ?? "", rowSpan: 2 });
      }
      if (c >= from && c < from + span) sub.push({ text: w.header[c] ?? "" });
    }
    headerRows.push(top, sub);
  } else {
    headerRows.push(w.header.map((text) => ({ text })));
  }
  // 9. An index row "(1) (2) …" under the header.
  if (bit(8) || (!numbered && n % 4 === 1)) {
    mutations.push("index-row");
    headerRows.push(w.header.map((_, i) => ({ text: `(${i + 1})` })));
  }
  // 10. Group rows merged across the table.
  const mergeGroups = bit(9) || n % 3 === 0;
  if (mergeGroups) mutations.push("merged-group-rows");
  const body: RawCell[][] = w.body.map((row) => {
    if (!mergeGroups || !isGroupRow(row)) return row.map((text) => ({ text }));
    // The label cell spreads right over the empty cells after it.
    const label = row.findIndex((t) => /^(MỨC|Tiêu chuẩn \d)/u.test(t.trim()));
    const cells: RawCell[] = [];
    for (let c = 0; c < cols;) {
      if (c !== label) {
        cells.push({ text: row[c] ?? "" });
        c++;
        continue;
      }
      let end = c + 1;
      while (end < cols && (row[end] ?? "").trim() === "") end++;
      cells.push({ text: row[c] ?? "", colSpan: end - c });
      c = end;
    }
    return cells;
  });
  return finish(base, n, mutations, [...headerRows, ...body], duplicated);
}

/**
 * A self-assessment table's header as schools draw it: "Kết quả" over "Không đạt | Đạt | Mức 1 |
 * Mức 2 | Mức 3" (two rows), or over "Không đạt | Đạt" over "Mức 1 | Mức 2 | Mức 3" (three rows,
 * no separate Đạt column: a plain "x" under Đạt moves to Mức 1).
 */
function assessmentVariant(
  base: BaseTable,
  n: number,
  w: Working,
  mutations: string[],
  rand: () => number
): Variant {
  const bit = (k: number) => ((n >> k) & 1) === 1;
  const criterion = w.header[0] ?? "Tiêu chuẩn, tiêu chí";
  const unmet = w.header[6] ?? "Nội dung không đạt";
  const fail = pick(rand, ["Không đạt", "Chưa đạt", "KHÔNG ĐẠT"]);
  const levels = bit(11) ? ["Mức I", "Mức II", "Mức III"] : ["Mức 1", "Mức 2", "Mức 3"];
  const deep = bit(3);
  const headerRows: RawCell[][] = [];
  const title = bit(7) || n % 11 === 0;
  const index = !deep && (bit(8) || n % 4 === 1);
  if (title) {
    mutations.push("title-row");
    headerRows.push([{ text: "KẾT QUẢ TỰ ĐÁNH GIÁ", colSpan: deep ? 6 : 7 }]);
  }
  let body: RawCell[][];
  if (deep) {
    mutations.push("three-row-header");
    headerRows.push(
      [
        { text: criterion, rowSpan: 3 },
        { text: "Kết quả", colSpan: 4 },
        { text: unmet, rowSpan: 3 },
      ],
      [
        { text: fail, rowSpan: 2 },
        { text: "Đạt", colSpan: 3 },
      ],
      levels.map((text) => ({ text }))
    );
    body = w.body.map((row) => {
      const [c0 = "", f = "", p = "", l1 = "", l2 = "", l3 = "", u = ""] = row;
      if (/^Tiêu chuẩn/u.test(c0) && !f && !p) return [{ text: c0, colSpan: 6 }];
      return [c0, f, l1 || p, l2, l3, u].map((text) => ({ text }));
    });
  } else {
    mutations.push("two-row-header");
    headerRows.push(
      [
        { text: criterion, rowSpan: 2 },
        { text: "Kết quả", colSpan: 5 },
        { text: unmet, rowSpan: 2 },
      ],
      [fail, "Đạt", ...levels].map((text) => ({ text }))
    );
    body = w.body.map((row) =>
      /^Tiêu chuẩn/u.test(row[0] ?? "") && !(row[1] ?? "")
        ? [{ text: row[0] ?? "", colSpan: 7 }]
        : row.map((text) => ({ text }))
    );
  }
  if (index) {
    mutations.push("index-row");
    headerRows.push(Array.from({ length: 7 }, (_, i) => ({ text: `(${i + 1})` })));
  }
  return finish(base, n, mutations, [...headerRows, ...body], false);
}

/** The variant's last choice, where a sheet holds it (A1, or C5 below the plan's title lines). */
function finish(
  base: BaseTable,
  n: number,
  mutations: string[],
  rows: RawCell[][],
  duplicated: boolean
): Variant {
  const origin = ((n >> 10) & 1) === 1 || n % 9 === 4 ? { row: 4, col: 2 } : { row: 0, col: 0 };
  if (origin.row) mutations.push("starts-at-C5");
  return { id: `${base.name}#${n}`, base: base.name, mutations, rows, origin, duplicated };
}
