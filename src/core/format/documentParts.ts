/**
 * The parts of an administrative document (Nghị định 30/2020, Phụ lục I) a plan must have, found
 * in its text: the header block, the number line, the place-and-date line, the title, "Nơi nhận:"
 * and the signature block. What is missing becomes a finding with the text of a template to insert.
 */
import { QUOC_HIEU, TIEU_NGU } from "./profile";
import { fold, squash } from "../text/fold";

export type PartId =
  "quocHieu" | "tieuNgu" | "number" | "dateLine" | "title" | "noiNhan" | "signature";

export interface DocumentPart {
  readonly id: PartId;
  readonly name: string;
  /** What NĐ 30/2020 asks for, in one sentence. */
  readonly rule: string;
  /** Text to insert when the part is missing (placeholders in square brackets). */
  readonly template: string;
  readonly test: (folded: string, raw: string) => boolean;
}

export const DOCUMENT_PARTS: readonly DocumentPart[] = [
  {
    id: "quocHieu",
    name: "Quốc hiệu",
    rule: "“CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: in hoa, cỡ 12-13, đứng, đậm, trên cùng bên phải trang đầu.",
    template: QUOC_HIEU,
    test: (f) => f === "cong hoa xa hoi chu nghia viet nam",
  },
  {
    id: "tieuNgu",
    name: "Tiêu ngữ",
    rule: "“Độc lập - Tự do - Hạnh phúc”: cỡ 13-14, đậm, canh giữa dưới Quốc hiệu, có gạch nối và cách chữ.",
    template: TIEU_NGU,
    test: (f) => f === "doc lap tu do hanh phuc",
  },
  {
    id: "number",
    name: "Số, ký hiệu",
    rule: "Dòng “Số: …/KH-…” canh giữa dưới tên cơ quan ban hành.",
    template: "Số:      /KH-[viết tắt tên trường]",
    test: (_f, raw) => /^Số\s*:.*\/\s*KH\s*-/u.test(raw),
  },
  {
    id: "dateLine",
    name: "Địa danh và thời gian",
    rule: "“[Địa danh], ngày … tháng … năm …”: in nghiêng, canh giữa dưới Quốc hiệu và Tiêu ngữ.",
    template: "[Địa danh], ngày     tháng     năm 20..",
    test: (f) => /^.{2,40} ngay .{0,12}thang .{0,12}nam/u.test(f),
  },
  {
    id: "title",
    name: "Tên loại văn bản",
    rule: "“KẾ HOẠCH”: in hoa, đậm, canh giữa; trích yếu ngay dưới, in thường, đậm.",
    template: "KẾ HOẠCH",
    test: (f, raw) => f.startsWith("ke hoach") && raw.trim().startsWith("KẾ HOẠCH"),
  },
  {
    id: "noiNhan",
    name: "Nơi nhận",
    rule: "“Nơi nhận:” sát lề trái, cỡ 12, nghiêng, đậm; mỗi nơi một dòng bắt đầu bằng gạch, dòng cuối “- Lưu: VT, …”.",
    template: "Nơi nhận:\n- [Nơi nhận];\n- Lưu: VT.",
    test: (f) => f.startsWith("noi nhan"),
  },
  {
    id: "signature",
    name: "Chức vụ người ký",
    rule: "“HIỆU TRƯỞNG” (hoặc “KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG”): in hoa, đậm, trên chữ ký và họ tên.",
    template: "HIỆU TRƯỞNG\n\n\n\n[Họ và tên]",
    test: (f, raw) =>
      /^(kt |tm |q )?hieu truong$|^pho hieu truong$/u.test(f) && raw === raw.toUpperCase(),
  },
];

/** Which parts the document's texts (paragraphs and table cells) have, and which it lacks. */
export function documentParts(texts: readonly string[]): {
  readonly present: readonly PartId[];
  readonly missing: readonly DocumentPart[];
} {
  const lines = texts
    .flatMap((t) => t.split("\n"))
    .map((raw) => ({ raw: squash(raw), folded: fold(raw) }));
  const present: PartId[] = [];
  const missing: DocumentPart[] = [];
  for (const part of DOCUMENT_PARTS) {
    if (lines.some((l) => l.folded && part.test(l.folded, l.raw))) present.push(part.id);
    else missing.push(part);
  }
  return { present, missing };
}
