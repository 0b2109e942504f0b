/**
 * Budget amounts as plans write them: "Không", "5 triệu đồng", "200.000đ/chuyên đề", "4 tỷ đồng",
 * "15 triệu/tháng", "100 triệu", "1,5 triệu", "2.000.000 đồng", "Hỗ trợ 30% kinh phí học tập",
 * and resources in words ("Ngân sách nhà nước", "Xã hội hóa").
 */
export type Budget =
  | { readonly kind: "none" }
  /** A one-off amount, in đồng. */
  | { readonly kind: "amount"; readonly dong: number }
  /** An amount per unit ("/tháng", "/chuyên đề"): not added to a total. */
  | { readonly kind: "recurring"; readonly dong: number; readonly per: string }
  /** A share of something ("Hỗ trợ 30% kinh phí học tập"): not an amount. */
  | { readonly kind: "share"; readonly percent: number }
  /** Words only ("Ngân sách nhà nước", "Xã hội hóa"): a source of funds, not an amount. */
  | { readonly kind: "source" }
  | { readonly kind: "unparseable" };

const UNIT: Readonly<Record<string, number>> = {
  nghìn: 1e3,
  ngàn: 1e3,
  triệu: 1e6,
  tr: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
};
// (\b is ASCII-only in JavaScript: "đ" needs a Unicode-aware end of word.)
const AMOUNT =
  /(\d{1,3}(?:[.\s]\d{3})+|\d+(?:,\d+)?)\s*(nghìn|ngàn|triệu|tr|tỷ|tỉ)?\s*(?:đồng|đ|vnđ|vnd)?(?![\p{L}\d])(?:\s*\/\s*([\p{L} ]{2,20}))?/iu;

export function parseBudget(text: string): Budget {
  const t = text.normalize("NFC").trim();
  if (t === "" || /^(không|0|-|—|không có)$/iu.test(t)) return { kind: "none" };
  const share = /(\d{1,3}(?:[.,]\d+)?)\s*%/u.exec(t);
  if (share && share[1]) return { kind: "share", percent: Number(share[1].replace(",", ".")) };
  const match = AMOUNT.exec(t);
  if (!match || !match[1]) return /\d/.test(t) ? { kind: "unparseable" } : { kind: "source" };
  const digits = match[1];
  const unit = match[2]?.toLowerCase();
  const grouped = /[.\s]\d{3}/.test(digits) && !digits.includes(",");
  const value = grouped ? Number(digits.replace(/[.\s]/g, "")) : Number(digits.replace(",", "."));
  if (!Number.isFinite(value)) return { kind: "unparseable" };
  const dong = Math.round(value * (unit ? (UNIT[unit] ?? 1) : 1));
  // A bare small number without a unit ("5") is not an amount anyone can read.
  if (!unit && !grouped && dong < 1000 && !/(đồng|đ\b|vnđ|vnd)/iu.test(t))
    return { kind: "unparseable" };
  const per = match[3]?.trim();
  return per ? { kind: "recurring", dong, per } : { kind: "amount", dong };
}

/** "4.100.000.000 đồng" */
export function formatDong(dong: number): string {
  return `${String(Math.round(dong)).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;
}

/**
 * Whether a text means an amount of money, so that an unreadable one is worth saying: a currency
 * word after a number, or a short text around a number ("khoảng 5"); longer free text with a number
 * ("Theo định mức 2 lần/năm") is a description of resources.
 */
export function mentionsMoney(text: string): boolean {
  const t = text.normalize("NFC");
  if (/\d\s*(đồng|đ|vnđ|vnd|nghìn|ngàn|triệu|tr|tỷ|tỉ)(?![\p{L}])/iu.test(t)) return true;
  return /\d/.test(t) && !t.includes("%") && t.trim().split(/\s+/).length <= 3;
}
