/**
 * Office's errors in the user's words. An Office.js request that fails rejects with an
 * OfficeExtension.Error whose `code` says what happened (Word.ErrorCodes, Excel.ErrorCodes in
 * @types/office-js; learn.microsoft.com/office/dev/add-ins/testing/troubleshoot-development-errors);
 * its `message` is English and often generic ("GeneralException"). KHCT reads the code and says
 * what happened and what to do, in Vietnamese (or English, the pane's other language), keeping the
 * code for whoever helps the school.
 */

/** What to tell the user for each code KHCT can meet; the code itself follows in brackets. */
const MESSAGES: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  // Excel refuses every request while a cell is being edited (Excel.ErrorCodes.invalidOperationInCellEditMode).
  InvalidOperationInCellEditMode: {
    vi: "Excel đang ở chế độ sửa một ô: nhấn Enter (hoặc Esc) để ra khỏi ô rồi thử lại.",
    en: "Excel is editing a cell: press Enter (or Esc) to leave the cell, then try again.",
  },
  // A request of a newer API set than this Office has (Excel.ErrorCodes.apiNotFound).
  ApiNotFound: {
    vi: "Phiên bản Office này chưa có chức năng KHCT cần cho việc này: hãy cập nhật Office, hoặc dùng Office trên web.",
    en: "This version of Office lacks a feature KHCT needs for this: update Office, or use Office on the web.",
  },
  NotImplemented: {
    vi: "Office trên máy này chưa hỗ trợ thao tác này: hãy cập nhật Office, hoặc dùng Office trên web.",
    en: "Office on this computer does not support this yet: update Office, or use Office on the web.",
  },
  ItemNotFound: {
    vi: "Không còn tìm thấy bảng, ô hoặc trang tính KHCT đã đọc (có thể vừa bị xoá hoặc đổi tên): hãy đọc lại tài liệu rồi thử lại.",
    en: "The table, cell or sheet KHCT read is no longer there (it may have just been deleted or renamed): read the document again, then try again.",
  },
  InvalidArgument: {
    vi: "Office không nhận giá trị KHCT định ghi: hãy đọc lại tài liệu rồi thử lại; nếu vẫn lỗi, báo cho người hỗ trợ kèm mã lỗi.",
    en: "Office did not accept the value KHCT was writing: read the document again, then try again; if it still fails, tell whoever supports you, with the error code.",
  },
  InvalidReference: {
    vi: "Vùng ô KHCT định ghi không còn hợp lệ (trang tính vừa thay đổi): hãy đọc lại tài liệu rồi thử lại.",
    en: "The cells KHCT was writing are no longer valid (the sheet just changed): read the document again, then try again.",
  },
  InvalidOperation: {
    vi: "Office không cho làm thao tác này lúc này (có thể bảng có ô gộp hoặc vùng đang được bảo vệ): hãy đọc lại tài liệu rồi thử lại.",
    en: "Office does not allow this right now (the table may have merged cells, or the range is protected): read the document again, then try again.",
  },
  InvalidSelection: {
    vi: "Vùng đang chọn không hợp lệ cho thao tác này: hãy chọn lại một ô hoặc một đoạn rồi thử lại.",
    en: "The selection does not suit this action: select a cell or a paragraph again, then try again.",
  },
  AccessDenied: {
    vi: "Tài liệu đang ở chế độ chỉ đọc hoặc vùng này được bảo vệ: hãy mở quyền sửa rồi thử lại.",
    en: "The document is read-only or this range is protected: allow editing, then try again.",
  },
  EditModeCannotAcquireLock: {
    vi: "Người cùng soạn đang sửa chỗ này: đợi một lát rồi thử lại.",
    en: "A co-author is editing this place: wait a moment, then try again.",
  },
  Conflict: {
    vi: "Người cùng soạn vừa sửa cùng chỗ: hãy đọc lại tài liệu rồi thử lại.",
    en: "A co-author has just changed the same place: read the document again, then try again.",
  },
  InsertDeleteConflict: {
    vi: "Không chèn hoặc xoá được hàng vì vùng bên cạnh có ô gộp hoặc bảng Excel: hãy kiểm tra các ô quanh bảng rồi thử lại.",
    en: "Rows cannot be inserted or deleted because a neighbouring range has merged cells or an Excel table: check the cells around the table, then try again.",
  },
  MergedRangeConflict: {
    vi: "Không ghi được vì vướng ô gộp: hãy bỏ gộp các ô liên quan hoặc sửa tay.",
    en: "Cannot write because of merged cells: unmerge the cells concerned or edit by hand.",
  },
  UnsupportedOperation: {
    vi: "Office không hỗ trợ thao tác này trên tài liệu này.",
    en: "Office does not support this on this document.",
  },
  // Excel on the web: one request carries at most 5 MB (troubleshoot-development-errors).
  RequestPayloadSizeLimitExceeded: {
    vi: "Yêu cầu quá lớn cho Office trên web (tối đa 5 MB mỗi lần): hãy chia bảng thành nhiều phần hoặc dùng Excel/Word trên máy tính.",
    en: "The request is too large for Office on the web (5 MB at most each time): split the table into parts, or use Excel/Word on a computer.",
  },
  PayloadTooLarge: {
    vi: "Yêu cầu quá lớn cho Office trên web (tối đa 5 MB mỗi lần): hãy chia bảng thành nhiều phần hoặc dùng Excel/Word trên máy tính.",
    en: "The request is too large for Office on the web (5 MB at most each time): split the table into parts, or use Excel/Word on a computer.",
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: "Tài liệu quá lớn để đọc một lần trên Office trên web: hãy dùng Excel/Word trên máy tính.",
    en: "The document is too large to read at once in Office on the web: use Excel/Word on a computer.",
  },
  ActivityLimitReached: {
    vi: "Office đang bận vì quá nhiều yêu cầu: đợi một lát rồi thử lại.",
    en: "Office is busy with too many requests: wait a moment, then try again.",
  },
  RequestAborted: {
    vi: "Yêu cầu bị huỷ giữa chừng (tài liệu vừa đóng hoặc tải lại): hãy thử lại.",
    en: "The request was cancelled midway (the document was just closed or reloaded): try again.",
  },
  ServiceNotAvailable: {
    vi: "Dịch vụ của Office tạm thời không dùng được: hãy thử lại sau.",
    en: "An Office service is not available right now: try again later.",
  },
  Timeout: {
    vi: "Office trả lời quá lâu: hãy thử lại.",
    en: "Office took too long to answer: try again.",
  },
  GeneralException: {
    vi: "Office báo lỗi chung khi làm việc này: hãy lưu tài liệu, đọc lại rồi thử lại; nếu vẫn lỗi, đóng và mở lại tài liệu.",
    en: "Office reported a general error doing this: save the document, read it again, then try again; if it still fails, close and reopen the document.",
  },
  InternalError: {
    vi: "Office gặp lỗi bên trong: hãy lưu tài liệu, đóng và mở lại rồi thử lại.",
    en: "Office had an internal error: save the document, close and reopen it, then try again.",
  },
};

/** An Office.js error's code, when the value is one (OfficeExtension.Error has a string `code`). */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Za-z]+$/.test(code) ? code : null;
}

/** The message of an Office error code in a language ("" for a code KHCT does not know). */
export function officeCodeMessage(code: string, locale: "vi" | "en" = "vi"): string {
  return MESSAGES[code]?.[locale] ?? "";
}

/**
 * What to show for any error reaching the pane: an Office error by its code (known codes in
 * Vietnamese with what to do; unknown ones with Office's own words and the code), KHCT's own
 * errors (already Vietnamese) by their message.
 */
export function describeError(error: unknown, locale: "vi" | "en" = "vi"): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (code) {
    const known = officeCodeMessage(code, locale);
    const en = locale === "en";
    if (known) return `${known} (${en ? "Office error code" : "mã lỗi Office"}: ${code})`;
    return `${en ? "Office reported" : "Office báo lỗi"} ${code}${message && message !== code ? `: ${message}` : ""}.`;
  }
  return message || String(error);
}
