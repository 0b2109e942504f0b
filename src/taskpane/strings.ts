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
  cataloguePlaceholder:
    "Tra cứu tiêu chuẩn, tiêu chí và chỉ báo theo Thông tư 17, 18, 19/2018 cho cấp học của trường; chèn nhãn tiêu chí vào tài liệu.",
  planPlaceholder:
    "Đề xuất các dòng kế hoạch từ kết quả tự đánh giá và điền vào bảng kế hoạch của trường, không ghi đè nội dung đã có.",
  checkPlaceholder:
    "Tìm các lỗi thường gặp: sai tên tiêu chí, trùng lặp, đánh số, ô bắt buộc còn trống, thời gian ngoài năm học, trích dẫn sai.",
  formatPlaceholder:
    "Định dạng văn bản theo Nghị định 30/2020/NĐ-CP và làm bảng kế hoạch gọn, in được; xem trước và hoàn tác.",
  comingSoon: "Chức năng này đang được xây dựng.",
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
  cataloguePlaceholder:
    "Browse the standards, criteria and indicators of Circulars 17, 18, 19/2018 for the school's level; insert criterion labels into the document.",
  planPlaceholder:
    "Propose plan rows from the self-assessment results and fill the school's plan table in place, never overwriting what is there.",
  checkPlaceholder:
    "Find the usual mistakes: wrong criterion titles, duplicates, numbering, empty required cells, timeframes outside the school year, wrong citations.",
  formatPlaceholder:
    "Format the document to Decree 30/2020/NĐ-CP and make the plan table clean and printable; preview first, undo after.",
  comingSoon: "This feature is being built.",
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
