/**
 * Office's errors in the user's words. An Office.js request that fails rejects with an
 * OfficeExtension.Error whose `code` says what happened (Word.ErrorCodes, Excel.ErrorCodes in
 * @types/office-js; learn.microsoft.com/office/dev/add-ins/testing/troubleshoot-development-errors);
 * its `message` is English and often generic ("GeneralException"). KHCT reads the code and says
 * what happened and what to do, in Vietnamese, keeping the code for whoever helps the school.
 */

/** What to tell the user for each code KHCT can meet; the code itself follows in brackets. */
const MESSAGES: Readonly<Record<string, string>> = {
  // Excel refuses every request while a cell is being edited (Excel.ErrorCodes.invalidOperationInCellEditMode).
  InvalidOperationInCellEditMode:
    "Excel đang ở chế độ sửa một ô: nhấn Enter (hoặc Esc) để ra khỏi ô rồi thử lại.",
  // A request of a newer API set than this Office has (Excel.ErrorCodes.apiNotFound).
  ApiNotFound:
    "Phiên bản Office này chưa có chức năng KHCT cần cho việc này: hãy cập nhật Office, hoặc dùng Office trên web.",
  NotImplemented:
    "Office trên máy này chưa hỗ trợ thao tác này: hãy cập nhật Office, hoặc dùng Office trên web.",
  ItemNotFound:
    "Không còn tìm thấy bảng, ô hoặc trang tính KHCT đã đọc (có thể vừa bị xoá hoặc đổi tên): hãy đọc lại tài liệu rồi thử lại.",
  InvalidArgument:
    "Office không nhận giá trị KHCT định ghi: hãy đọc lại tài liệu rồi thử lại; nếu vẫn lỗi, báo cho người hỗ trợ kèm mã lỗi.",
  InvalidReference:
    "Vùng ô KHCT định ghi không còn hợp lệ (trang tính vừa thay đổi): hãy đọc lại tài liệu rồi thử lại.",
  InvalidOperation:
    "Office không cho làm thao tác này lúc này (có thể bảng có ô gộp hoặc vùng đang được bảo vệ): hãy đọc lại tài liệu rồi thử lại.",
  InvalidSelection:
    "Vùng đang chọn không hợp lệ cho thao tác này: hãy chọn lại một ô hoặc một đoạn rồi thử lại.",
  AccessDenied:
    "Tài liệu đang ở chế độ chỉ đọc hoặc vùng này được bảo vệ: hãy mở quyền sửa rồi thử lại.",
  EditModeCannotAcquireLock: "Người cùng soạn đang sửa chỗ này: đợi một lát rồi thử lại.",
  Conflict: "Người cùng soạn vừa sửa cùng chỗ: hãy đọc lại tài liệu rồi thử lại.",
  InsertDeleteConflict:
    "Không chèn hoặc xoá được hàng vì vùng bên cạnh có ô gộp hoặc bảng Excel: hãy kiểm tra các ô quanh bảng rồi thử lại.",
  MergedRangeConflict: "Không ghi được vì vướng ô gộp: hãy bỏ gộp các ô liên quan hoặc sửa tay.",
  UnsupportedOperation: "Office không hỗ trợ thao tác này trên tài liệu này.",
  // Excel on the web: one request carries at most 5 MB (troubleshoot-development-errors).
  RequestPayloadSizeLimitExceeded:
    "Yêu cầu quá lớn cho Office trên web (tối đa 5 MB mỗi lần): hãy chia bảng thành nhiều phần hoặc dùng Excel/Word trên máy tính.",
  PayloadTooLarge:
    "Yêu cầu quá lớn cho Office trên web (tối đa 5 MB mỗi lần): hãy chia bảng thành nhiều phần hoặc dùng Excel/Word trên máy tính.",
  ResponsePayloadSizeLimitExceeded:
    "Tài liệu quá lớn để đọc một lần trên Office trên web: hãy dùng Excel/Word trên máy tính.",
  ActivityLimitReached: "Office đang bận vì quá nhiều yêu cầu: đợi một lát rồi thử lại.",
  RequestAborted: "Yêu cầu bị huỷ giữa chừng (tài liệu vừa đóng hoặc tải lại): hãy thử lại.",
  ServiceNotAvailable: "Dịch vụ của Office tạm thời không dùng được: hãy thử lại sau.",
  Timeout: "Office trả lời quá lâu: hãy thử lại.",
  GeneralException:
    "Office báo lỗi chung khi làm việc này: hãy lưu tài liệu, đọc lại rồi thử lại; nếu vẫn lỗi, đóng và mở lại tài liệu.",
  InternalError: "Office gặp lỗi bên trong: hãy lưu tài liệu, đóng và mở lại rồi thử lại.",
};

/** An Office.js error's code, when the value is one (OfficeExtension.Error has a string `code`). */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Za-z]+$/.test(code) ? code : null;
}

/** The Vietnamese message of an Office error code ("" for a code KHCT does not know). */
export function officeCodeMessage(code: string): string {
  return MESSAGES[code] ?? "";
}

/**
 * What to show for any error reaching the pane: an Office error by its code (known codes in
 * Vietnamese with what to do; unknown ones with Office's own words and the code), KHCT's own
 * errors (already Vietnamese) by their message.
 */
export function describeError(error: unknown): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (code) {
    const known = officeCodeMessage(code);
    if (known) return `${known} (mã lỗi Office: ${code})`;
    return `Office báo lỗi ${code}${message && message !== code ? `: ${message}` : ""}.`;
  }
  return message || String(error);
}
