/**
 * Every user-facing string of the task pane, Vietnamese first. `en` must provide the same keys
 * (the type enforces it); a test checks that no value is empty.
 */
import type { FeatureId } from "../hosts/requirements";

export type Locale = "vi" | "en";

const vi = {
  appTitle: "KHCT",
  appSubtitle: "Kế hoạch cải tiến chất lượng giáo dục",
  loading: "Đang khởi động KHCT…",
  languageLabel: "Ngôn ngữ",
  languageVi: "Tiếng Việt",
  languageEn: "English",
  navLabel: "Chức năng",
  tabCatalogue: "Danh mục tiêu chí",
  tabPlan: "Lập kế hoạch",
  tabCheck: "Kiểm tra",
  tabFormat: "Định dạng",
  hostWord: "Đang làm việc trong Word",
  hostExcel: "Đang làm việc trong Excel",
  noHostTitle: "KHCT đang mở ngoài Word/Excel",
  noHostBody:
    "Trang này không chạy bên trong Word hoặc Excel nên chưa thể đọc hay sửa tài liệu. Hãy mở KHCT từ nút “Kế hoạch cải tiến” trên thẻ Trang đầu của Word hoặc Excel (máy tính hoặc bản web).",
  unsupportedHostTitle: "Ứng dụng này chưa được hỗ trợ",
  unsupportedHostBody: "KHCT chỉ chạy trong Word và Excel.",
  gapsEssentialTitle: "Phiên bản Office này quá cũ cho KHCT",
  gapsOptionalTitle: "Một số chức năng không có trên phiên bản Office này",
  gapsHelp:
    "Hãy cập nhật Office (Microsoft 365, Office 2019 trở lên) hoặc dùng Word/Excel trên web. Thiếu bộ API: {sets}.",
  featureCore: "Đọc và ghi bảng kế hoạch",
  featureInsertText: "Chèn nội dung vào tài liệu",
  featureDocumentMetadata: "Lưu thông tin kế hoạch trong tài liệu",
  featureFillTable: "Điền bảng kế hoạch",
  featureChangeEvents: "Tự cập nhật khi người khác sửa tài liệu",
  featureComments: "Gắn nhận xét vào tài liệu",
  featurePageSetup: "Đặt lề và khổ giấy",
  planPlaceholder:
    "Đề xuất các dòng kế hoạch từ kết quả tự đánh giá và điền vào bảng kế hoạch của trường, không ghi đè nội dung đã có.",
  checkPlaceholder:
    "Tìm các lỗi thường gặp: sai tên tiêu chí, trùng lặp, đánh số, ô bắt buộc còn trống, thời gian ngoài năm học, trích dẫn sai.",
  formatPlaceholder:
    "Định dạng văn bản theo Nghị định 30/2020/NĐ-CP và làm bảng kế hoạch gọn, in được; xem trước và hoàn tác.",
  comingSoon: "Chức năng này đang được xây dựng.",
  levelLabel: "Cấp học",
  levelMamNon: "Mầm non",
  levelTieuHoc: "Tiểu học",
  levelTrungHoc: "Trung học (THCS, THPT, nhiều cấp học)",
  levelChoose: "Chọn cấp học",
  frameworkLabel: "Khung tiêu chí",
  identityTitle: "Kế hoạch này",
  identityDetected: "Đọc từ tài liệu: {details}.",
  identityNothing: "Chưa nhận ra cấp học, tên trường hay năm học trong tài liệu. Hãy chọn cấp học.",
  identityConflict:
    "Tài liệu vừa nhắc tới cấp {a} vừa nhắc tới cấp {b}: hãy chọn đúng cấp học của trường.",
  identityConfirm: "Xác nhận",
  identityConfirmed:
    "Đã xác nhận và lưu trong tài liệu, để mọi người cùng sửa tài liệu thấy cùng một khung tiêu chí.",
  identitySaving: "Đang lưu…",
  identityReload: "Đọc lại tài liệu",
  identityReadError: "Không đọc được tài liệu: {message}",
  identitySaveError: "Không lưu được lựa chọn vào tài liệu: {message}",
  schoolYearLabel: "Năm học {year}",
  reasonCited: "theo văn bản kế hoạch trích dẫn",
  reasonDefault: "mặc định của cấp học",
  reasonUser: "do người dùng chọn",
  searchLabel: "Tìm tiêu chí",
  searchPlaceholder: "Tìm theo số hoặc từ, không cần dấu (vd: thu vien)",
  searchNoResult: "Không có tiêu chí nào khớp với “{query}”.",
  searchCount: "{count} tiêu chí khớp",
  standardHeading: "Tiêu chuẩn {id}: {title}",
  levelHeading: "Mức {level}",
  noLevel3: "Không có Mức 3",
  mandatory: "Bắt buộc",
  insertLabel: "Chèn nhãn",
  insertLabelTitle: "Chèn nhãn và tên",
  insertIndicator: "Chèn",
  insertDone: "Đã chèn vào {where}.",
  insertOccupied: "Ô {where} đã có nội dung. KHCT không ghi đè.",
  insertAppend: "Thêm vào cuối ô",
  insertAtCursor: "vị trí con trỏ",
  insertFormula: "Ô {where} chứa công thức; KHCT không sửa ô có công thức.",
  insertError: "Không chèn được: {message}",
  insertNeedsOffice: "Mở KHCT trong Word hoặc Excel để chèn vào tài liệu.",
  level4Heading: "Tiêu chí Mức 4",
  level4NoText: "chưa có nguyên văn",
  level4Unknown:
    "Số lượng và nguyên văn các tiêu chí Mức 4 của {circular} chưa có trong dữ liệu của KHCT.",
  level4None: "Khung tiêu chí này không có Mức 4.",
  noteAmendment:
    "Nội dung sửa đổi của {amendedBy} chưa có nguyên văn: các chỉ báo hiển thị là văn bản gốc năm 2018.",
  noteUnverified:
    "Nội dung khung tiêu chí này lấy từ bản chép lại, chưa đối chiếu với văn bản chính thức.",
  noteFlag: "Bản chép nguồn có thể có lỗi chính tả ở tiêu chí này; KHCT giữ nguyên văn.",
  countsSummary:
    "{standards} tiêu chuẩn, {criteria} tiêu chí; Mức 3: {level3} tiêu chí; Mức 4: {level4}",
  countsUnknown: "chưa rõ",
} as const;

