/**
 * What a file-system error means, in Vietnamese: Node gives a code ("EACCES") and an English
 * sentence; the user gets what happened and what to do.
 */
const MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: "không có tệp hoặc thư mục này",
  EACCES: "không có quyền truy cập (hãy kiểm tra quyền của tệp/thư mục)",
  EPERM: "hệ điều hành không cho phép thao tác này (hãy kiểm tra quyền của tệp/thư mục)",
  EISDIR: "đây là thư mục, không phải tệp",
  ENOTDIR: "một phần của đường dẫn không phải thư mục",
  ENOSPC: "ổ đĩa đã đầy",
  EROFS: "ổ đĩa chỉ cho đọc",
  EBUSY: "tệp đang bị chương trình khác dùng (hãy đóng tệp rồi thử lại)",
  EMFILE: "đang mở quá nhiều tệp cùng lúc",
  ENAMETOOLONG: "tên tệp quá dài",
  EEXIST: "tệp đã có",
  EXDEV: "không chuyển được tệp sang ổ đĩa khác",
  ELOOP: "đường dẫn có liên kết vòng",
  EIO: "lỗi đọc/ghi của ổ đĩa",
};

/** "không có quyền truy cập (…)" for an error with a code; the code itself when it is not known. */
export function systemErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return MEANINGS[code] ?? `lỗi hệ thống ${code}`;
  return "lỗi hệ thống không rõ";
}
