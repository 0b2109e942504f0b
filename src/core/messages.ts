/**
 * What KHCT tells the user about a document, in Vietnamese and English: one table of message ids,
 * each with a template per language (`{name}` placeholders, `{n, plural, one {…} other {…}}` for
 * English counts; core/text/template.ts). The core says things as ids with parameters (`Said`);
 * the CLI prints the Vietnamese, the pane the user's language. The document's own words (labels,
 * titles, column headers, quoted cells) are parameters and stay as written.
 */
import type { SchoolLevel } from "./schoolLevel";
import { fill, type Locale } from "./text/template";
import { whereIn } from "./text/where";

export { whereIn };

export type { Locale };

export interface Said {
  readonly id: MessageId;
  readonly params: Readonly<Record<string, Param>>;
}

/**
 * A parameter: a value as written, a number, or something said in turn (a list is joined with
 * ", "; `{ join, with }` with another separator).
 */
export type Param =
  | string
  | number
  | Said
  | readonly Said[]
  | { readonly join: readonly Said[]; readonly with: string };

type Templates = { readonly vi: string; readonly en: string };

export const MESSAGES = {
  // Names used inside messages.
  "level.mam-non": { vi: "mầm non", en: "preschool" },
  "level.tieu-hoc": { vi: "tiểu học", en: "primary" },
  "level.trung-hoc": {
    vi: "trung học (thcs, thpt, trường phổ thông có nhiều cấp học)",
    en: "secondary (lower and upper secondary, multi-level schools)",
  },
  circular: { vi: "Thông tư {number}", en: "Circular {number}" },
  "row.change": { vi: "hàng {row}: {from} → {to}", en: "row {row}: {from} → {to}" },
  "row.copy": { vi: "hàng {row} lặp hàng {twin}", en: "row {row} repeats row {twin}" },
  quoted: { vi: "“{text}”", en: "“{text}”" },

  // Criterion references (catalogue/reference.ts).
  "ref.empty": { vi: "Ô trống: chưa có nhãn tiêu chí.", en: "Empty cell: no criterion label yet." },
  "ref.no-number": {
    vi: "“{text}” thiếu số hiệu tiêu chí (viết dạng “Tiêu chí 1.2”).",
    en: "“{text}” lacks the criterion's number (write it as “Tiêu chí 1.2”).",
  },
  "ref.unrecognised": {
    vi: "Không nhận ra nhãn tiêu chí trong “{text}” (viết dạng “Tiêu chí 1.2”).",
    en: "No criterion label recognised in “{text}” (write it as “Tiêu chí 1.2”).",
  },
  "ref.needs-number": {
    vi: "“{written}” thiếu số thứ tự tiêu chí: tiêu chí Mức 1–3 viết dạng “Tiêu chí {standard}.1”; dạng “Tiêu chí {standard}” chỉ dùng cho tiêu chí Mức 4.",
    en: "“{written}” lacks the criterion's number: Mức 1–3 criteria are written “Tiêu chí {standard}.1”; “Tiêu chí {standard}” is only for Mức 4 criteria.",
  },
  "ref.no-level4": {
    vi: "{circular} không có tiêu chí Mức 4.",
    en: "{circular} has no Mức 4 criteria.",
  },
  "ref.unknown-level4": {
    vi: "{circular} có {count} tiêu chí Mức 4 (Tiêu chí 1–{count}); không có {label}.",
    en: "{circular} has {count, plural, one {# Mức 4 criterion} other {# Mức 4 criteria}} (Tiêu chí 1–{count}); there is no {label}.",
  },
  "ref.unknown-standard": {
    vi: "{circular} không có Tiêu chuẩn {standard} (chỉ có Tiêu chuẩn 1–{count}), nên không có {label}.",
    en: "{circular} has no Tiêu chuẩn {standard} (only Tiêu chuẩn 1–{count}), so there is no {label}.",
  },
  "ref.unknown-criterion": {
    vi: "{circular} không có {label}: Tiêu chuẩn {standard} có {count} tiêu chí ({standard}.1–{standard}.{count}).",
    en: "{circular} has no {label}: Tiêu chuẩn {standard} has {count, plural, one {# criterion} other {# criteria}} ({standard}.1–{standard}.{count}).",
  },

  // Tables (plan/header.ts, validation/rules/tables.ts).
  "as-is": { vi: "{text}", en: "{text}" },
  place: { vi: "{where}", en: "{where}" },
  "kind.plan": { vi: "bảng kế hoạch cải tiến", en: "an improvement plan table" },
  "kind.assessment": { vi: "bảng kết quả tự đánh giá", en: "a self-assessment results table" },
  "kind.staff": { vi: "danh sách nhân sự", en: "a staff list" },
  "kind.issues": {
    vi: "bảng vấn đề trọng tâm cần cải tiến",
    en: "a table of the key issues to improve",
  },
  "kind.monitoring": {
    vi: "bảng theo dõi, đánh giá thực hiện",
    en: "a monitoring and evaluation table",
  },
  "columns.either": { vi: "{first} hoặc {second}", en: "{first} or {second}" },
  "columns.more-of": {
    vi: "{count} cột nữa trong {columns}",
    en: "{count, plural, one {# more column} other {# more columns}} among {columns}",
  },
  "header.empty": { vi: "Bảng trống.", en: "The table is empty." },
  "header.unrecognised": {
    vi: "Không nhận ra tiêu đề cột của bảng: đây không giống bảng kế hoạch cải tiến hay bảng kết quả tự đánh giá.",
    en: "The table's column headings are not recognised: it looks like neither an improvement plan table nor a self-assessment results table.",
  },
  "header.missing": {
    vi: "Bảng giống {kind} (nhận ra cột {found}) nhưng thiếu cột {missing}.",
    en: "The table looks like {kind} (columns recognised: {found}) but lacks {missing}.",
  },
  "header.missing-both": {
    vi: "Bảng giống {kind} (nhận ra cột {found}) nhưng thiếu cột {missing}; {more}.",
    en: "The table looks like {kind} (columns recognised: {found}) but lacks {missing}; and {more}.",
  },

  "table-not-understood": {
    vi: "{where}: {reason} KHCT chưa kiểm tra, chưa điền bảng này.",
    en: "{where}: {reason} KHCT has not checked or filled this table.",
  },
  "table-lacks-columns": {
    vi: "{where}: bảng kế hoạch không có cột {columns}, nên KHCT không kiểm tra được phần đó.",
    en: "{where}: the plan table has no {columns} column, so KHCT cannot check that part.",
  },
  "no-tables": {
    vi: "Tài liệu không có bảng nào: không có bảng kế hoạch cải tiến để kiểm tra (chỉ kiểm tra phần chữ).",
    en: "The document has no tables: there is no improvement plan table to check (only the text is checked).",
  },
  "no-plan-table": {
    vi: "Không thấy bảng kế hoạch cải tiến trong {count} bảng của tài liệu: bảng kế hoạch cần có cột giải pháp hoặc nội dung công việc và các cột như tiêu chí, người chủ trì, thời gian.",
    en: "No improvement plan table among the document's {count, plural, one {# table} other {# tables}}: a plan table needs a solution or task column and columns such as criterion, lead and timeframe.",
  },
  "no-plan-table.others": {
    vi: "Không thấy bảng kế hoạch cải tiến trong {count} bảng của tài liệu (nhận ra {understood} bảng khác): bảng kế hoạch cần có cột giải pháp hoặc nội dung công việc và các cột như tiêu chí, người chủ trì, thời gian.",
    en: "No improvement plan table among the document's {count, plural, one {# table} other {# tables}} ({understood} other recognised): a plan table needs a solution or task column and columns such as criterion, lead and timeframe.",
  },

  // Timeframes (timeframes.ts): `{window}` is the plan's school year or period.
  "window.year": { vi: "năm học {start}-{end}", en: "school year {start}-{end}" },
  "window.period": { vi: "giai đoạn {start}-{end}", en: "period {start}-{end}" },
  "side.before": { vi: "trước", en: "before" },
  "side.after": { vi: "sau", en: "after" },
  "list.more-rows": {
    vi: ", … (thêm {count} dòng)",
    en: ", … ({count, plural, one {# more row} other {# more rows}})",
  },
  "timeframe.row": { vi: "{label} (“{text}”)", en: "{label} (“{text}”)" },
  "timeframe.examples": {
    vi: "ví dụ: “Tháng 9/2025 đến tháng 5/2026”, “Trong năm học 2025-2026”",
    en: "e.g. “Tháng 9/2025 đến tháng 5/2026”, “Trong năm học 2025-2026”",
  },
  "timeframe.unparseable": {
    vi: "{label}: không đọc được thời gian “{text}” ({examples}).",
    en: "{label}: the timeframe “{text}” cannot be read ({examples}).",
  },
  "timeframe.unparseable.rows": {
    vi: "{count} dòng ghi thời gian không đọc được: {list}{more} ({examples}).",
    en: "{count, plural, one {# row gives a timeframe} other {# rows give timeframes}} that cannot be read: {list}{more} ({examples}).",
  },
  "timeframe.other-school-year": {
    vi: "{label}: “{text}” là {other}, {side} {window} của kế hoạch.",
    en: "{label}: “{text}” is {other}, {side} the plan's {window}.",
  },
  "timeframe.other-school-year.rows": {
    vi: "{count} dòng ghi {other}, {side} {window} của kế hoạch: {list}{more}.",
    en: "{count, plural, one {# row gives} other {# rows give}} {other}, {side} the plan's {window}: {list}{more}.",
  },
  "timeframe.year": {
    vi: "{label}: năm {year} nằm ngoài {window}.",
    en: "{label}: the year {year} is outside the {window}.",
  },
  "timeframe.year.rows": {
    vi: "{count} dòng ghi năm {year}, ngoài {window}: {list}{more}.",
    en: "{count, plural, one {# row gives} other {# rows give}} the year {year}, outside the {window}: {list}{more}.",
  },
  "timeframe.summer": {
    vi: "{label}: “{text}” bắt đầu trong hè; nếu là hè trước {window} thì là thời gian chuẩn bị — nên ghi rõ năm (tháng {month}/{first}).",
    en: "{label}: “{text}” starts in the summer; if that is the summer before the {window}, it is preparation time — write the year (tháng {month}/{first}).",
  },
  "timeframe.summer.rows": {
    vi: "{count} dòng bắt đầu trong hè mà không ghi năm: {list}{more}; nếu là hè trước {window} thì là thời gian chuẩn bị — nên ghi rõ năm (ví dụ “tháng 8/{first}”).",
    en: "{count, plural, one {# row starts} other {# rows start}} in the summer without a year: {list}{more}; if that is the summer before the {window}, it is preparation time — write the year (e.g. “tháng 8/{first}”).",
  },
  "timeframe.in-year": {
    vi: "{label}: “{text}” thuộc năm học {own}-{next}, nằm {side} {window} của kế hoạch (tháng 9/{first} đến hết tháng 5/{last}).",
    en: "{label}: “{text}” belongs to school year {own}-{next}, {side} the plan's {window} (September {first} to the end of May {last}).",
  },
  "timeframe.in-year.rows": {
    vi: "{count} dòng ghi thời gian thuộc năm học {own}-{next}, {side} {window} của kế hoạch: {list}{more}.",
    en: "{count, plural, one {# row gives a time} other {# rows give times}} in school year {own}-{next}, {side} the plan's {window}: {list}{more}.",
  },
  "timeframe.outside": {
    vi: "{label}: “{text}” nằm {side} {window} của kế hoạch (tháng 9/{first} đến hết tháng 5/{last}).",
    en: "{label}: “{text}” is {side} the plan's {window} (September {first} to the end of May {last}).",
  },
  "timeframe.outside.rows": {
    vi: "{count} dòng ghi thời gian {side} {window} của kế hoạch: {list}{more}.",
    en: "{count, plural, one {# row gives a time} other {# rows give times}} {side} the plan's {window}: {list}{more}.",
  },
  "timeframe.starts-before": {
    vi: "{label}: “{text}” bắt đầu trước {window}: hè trước năm học là thời gian chuẩn bị.",
    en: "{label}: “{text}” starts before the {window}: the summer before the school year is preparation time.",
  },
  "timeframe.starts-before.rows": {
    vi: "{count} dòng bắt đầu trước {window} (hè trước năm học là thời gian chuẩn bị): {list}{more}.",
    en: "{count, plural, one {# row starts} other {# rows start}} before the {window} (the summer before the school year is preparation time): {list}{more}.",
  },
  "timeframe.ends-after": {
    vi: "{label}: “{text}” kéo dài sau {window} (hết tháng 5/{last}).",
    en: "{label}: “{text}” runs past the {window} (end of May {last}).",
  },
  "timeframe.ends-after.rows": {
    vi: "{count} dòng kéo dài sau {window} (hết tháng 5/{last}): {list}{more}.",
    en: "{count, plural, one {# row runs} other {# rows run}} past the {window} (end of May {last}): {list}{more}.",
  },
  "timeframe.before-issue": {
    vi: "{label}: “{text}” kết thúc trước ngày ban hành kế hoạch ({date}).",
    en: "{label}: “{text}” ends before the plan's date of issue ({date}).",
  },
  "timeframe.before-issue.rows": {
    vi: "{count} dòng kết thúc trước ngày ban hành kế hoạch ({date}): {list}{more}.",
    en: "{count, plural, one {# row ends} other {# rows end}} before the plan's date of issue ({date}): {list}{more}.",
  },

  // The document's text (document.ts).
  "this-row": { vi: "Dòng này", en: "This row" },
  "money.dong": { vi: "{amount} đồng", en: "{amount} VND" },
  "citation.date": {
    vi: "{type} {number} ban hành ngày {issued}; kế hoạch ghi ngày {written}.",
    en: "{type} {number} was issued on {issued}; the plan gives {written}.",
  },
  "citation.level": {
    vi: "Thông tư {number} là văn bản cho trường {level}; kế hoạch của trường {own} căn cứ Thông tư {circular}.",
    en: "Circular {number} is for {level} schools; a {own} school's plan rests on Circular {circular}.",
  },
  "statement.total-repealed": {
    vi: "“Mức {level}: tổng số {written} tiêu chí” — theo Thông tư {circular} là {expected}; Thông tư 22/2024 (hiệu lực 25/01/2025) bãi bỏ Mức {level} của tiêu chí {dropped} theo nguồn thứ cấp, nên có thể chỉ còn {inForce}. KHCT chưa đối chiếu văn bản chính thức nên không coi con số nào là lỗi.",
    en: "“Mức {level}: tổng số {written} tiêu chí” — under Circular {circular} it is {expected}; Circular 22/2024 (in force from 25/01/2025) repeals Mức {level} of criteria {dropped} according to a secondary source, so it may be only {inForce}. KHCT has not checked the official text, so neither number is taken as an error.",
  },
  "statement.total": {
    vi: "“Mức {level}: tổng số {written} tiêu chí” — theo {circular} Mức {level} có {expected} tiêu chí.",
    en: "“Mức {level}: tổng số {written} tiêu chí” — under {circular} Mức {level} has {expected, plural, one {# criterion} other {# criteria}}.",
  },
  "statement.ratio": {
    vi: "“{text}”: {a}/{b} là {percent}%, không phải {written}%.",
    en: "“{text}”: {a}/{b} is {percent}%, not {written}%.",
  },
  "assessment-marks.none": {
    vi: "Tiêu chí {id} chưa được đánh dấu kết quả.",
    en: "Tiêu chí {id} has no result marked.",
  },
  "assessment-marks.conflict": {
    vi: "Tiêu chí {id} được đánh dấu ở hai kết quả trái nhau.",
    en: "Tiêu chí {id} is marked with two contradictory results.",
  },
  "budget.unreadable": {
    vi: "{label}: không đọc được số tiền “{text}” (viết như “5 triệu đồng”, “200.000đ/chuyên đề” hoặc “Không”).",
    en: "{label}: the amount “{text}” cannot be read (write it like “5 triệu đồng”, “200.000đ/chuyên đề” or “Không”).",
  },
  "budget.total": {
    vi: "Dòng tổng cộng ghi {written}, nhưng các khoản một lần của bảng cộng lại là {sum}.",
    en: "The total row gives {written}, but the table's one-off amounts add up to {sum}.",
  },
  "budget.sum": {
    vi: "Tổng kinh phí dự kiến (các khoản một lần): {sum}.",
    en: "Estimated budget (one-off amounts): {sum}.",
  },
  "framework-superseded.until": {
    vi: "Kế hoạch năm học {year} theo Thông tư {circular}; Thông tư {successor} ({date}) được dẫn là văn bản thay thế, thời hạn chuyển tiếp đến {until}. Kiểm tra văn bản hướng dẫn của Sở, Phòng GD&ĐT.",
    en: "The plan for school year {year} follows Circular {circular}; Circular {successor} ({date}) is cited as its replacement, with a transition until {until}. Check the guidance of the provincial or district education office.",
  },
  "framework-superseded.unverified": {
    vi: "Kế hoạch năm học {year} theo Thông tư {circular}; Thông tư {successor} ({date}) được dẫn là văn bản thay thế, thời hạn chuyển tiếp chưa được KHCT xác minh. Kiểm tra văn bản hướng dẫn của Sở, Phòng GD&ĐT.",
    en: "The plan for school year {year} follows Circular {circular}; Circular {successor} ({date}) is cited as its replacement; KHCT has not verified the transition period. Check the guidance of the provincial or district education office.",
  },

  // Repeals and suspensions (catalogue.ts) and the rating (rating.ts, conclusion.ts).
  "change.repealed": {
    vi: "bãi bỏ từ {date} theo Thông tư {by}",
    en: "repealed from {date} by Circular {by}",
  },
  "change.suspended": {
    vi: "không dùng làm căn cứ kiểm định, công nhận đạt chuẩn từ {date} theo Thông tư {by}",
    en: "not a basis for accreditation or the national standard from {date}, by Circular {by}",
  },
  "change.secondary": {
    vi: "{what} (theo nguồn thứ cấp, chưa đối chiếu văn bản)",
    en: "{what} (from a secondary source, not checked against the official text)",
  },
  "rating.not-counted": {
    vi: "tiêu chí {id} Mức {level}: {change}",
    en: "criterion {id} Mức {level}: {change}",
  },
  "rating.rule.tt57": {
    vi: "theo khoản 3 Điều 5 Thông tư 57/2026 như các ứng dụng in lại (KHCT chưa đối chiếu văn bản chính thức): 8 tiêu chí bắt buộc đều đạt mức đó, ít nhất 5/7 tiêu chí còn lại đạt mức đó, không tiêu chí nào dưới Mức 1",
    en: "under clause 3, Article 5 of Circular 57/2026 as school apps print it (KHCT has not checked the official text): the 8 mandatory criteria all at that level, at least 5 of the other 7 at that level, none below Mức 1",
  },
  "rating.rule.2018": {
    vi: "theo Thông tư {circular}: trường đạt Mức n khi mọi tiêu chí đạt mọi chỉ báo từ Mức 1 đến Mức n (tiêu chí không có Mức 3 tính ở mức cao nhất của nó); Mức 4 khi đạt Mức 3 và đạt tất cả tiêu chí Mức 4",
    en: "under Circular {circular}: a school is at Mức n when every criterion meets every indicator of Mức 1 to Mức n (a criterion without Mức 3 counts at its highest level); Mức 4 when it is at Mức 3 and meets every Mức 4 criterion",
  },
  "rating.short.mandatory": {
    vi: "tiêu chí bắt buộc {ids} chưa đạt Mức {n}",
    en: "mandatory criteria {ids} are not at Mức {n}",
  },
  "rating.short.others": {
    vi: "chỉ {at}/{of} tiêu chí còn lại đạt Mức {n} (cần 5)",
    en: "only {at}/{of} of the other criteria are at Mức {n} (5 needed)",
  },
  "rating.short.below": {
    vi: "tiêu chí {ids} chưa đạt Mức {n}",
    en: "criteria {ids} are not at Mức {n}",
  },
  "rating.short.level4": {
    vi: "Mức 4: đạt {met}/{of} tiêu chí",
    en: "Mức 4: {met}/{of} criteria met",
  },
  "rating.short.summary": {
    vi: "Mức {n}: đạt {met}/{of} tiêu chí",
    en: "Mức {n}: {met}/{of} criteria met",
  },
  "conclusion.missing": {
    vi: "“{written}”: bảng tự đánh giá chưa có kết quả của tiêu chí {ids}{more}, nên KHCT chưa đối chiếu được kết luận.",
    en: "“{written}”: the self-assessment table has no result for criteria {ids}{more}, so KHCT cannot check the conclusion.",
  },
  "conclusion.from-summary": {
    vi: "các dòng tổng hợp “Mức n: … đạt a/b”",
    en: "the summary lines “Mức n: … đạt a/b”",
  },
  "conclusion.level": { vi: "Mức {level}", en: "Mức {level}" },
  "conclusion.below-1": { vi: "chưa tới Mức 1", en: "not yet Mức 1" },
  "conclusion.not-counted": { vi: " Không tính: {items}.", en: " Not counted: {items}." },
  "conclusion.higher": {
    vi: "“{written}” nhưng theo kết quả ({from}) trường đạt {level}: {short}. Quy tắc {rule}.{notCounted}",
    en: "“{written}”, but from the results ({from}) the school is at {level}: {short}. Rule {rule}.{notCounted}",
  },
  "conclusion.lower": {
    vi: "“{written}” — theo kết quả ({from}) trường đạt Mức {level}: kiểm tra lại kết luận.",
    en: "“{written}” — from the results ({from}) the school is at Mức {level}: check the conclusion again.",
  },

  // Thông tư 57/2026's form (tt57.ts).
  "form.source": {
    vi: "(mẫu Biểu 2 Phụ lục V Thông tư 57/2026 theo các ứng dụng của trường; KHCT chưa đối chiếu văn bản chính thức)",
    en: "(form Biểu 2, Appendix V of Circular 57/2026 as schools' apps print it; KHCT has not checked the official text)",
  },
  "place.row": { vi: "{where}, hàng {row}", en: "{where}, row {row}" },
  "form.section": { vi: "mục {numeral}. {heading}", en: "section {numeral}. “{heading}”" },
  "form.table.issues": {
    vi: "bảng vấn đề trọng tâm cần cải tiến (Mục IV: TT | Tiêu chuẩn | Tiêu chí liên quan | Đánh giá hiện trạng | Điểm hạn chế | Nguyên nhân)",
    en: "the table of key issues to improve (Mục IV: TT | Tiêu chuẩn | Tiêu chí liên quan | Đánh giá hiện trạng | Điểm hạn chế | Nguyên nhân)",
  },
  "form.table.plan": {
    vi: "bảng kế hoạch cải tiến (Mục V)",
    en: "the improvement plan table (Mục V)",
  },
  "form.table.monitoring": {
    vi: "bảng theo dõi, đánh giá thực hiện (Mục VI: Thời điểm | Nội dung theo dõi | Kết quả thực hiện | Điều chỉnh | Người đánh giá)",
    en: "the monitoring and evaluation table (Mục VI: Thời điểm | Nội dung theo dõi | Kết quả thực hiện | Điều chỉnh | Người đánh giá)",
  },
  "tt57-form.no-sections": {
    vi: "Không thấy các mục I–VIII của kế hoạch (như “IV. {heading}”) {source}: nếu kế hoạch đánh số mục khác, KHCT chưa kiểm tra được thứ tự các mục.",
    en: "The plan's sections I–VIII (such as “IV. {heading}”) are not found {source}: if the plan numbers its sections otherwise, KHCT cannot check their order.",
  },
  "tt57-form.missing": {
    vi: "Kế hoạch thiếu {sections} {source}.",
    en: "The plan lacks {sections} {source}.",
  },
  "tt57-form.order": {
    vi: "Mục {a}. {ah} đứng trước mục {b}. {bh}: các mục của kế hoạch theo thứ tự I–VIII {source}.",
    en: "Section {a}. “{ah}” comes before section {b}. “{bh}”: the plan's sections go in order, I–VIII {source}.",
  },
  "tt57-form.tables": {
    vi: "Kế hoạch theo Thông tư 57/2026 chưa có {tables} {source}.",
    en: "The plan under Circular 57/2026 has no {tables} {source}.",
  },
  "standard.range": { vi: "tiêu chuẩn {id}: {first}–{last}", en: "standard {id}: {first}–{last}" },
  "tt57-issues.standard-unknown": {
    vi: "{place}: “{text}” — Thông tư 57/2026 có {count} tiêu chuẩn (1–{count}).",
    en: "{place}: “{text}” — Circular 57/2026 has {count, plural, one {# standard} other {# standards}} (1–{count}).",
  },
  "tt57-issues.old-title": {
    vi: "{place}: “{title}” là tên tiêu chuẩn của Thông tư {old}; theo Thông tư 57/2026 là “{fixed}”.",
    en: "{place}: “{title}” is a standard's title under Circular {old}; under Circular 57/2026 it is “{fixed}”.",
  },
  "tt57-issues.title-differs": {
    vi: "{place}: tên tiêu chuẩn “{title}” khác tên trong Thông tư 57/2026: “{fixed}”.",
    en: "{place}: the standard's title “{title}” differs from Circular 57/2026: “{fixed}”.",
  },
  "tt57-issues.criterion-unknown": {
    vi: "{place}: tiêu chí {id} không có trong Thông tư 57/2026 ({ranges}).",
    en: "{place}: criterion {id} is not in Circular 57/2026 ({ranges}).",
  },
  "tt57-issues.wrong-standard": {
    vi: "{place}: tiêu chí {id} thuộc tiêu chuẩn {own}, không phải tiêu chuẩn {written}.",
    en: "{place}: criterion {id} belongs to standard {own}, not standard {written}.",
  },
  "tt57-issues.no-weakness": {
    vi: "{place}: vấn đề chưa ghi điểm hạn chế — Mục IV nêu hạn chế và nguyên nhân của từng vấn đề trọng tâm {source}.",
    en: "{place}: the issue has no weakness written — Mục IV gives the weakness and the cause of each key issue {source}.",
  },
  "tt57-issues.all": {
    vi: "Mục IV nêu cả {total} tiêu chí: kế hoạch theo mẫu Biểu 2 “không xây dựng kế hoạch cải tiến đối với toàn bộ tiêu chí mà tập trung vào các vấn đề ưu tiên” {source}.",
    en: "Mục IV names all {total} criteria: a plan on form Biểu 2 does not plan for every criterion but focuses on the priorities (“không xây dựng kế hoạch cải tiến đối với toàn bộ tiêu chí mà tập trung vào các vấn đề ưu tiên”) {source}.",
  },
  "tt57-plan-items": {
    vi: "{place}: vấn đề “{issue}” chưa thấy việc cải tiến nào ở bảng kế hoạch (Mục V) — ghi mã tiêu chí hoặc nội dung tương ứng vào một việc cải tiến.",
    en: "{place}: the plan table (Mục V) has no improvement item for the issue “{issue}” — write the criterion's code or the matching content into an item.",
  },
  "tt57-status": {
    vi: "{place}: mức độ thực hiện “{text}” — ghi một trong {values} {source}.",
    en: "{place}: the status “{text}” — write one of {values} {source}.",
  },
  "evidence.mc": {
    vi: "MC.<tiêu chuẩn>.<tiêu chí>.<số 2 chữ số>, ví dụ MC.1.1.01 (theo các ứng dụng; Thông tư 57/2026 chưa được đối chiếu)",
    en: "MC.<standard>.<criterion>.<2-digit number>, e.g. MC.1.1.01 (as apps write it; Circular 57/2026 not checked)",
  },
  "evidence.h": {
    vi: "[H<hộp>-<tiêu chí>-<số 2 chữ số>], ví dụ [H1-1.1-01]",
    en: "[H<box>-<criterion>-<2-digit number>], e.g. [H1-1.1-01]",
  },
  "evidence-code.form": {
    vi: "{place}: mã minh chứng “{code}” không đúng dạng {shape}.",
    en: "{place}: the evidence code “{code}” is not of the form {shape}.",
  },
  "evidence-code.unknown": {
    vi: "{place}: mã minh chứng “{code}” trỏ tới tiêu chí {id}, không có trong {circular}.",
    en: "{place}: the evidence code “{code}” points to criterion {id}, which is not in {circular}.",
  },
  "evidence-code.old": {
    vi: "{place}: “{code}” là mã minh chứng kiểu Công văn 5932 (báo cáo theo thông tư 2018); kế hoạch theo Thông tư 57/2026 dùng mã MC.{id}.nn (theo các ứng dụng).",
    en: "{place}: “{code}” is an evidence code in the style of Công văn 5932 (reports under the 2018 circulars); a plan under Circular 57/2026 uses MC.{id}.nn (as apps do).",
  },
  "tt57-monitoring.few": {
    vi: "{where}: bảng theo dõi có {count} lần rà soát; kế hoạch rà soát, đánh giá tối thiểu 02 lần trong năm học {source}.",
    en: "{where}: the monitoring table has {count, plural, one {# review} other {# reviews}}; the plan is reviewed and evaluated at least twice a school year {source}.",
  },
  "times.two": { vi: "“{a}” và “{b}”", en: "“{a}” and “{b}”" },
  "tt57-monitoring.lacking": {
    vi: "{where}: chưa có lần rà soát {times} — mẫu in sẵn hai lần này {source}.",
    en: "{where}: no review {times} yet — the form prints these two {source}.",
  },

  // Formatting to Nghị định 30/2020 (format/planFormat.ts): what will change.
  "format.body-font": {
    vi: "Phông chữ thân văn bản: {fonts} → {font}",
    en: "Body text font: {fonts} → {font}",
  },
  "format.body-size": {
    vi: "Cỡ chữ thân văn bản: {sizes} → {size} (Nghị định 30/2020: {min}–{max})",
    en: "Body text size: {sizes} → {size} (Decree 30/2020: {min}–{max})",
  },
  "format.many-fonts": { vi: "nhiều phông", en: "several fonts" },
  "format.table-font": {
    vi: "Chữ trong bảng kế hoạch: {now}{pt} → {font} {size}",
    en: "Text in the plan table: {now}{pt} → {font} {size}",
  },
  "format.header-repeat": {
    vi: "Lặp lại {rows} dòng tiêu đề bảng ở đầu mỗi trang",
    en: "Repeat the table's {rows, plural, one {header row} other {# header rows}} at the top of each page",
  },
  "format.bold-rows": {
    vi: "In đậm {rows} dòng tiêu đề, dòng MỨC và dòng tiêu chuẩn; tiêu đề canh giữa",
    en: "Bold {rows, plural, one {# header, MỨC or standard row} other {# header, MỨC and standard rows}}; headers centred",
  },
  "format.borders": {
    vi: "Kẻ khung toàn bảng, chữ canh trên, tự xuống dòng",
    en: "Borders on the whole table, text aligned to the top, wrapped",
  },
  "format.widths": {
    vi: "Độ rộng cột theo nội dung: không cột nào hẹp hơn từ dài nhất của nó, phần còn lại chia theo lượng chữ",
    en: "Column widths by content: no column narrower than its longest word, the rest shared by the amount of text",
  },
  "format.landscape": {
    vi: "Bảng rộng: nên đặt trang có bảng nằm ngang (khổ A4 ngang)",
    en: "Wide table: put the table's pages in landscape (A4 landscape)",
  },
  "format.landscape.manual": {
    vi: "Chọn cả bảng, vào Bố cục (Layout) › Hướng (Orientation) › Ngang (Landscape) và áp dụng cho “Văn bản được chọn” để chỉ trang có bảng nằm ngang.",
    en: "Select the whole table, go to Layout › Orientation › Landscape and apply it to “Selected text”, so only the table's pages are landscape.",
  },
  "format.merge": {
    vi: "Gộp ô ngang {rows} dòng MỨC và dòng tiêu chuẩn (chỉ các ô trống)",
    en: "Merge across {rows, plural, one {# MỨC or standard row} other {# MỨC and standard rows}} (empty cells only)",
  },
  "format.freeze": {
    vi: "Cố định dòng tiêu đề khi cuộn",
    en: "Freeze the header rows when scrolling",
  },
  "format.print": {
    vi: "In: A4 ngang, vừa một trang theo chiều ngang, lặp dòng tiêu đề trên mỗi trang in, lề theo Nghị định 30/2020",
    en: "Print: A4 landscape, one page wide, header rows repeated on every printed page, margins per Decree 30/2020",
  },
  "format.money": {
    vi: "Ô kinh phí là số: định dạng tiền đồng (#.##0 ₫)",
    en: "Budget cells holding numbers: formatted as đồng (#.##0 ₫)",
  },
  "format.lists": {
    vi: "Danh sách gợi ý cho cột tiêu chí (theo thông tư) và cột người chủ trì (danh sách nhân sự), lưu ở trang tính ẩn “KHCT_DanhSach”",
    en: "Suggestion lists for the criterion column (from the circular) and the lead column (the staff list), kept in the hidden sheet “KHCT_DanhSach”",
  },
  "format.progress": {
    vi: "Cột tiến độ: danh sách chọn ({values}) và tô màu theo tiến độ",
    en: "Progress column: a choice list ({values}) and colours by progress",
  },
  "normalize.label": {
    vi: "Nhãn tiêu chí viết liền (“Tiêu chí 2. 2” → “Tiêu chí 2.2”)",
    en: "Criterion labels written without a space (“Tiêu chí 2. 2” → “Tiêu chí 2.2”)",
  },
  "normalize.year-range": {
    vi: "Năm học viết một kiểu (“2025 - 2026” → “2025-2026”)",
    en: "School years written one way (“2025 - 2026” → “2025-2026”)",
  },
  "normalize.spaces": {
    vi: "Bỏ dấu cách thừa (đôi, cuối dòng)",
    en: "Extra spaces removed (double, at line ends)",
  },
  "normalize.label-capital": {
    vi: "Viết hoa nhãn “Tiêu chí”/“Tiêu chuẩn” ở đầu ô",
    en: "Capital letter for a “Tiêu chí”/“Tiêu chuẩn” label at the start of a cell",
  },
  "format.normalized": {
    vi: "{what}: {count} ô",
    en: "{what}: {count, plural, one {# cell} other {# cells}}",
  },
  "format.margins.values": {
    vi: "trên {top} mm, dưới {bottom} mm, trái {left} mm, phải {right} mm",
    en: "top {top} mm, bottom {bottom} mm, left {left} mm, right {right} mm",
  },
  "format.margins": { vi: "Lề trang: {wanted}", en: "Page margins: {wanted}" },
  "format.margins.nd30": {
    vi: "Lề trang theo Nghị định 30/2020: {wanted}",
    en: "Page margins per Decree 30/2020: {wanted}",
  },
  "format.margins.manual": {
    vi: "Word trên web và các bản Word chưa có bộ API WordApiDesktop 1.3 không cho add-in đặt lề: vào Bố cục (Layout) › Lề (Margins) › Lề tùy chỉnh (Custom Margins) và nhập các số trên; khổ giấy A4.",
    en: "Word on the web and Word builds without the WordApiDesktop 1.3 API set do not let add-ins set margins: go to Layout › Margins › Custom Margins and enter the numbers above; A4 paper.",
  },
  "format.part-missing": { vi: "Thiếu {name}: {rule}", en: "Missing {name}: {rule}" },
  "format.part-template": { vi: "Mẫu để chèn: {template}", en: "Template to insert: {template}" },

  // Files KHCT cannot read (hosts/file/read.ts).
  "file.too-large": {
    vi: "Tệp quá lớn ({mb} MB; KHCT đọc tệp đến {limit} MB).",
    en: "The file is too large ({mb} MB; KHCT reads files up to {limit} MB).",
  },
  "file.ole": {
    vi: "Tệp được mã hóa (có mật khẩu) hoặc là định dạng Office 97–2003 (.doc/.xls): hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx không mật khẩu.",
    en: "The file is encrypted (has a password) or in the Office 97–2003 format (.doc/.xls): open it in Word/Excel and save it as .docx/.xlsx without a password.",
  },
  "file.not-office": {
    vi: "Không phải tệp Office (.docx hoặc .xlsx).",
    en: "Not an Office file (.docx or .xlsx).",
  },
  "file.too-many-parts": {
    vi: "Tệp nén có hơn {limit} phần — tệp Word/Excel không có nhiều như vậy (có thể là tệp độc hại): KHCT không đọc.",
    en: "The archive has more than {limit} parts — Word/Excel files have nowhere near as many (it may be a malicious file): KHCT does not read it.",
  },
  "file.zip": {
    vi: "Tệp bị hỏng, không giải nén được: {problem}",
    en: "The file is damaged and cannot be unpacked: {problem}",
  },
  "zip.encrypted": {
    vi: "tệp nén có mật khẩu. Hãy mở bằng Word/Excel, bỏ mật khẩu và lưu lại.",
    en: "the archive has a password. Open it in Word/Excel, remove the password and save it again.",
  },
  "zip.split": {
    vi: "đây là một phần của tệp nén nhiều phần. Hãy dùng tệp .docx/.xlsx nguyên vẹn.",
    en: "this is one part of a multi-part archive. Use the whole .docx/.xlsx file.",
  },
  "zip.compression": {
    vi: "tệp dùng kiểu nén mà Word/Excel không tạo ra. Hãy mở bằng Word/Excel và lưu lại.",
    en: "the file uses a compression Word/Excel do not write. Open it in Word/Excel and save it again.",
  },
  "zip.broken": {
    vi: "tệp bị cắt cụt hoặc hỏng cấu trúc (thường do tải về hoặc chép chưa xong). Hãy lấy lại tệp gốc hoặc mở bằng Word/Excel và lưu lại.",
    en: "the file is cut short or its structure is broken (usually an unfinished download or copy). Get the original again, or open it in Word/Excel and save it again.",
  },
  "file.dtd": {
    vi: "Phần “{part}” có khai báo DTD/ENTITY: KHCT không đọc tệp như vậy.",
    en: "The part “{part}” declares a DTD/ENTITY: KHCT does not read such files.",
  },
  "file.deep": {
    vi: "Phần “{part}” lồng các thẻ sâu hơn {depth} tầng — không phải tệp do {app} tạo (có thể là tệp độc hại): KHCT không đọc.",
    en: "The part “{part}” nests tags deeper than {depth} levels — not a file {app} writes (it may be a malicious file): KHCT does not read it.",
  },
  "file.bad-xml": {
    vi: "Phần “{part}” của tệp không phải XML hợp lệ (tệp hỏng hoặc bị sửa ngoài Word/Excel): hãy mở bằng Word/Excel và lưu lại.",
    en: "The file's part “{part}” is not valid XML (the file is damaged or was edited outside Word/Excel): open it in Word/Excel and save it again.",
  },
  "file.no-document": {
    vi: "Không phải tệp Word: thiếu word/document.xml.",
    en: "Not a Word file: word/document.xml is missing.",
  },
  "file.docx-rows": {
    vi: "Tài liệu có {rows} hàng bảng; KHCT đọc bảng đến {limit} hàng: hãy tách tài liệu hoặc bỏ các hàng thừa rồi lưu lại.",
    en: "The document has {rows} table rows; KHCT reads tables up to {limit} rows: split the document or remove the extra rows, then save it again.",
  },
  "file.docx-unreadable": {
    vi: "Không đọc được nội dung tệp Word: hãy mở bằng Word và lưu lại thành .docx.",
    en: "The Word file's content cannot be read: open it in Word and save it again as .docx.",
  },
  "file.sheet-rows": {
    vi: "Trang tính {sheet} có {rows} hàng; KHCT đọc đến {limit} hàng: hãy tách trang tính rồi lưu lại.",
    en: "Sheet {sheet} has {rows} rows; KHCT reads up to {limit} rows: split the sheet, then save it again.",
  },
  "file.sheet-data-rows": {
    vi: "Trang tính “{sheet}” có {rows} hàng có dữ liệu; KHCT đọc đến {limit} hàng: hãy tách trang tính rồi lưu lại.",
    en: "Sheet “{sheet}” has {rows} rows with data; KHCT reads up to {limit} rows: split the sheet, then save it again.",
  },
  "file.merges": {
    vi: "Trang tính {sheet} có {count} vùng gộp ô (KHCT đọc đến {limit}): hãy bỏ bớt gộp ô trong Excel rồi lưu lại.",
    en: "Sheet {sheet} has {count} merged areas (KHCT reads up to {limit}): unmerge some cells in Excel, then save it again.",
  },
  "file.huge-merge": {
    vi: "Trang tính {sheet} có vùng gộp ô phủ gần cả trang tính ({ref}): hãy bỏ gộp ô đó trong Excel rồi lưu lại.",
    en: "Sheet {sheet} has a merged area covering almost the whole sheet ({ref}): unmerge it in Excel, then save it again.",
  },
  "file.column": {
    vi: "Trang tính {sheet} khai báo cột thứ {column}, quá cột cuối của Excel ({last}): tệp hỏng hoặc không do Excel tạo.",
    en: "Sheet {sheet} declares column {column}, past Excel's last column ({last}): the file is damaged or was not written by Excel.",
  },
  "file.validation": {
    vi: "Trang tính {sheet} có quy tắc kiểm tra dữ liệu phủ gần cả trang tính ({ref}): hãy thu hẹp vùng đó trong Excel rồi lưu lại.",
    en: "Sheet {sheet} has a data validation rule covering almost the whole sheet ({ref}): narrow it in Excel, then save it again.",
  },
  "file.xlsx-unreadable": {
    vi: "Không đọc được tệp Excel (cấu trúc tệp khác với tệp Excel lưu ra, thường do phần mềm khác tạo): hãy mở bằng Excel hoặc LibreOffice và lưu lại thành .xlsx.",
    en: "The Excel file cannot be read (its structure differs from what Excel saves, usually because another program wrote it): open it in Excel or LibreOffice and save it again as .xlsx.",
  },
  "file.not-docx-xlsx": {
    vi: "Tệp nén này không phải .docx hay .xlsx (thiếu word/document.xml và xl/workbook.xml).",
    en: "This archive is neither .docx nor .xlsx (word/document.xml and xl/workbook.xml are missing).",
  },

  // The framework chosen for a plan (catalogue/select.ts).
  "note.user-level": {
    vi: "{circular} không áp dụng cho cấp {level}.",
    en: "{circular} does not apply to {level} schools.",
  },
  "note.plan-on-form": {
    vi: "Kế hoạch theo mẫu Biểu 2 Phụ lục V",
    en: "A plan on form Biểu 2, Appendix V,",
  },
  "note.plan-of-year": {
    vi: "Kế hoạch năm học {start}-{end}",
    en: "A plan for school year {start}-{end}",
  },
  "note.successor-chosen": {
    vi: "{plan} không dẫn thông tư nào: KHCT dùng {successor} (khung tiêu chí do ứng dụng của trường công bố, chưa đối chiếu văn bản chính thức); nếu trường vẫn theo {circular}, hãy chọn lại khung tiêu chí (dòng lệnh: --framework {id}).",
    en: "{plan} cites no circular: KHCT uses {successor} (criteria as schools' apps publish them, not checked against the official text); if the school still follows {circular}, choose the framework again (command line: --framework {id}).",
  },
  "note.cited-level": {
    vi: "Kế hoạch trích dẫn Thông tư {number} (cấp {levels}), không phải văn bản của cấp {level}.",
    en: "The plan cites Circular {number} (for {levels} schools), not the circular for {level} schools.",
  },
  "note.successor": {
    vi: "Thông tư {successor} ({date}) được dẫn là văn bản thay thế {circular}; thời hạn chuyển tiếp chưa được KHCT xác minh. Chọn khung tiêu chí phù hợp với kế hoạch của trường.",
    en: "Circular {successor} ({date}) is cited as replacing {circular}; KHCT has not verified the transition period. Choose the framework that fits the school's plan.",
  },
  "note.successor-unverified": {
    vi: "Thông tư {successor} ({date}) được dẫn là văn bản thay thế {circular}; thời hạn chuyển tiếp và nội dung của nó chưa được KHCT xác minh. Chọn khung tiêu chí phù hợp với kế hoạch của trường.",
    en: "Circular {successor} ({date}) is cited as replacing {circular}; KHCT has not verified the transition period or its content. Choose the framework that fits the school's plan.",
  },
  "note.unverified": {
    vi: "Nội dung {circular} trong KHCT lấy từ bản chép lại, chưa đối chiếu với văn bản chính thức.",
    en: "KHCT's text of {circular} comes from a transcription, not checked against the official text.",
  },

  // Required cells (cells.ts).
  "required-empty.empty": {
    vi: "{label}: ô “{column}” còn trống.",
    en: "{label}: the “{column}” cell is empty.",
  },
  "required-empty.placeholder": {
    vi: "{label}: ô “{column}” còn ghi chú mẫu, chưa được viết.",
    en: "{label}: the “{column}” cell still holds the template's note; write it.",
  },
  "item.level4": { vi: "{label} (Mức 4)", en: "{label} (Mức 4)" },
  "item.numbered": { vi: "Việc {n}", en: "Task {n}" },
  "item.at-row": { vi: "Việc ở hàng {row}", en: "Task at row {row}" },

  // Criterion rows (criteria.ts).
  "criterion-unknown": {
    vi: "{reason} (kế hoạch của trường {level}).",
    en: "{reason} (a {level} school's plan).",
  },
  "criterion-label": {
    vi: "Nhãn “{written}” viết chưa đúng dạng; viết là “{label}”.",
    en: "The label “{written}” is not in the usual form; write “{label}”.",
  },
  "criterion-title.other-level": {
    vi: "{label}: tên “{written}” là tên của cấp {from}; theo {circular} là “{title}”.",
    en: "{label}: “{written}” is the {from} title; under {circular} it is “{title}”.",
  },
  "criterion-title.differs": {
    vi: "{label}: tên “{written}” khác với thông tư; theo {circular} là “{title}”.",
    en: "{label}: “{written}” differs from the circular; under {circular} it is “{title}”.",
  },
  "criterion-duplicate.closer": {
    vi: "{label} có hai dòng (hàng {first} và hàng {row}); nội dung dòng này hợp với Tiêu chí {other} ({title}) hơn.",
    en: "{label} has two rows (rows {first} and {row}); this row's content fits Tiêu chí {other} ({title}) better.",
  },
  "criterion-duplicate.plain": {
    vi: "{label} có hai dòng (hàng {first} và hàng {row}); mỗi tiêu chí một dòng, hoặc kiểm tra lại dòng này có phải tiêu chí khác.",
    en: "{label} has two rows (rows {first} and {row}); one row per criterion — or check whether this row is another criterion.",
  },
  "target-level": {
    vi: "Tiêu chí {id} không có Mức {level} (chỉ đến Mức {max}) theo {circular}.",
    en: "Tiêu chí {id} has no Mức {level} (only up to Mức {max}) under {circular}.",
  },

  // Standard rows and the order of rows (structure.ts).
  "standard-unknown": {
    vi: "{circular} không có Tiêu chuẩn {id}.",
    en: "{circular} has no Tiêu chuẩn {id}.",
  },
  "standard-title.other-level": {
    vi: "Tiêu chuẩn {id}: “{written}” là tên của cấp {from}; theo {circular} là “{title}”.",
    en: "Tiêu chuẩn {id}: “{written}” is the {from} title; under {circular} it is “{title}”.",
  },
  "standard-title.differs": {
    vi: "Tiêu chuẩn {id}: “{written}” khác với thông tư; theo {circular} là “{title}”.",
    en: "Tiêu chuẩn {id}: “{written}” differs from the circular; under {circular} it is “{title}”.",
  },
  "standard-numbering": {
    vi: "Dòng Tiêu chuẩn {id} được đánh số {written}; TT của dòng này là {id}.",
    en: "The Tiêu chuẩn {id} row is numbered {written}; its TT is {id}.",
  },
  "row-order.standard": {
    vi: "Tiêu chuẩn {n} đứng sau Tiêu chuẩn {previous}: các tiêu chuẩn xếp theo thứ tự 1–5.",
    en: "Tiêu chuẩn {n} comes after Tiêu chuẩn {previous}: standards go in order, 1–5.",
  },
  "row-order.wrong-standard": {
    vi: "{label} nằm dưới dòng Tiêu chuẩn {under}; tiêu chí này thuộc Tiêu chuẩn {own}.",
    en: "{label} sits under the Tiêu chuẩn {under} row; this criterion belongs to Tiêu chuẩn {own}.",
  },
  "row-order.criterion": {
    vi: "{label} đứng sau Tiêu chí {previous}: các tiêu chí xếp theo thứ tự.",
    en: "{label} comes after Tiêu chí {previous}: criteria go in order.",
  },

  // Numbering (numbering.ts).
  "row-numbers.one": {
    vi: "Dòng này đánh số {written}, theo thứ tự là {expected}.",
    en: "This row is numbered {written}; in order it is {expected}.",
  },
  "row-numbers.many": {
    vi: "Cột TT đánh số không liền nhau ở {count} dòng ({list}{more}).",
    en: "The TT column skips numbers in {count, plural, one {# row} other {# rows}} ({list}{more}).",
  },
  "section-numbering.back": {
    vi: "Mục {section} lặp lại hoặc lùi số (sau mục {previous}).",
    en: "Section {section} repeats or goes back (after section {previous}).",
  },
  "section-numbering.gap": {
    vi: "Mục {section} đứng sau mục {previous}: thiếu mục {missing}.",
    en: "Section {section} comes after section {previous}: section {missing} is missing.",
  },
  "section-numbering.sub": {
    vi: "Trong mục {section}, đề mục {n}. đứng sau {previous}.",
    en: "In section {section}, heading {n}. comes after {previous}.",
  },
  "none-yet": { vi: "(chưa có)", en: "(none yet)" },

  // Repeated rows (duplicates.ts).
  "duplicate-row.whole": {
    vi: "Gần như mọi dòng của bảng xuất hiện hai lần ({count} cặp: {list}{more}): có lẽ nội dung bị chép hai lần; hãy xóa các dòng lặp rồi kiểm tra lại số thứ tự.",
    en: "Almost every row of the table appears twice ({count, plural, one {# pair} other {# pairs}}: {list}{more}): the content was probably pasted twice; delete the repeated rows, then check the numbering.",
  },
  "duplicate-row.many": {
    vi: "{count} dòng lặp lại nội dung của dòng khác: {list}{more}.",
    en: "{count, plural, one {# row repeats} other {# rows repeat}} another row's content: {list}{more}.",
  },
  "duplicate-row.differs": {
    vi: "Hàng {row} lặp lại nội dung hàng {twin}, chỉ khác ở {columns}.",
    en: "Row {row} repeats row {twin}, differing only in {columns}.",
  },
  "duplicate-row.same": {
    vi: "Hàng {row} lặp lại nội dung hàng {twin} (giống hệt).",
    en: "Row {row} repeats row {twin} (identical).",
  },

  // School years (years.ts).
  "school-year-invalid": {
    vi: "“năm học {raw}” không phải một năm học (hai năm liền nhau, ví dụ {start}-{next}).",
    en: "“năm học {raw}” is not a school year (two consecutive years, e.g. {start}-{next}).",
  },
  "school-year-inconsistent": {
    vi: "Kế hoạch ghi năm học {start}-{end} ở đây nhưng {title} ở tiêu đề.",
    en: "The plan gives school year {start}-{end} here but {title} in its title.",
  },

  // Rules that fail (check.ts).
  "rule-failed": {
    vi: "Quy tắc “{rule}” gặp lỗi nên chưa kiểm tra được: {error}",
    en: "Rule “{rule}” failed, so this was not checked: {error}",
  },
} as const satisfies Readonly<Record<string, Templates>>;