export type StringKey = keyof typeof vi;
export type Strings = { readonly [K in StringKey]: string };

const en: Strings = {
  appTitle: "KHCT",
  appSubtitle: "Education quality improvement plan",
  loading: "Starting KHCT…",
  languageLabel: "Language",
  languageVi: "Tiếng Việt",
  languageEn: "English",
  navLabel: "Features",
  tabCatalogue: "Criteria catalogue",
  tabPlan: "Planning",
  tabCheck: "Check",
  tabFormat: "Format",
  hostWord: "Working in Word",
  hostExcel: "Working in Excel",
  noHostTitle: "KHCT is open outside Word/Excel",
  noHostBody:
    "This page is not running inside Word or Excel, so it cannot read or change a document. Open KHCT from the “Improvement plan” button on the Home tab of Word or Excel (desktop or web).",
  unsupportedHostTitle: "This application is not supported",
  unsupportedHostBody: "KHCT runs in Word and Excel only.",
  gapsEssentialTitle: "This version of Office is too old for KHCT",
  gapsOptionalTitle: "Some features are not available in this version of Office",
  gapsHelp:
    "Update Office (Microsoft 365, Office 2019 or later) or use Word/Excel on the web. Missing API sets: {sets}.",
  featureCore: "Reading and writing the plan table",
  featureInsertText: "Inserting text into the document",
  featureDocumentMetadata: "Keeping the plan's settings in the document",
  featureFillTable: "Filling the plan table",
  featureChangeEvents: "Refreshing when co-authors edit",
  featureComments: "Attaching comments to the document",
  featurePageSetup: "Page margins and orientation",
  planPlaceholder:
    "Propose plan rows from the self-assessment results and fill the school's plan table in place, never overwriting what is there.",
  checkPlaceholder:
    "Find the usual mistakes: wrong criterion titles, duplicates, numbering, empty required cells, timeframes outside the school year, wrong citations.",
  formatPlaceholder:
    "Format the document to Decree 30/2020/NĐ-CP and make the plan table clean and printable; preview first, undo after.",
  comingSoon: "This feature is being built.",
  levelLabel: "School level",
  levelMamNon: "Preschool",
  levelTieuHoc: "Primary",
  levelTrungHoc: "Secondary (lower, upper, multi-level)",
  levelChoose: "Choose a school level",
  frameworkLabel: "Criteria framework",
  identityTitle: "This plan",
  identityDetected: "Read from the document: {details}.",
  identityNothing:
    "No school level, school name or school year found in the document. Choose the school level.",
  identityConflict: "The document mentions both {a} and {b}: choose the school's level.",
  identityConfirm: "Confirm",
  identityConfirmed:
    "Confirmed and kept in the document, so every co-author sees the same framework.",
  identitySaving: "Saving…",
  identityReload: "Read the document again",
  identityReadError: "Could not read the document: {message}",
  identitySaveError: "Could not save the choice in the document: {message}",
  schoolYearLabel: "School year {year}",
  reasonCited: "cited by the plan",
  reasonDefault: "default for the school level",
  reasonUser: "chosen by the user",
  searchLabel: "Search criteria",
  searchPlaceholder: "Number or words, accents optional (e.g. thu vien)",
  searchNoResult: "No criterion matches “{query}”.",
  searchCount: "{count} matching criteria",
  standardHeading: "Standard {id}: {title}",
  levelHeading: "Level {level}",
  noLevel3: "No Level 3",
  mandatory: "Mandatory",
  insertLabel: "Insert label",
  insertLabelTitle: "Insert label and title",
  insertIndicator: "Insert",
  insertDone: "Inserted at {where}.",
  insertOccupied: "Cell {where} is not empty. KHCT does not overwrite it.",
  insertAppend: "Add at the end of the cell",
  insertAtCursor: "the cursor",
  insertFormula: "Cell {where} holds a formula; KHCT does not change formula cells.",
  insertError: "Could not insert: {message}",
  insertNeedsOffice: "Open KHCT in Word or Excel to insert into a document.",
  level4Heading: "Level 4 criteria",
  level4NoText: "text not available",
  level4Unknown:
    "The number and text of the Level 4 criteria of {circular} are not in KHCT's data yet.",
  level4None: "This framework has no Level 4.",
  noteAmendment:
    "The amending text of {amendedBy} is not available: the indicators shown are the 2018 original.",
  noteUnverified:
    "This framework's text comes from transcriptions not yet checked against the official text.",
  noteFlag:
    "The source transcription may contain a typo in this criterion; KHCT keeps it verbatim.",
  countsSummary:
    "{standards} standards, {criteria} criteria; Level 3: {level3} criteria; Level 4: {level4}",
  countsUnknown: "unknown",
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { vi, en };

export const FEATURE_LABEL: Readonly<Record<FeatureId, StringKey>> = {
  core: "featureCore",
  insertText: "featureInsertText",
  documentMetadata: "featureDocumentMetadata",
  fillTable: "featureFillTable",
  changeEvents: "featureChangeEvents",
  comments: "featureComments",
  pageSetup: "featurePageSetup",
};

/** English when Office's display language is English; Vietnamese otherwise (and outside Office). */
export function localeFromDisplayLanguage(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "vi";
}

/** Replaces `{name}` placeholders. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
