import type { Locale } from "./template";

/**
 * A table's place as the hosts name it ("Bảng 2", "Trang tính KH, từ hàng 14", "cuối văn bản"),
 * in a language. The sheet's name is the workbook's own and stays as written.
 */
export function whereIn(where: string, locale: Locale): string {
  if (locale === "vi") return where;
  const sheet = /^Trang tính (.+), từ hàng (\d+)$/u.exec(where);
  if (sheet) return `Sheet ${sheet[1]}, from row ${sheet[2]}`;
  const table = /^Bảng (\d+)$/u.exec(where);
  if (table) return `Table ${table[1]}`;
  if (where === "cuối văn bản") return "end of the document";
  return where;
}