export type MessageId = keyof typeof MESSAGES;

/** A school level's name inside a sentence ("kế hoạch của trường tiểu học"). */
export function levelName(level: SchoolLevel): Said {
  return say(`level.${level}`);
}

export function say(id: MessageId, params: Readonly<Record<string, Param>> = {}): Said {
  return { id, params };
}

/** What is said, in a language. A parameter named `where` is a table's place (see whereIn). */
export function render(said: Said, locale: Locale): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(said.params)) {
    const text = paramText(value, locale);
    values[name] = name === "where" ? whereIn(text, locale) : text;
  }
  return fill(MESSAGES[said.id][locale], values, locale);
}

/** A finding's words in a language (a finding said only in Vietnamese keeps its message). */
export function findingText(
  finding: { readonly message: string; readonly said?: Said },
  locale: Locale
): string {
  return finding.said ? render(finding.said, locale) : finding.message;
}

const isList = (value: Param): value is readonly Said[] => Array.isArray(value);

function paramText(value: Param, locale: Locale): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isList(value)) return value.map((s) => render(s, locale)).join(", ");
  if ("with" in value) return value.join.map((s) => render(s, locale)).join(value.with);
  return render(value, locale);
}

/** A finding's words: `message` in Vietnamese (the CLI, grouping) and `said` for the pane's language. */
export function told(
  id: MessageId,
  params: Readonly<Record<string, Param>> = {}
): { readonly message: string; readonly said: Said } {
  const said = say(id, params);
  return { message: render(said, "vi"), said };
}
