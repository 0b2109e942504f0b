/** A1-style column letters: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "Sheet1!B3:D4", "'Kế hoạch'!$B$3" or "B3" -> zero-based corners (an unreadable address reads as A1). */
export function parseAddress(address: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a = "A1", b] = local.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s.trim());
    if (!m || !m[1] || !m[2]) return { row: 0, col: 0 };
    const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const start = cell(a);
  const end = b ? cell(b) : start;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}
