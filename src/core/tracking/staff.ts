/**
 * The people of a plan: the roles schools write in "Chủ trì và phối hợp" / "Người chịu trách nhiệm"
 * and the names written there. A staff list kept in the document (a table "Họ và tên | Chức vụ")
 * is read like any table; KHCT never invents a person.
 */
import type { AnalysedTable } from "../plan/session";
import { fold, squash } from "../text/fold";

/** Roles seen in plans, the decree's order of seniority. */
export const ROLES = [
  "Hiệu trưởng",
  "Phó hiệu trưởng",
  "Tổ trưởng chuyên môn",
  "Tổ phó chuyên môn",
  "Tổ trưởng văn phòng",
  "Tổng phụ trách Đội",
  "Chủ tịch Công đoàn",
  "Bí thư Chi đoàn",
  "Kế toán",
  "Văn thư",
  "Nhân viên thư viện",
  "Nhân viên thiết bị",
  "Nhân viên y tế",
  "Giáo viên chủ nhiệm",
  "Giáo viên",
  "Nhân viên",
  "Hội đồng trường",
  "Hội đồng tự đánh giá",
  "Tổ chuyên môn",
] as const;

const FOLDED_ROLES = ROLES.map((r) => ({ role: r, folded: fold(r) }));

export interface Person {
  /** As written: "Nguyễn Thị Lan", "cô Lan"; null when only a role is written. */
  readonly name: string | null;
  readonly role: string | null;
}

/** The people a cell names: split on commas, semicolons, "và", "phối hợp", line breaks. */
export function peopleIn(text: string): Person[] {
  // Lines first (a cell often lists one person per line), then the separators inside a line.
  const parts = text
    .split(/\r?\n/)
    .flatMap((line) =>
      squash(line).split(
        /[,;+]|\s(?:và|phối hợp(?: với)?|cùng|chủ trì:?|phối hợp:?)\s|^(?:chủ trì|phối hợp):?\s/iu
      )
    )
    .map((p) => (p ?? "").replace(/^[-–•:\s]+|[.\s]+$/gu, "").trim())
    .filter((p) => p.length > 1);
  const out: Person[] = [];
  for (const part of parts) {
    const f = fold(part).replace(/^(cac|cac dong chi|dong chi|d c|thay|co|ong|ba)\s+/, "");
    const role = FOLDED_ROLES.find(
      (r) => f === r.folded || f.startsWith(`${r.folded} `) || f === `${r.folded}s`
    );
    if (role) {
      // "Phó hiệu trưởng Trần Văn Minh": a role followed by a name.
      const rest = part.split(/\s+/).slice(role.role.split(" ").length).join(" ").trim();
      out.push({ role: role.role, name: rest && /^\p{Lu}/u.test(rest) ? rest : null });
    } else if (
      /^(?:(?:thầy|cô|ông|bà|đ\/c|đồng chí)\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,4}$/u.test(part)
    ) {
      out.push({ role: null, name: part });
    } else {
      out.push({ role: null, name: null });
    }
  }
  return out.filter((p) => p.name !== null || p.role !== null);
}

/** Does a responsible cell include this person (by name, or by role when the person gave one)? */
export function involves(
  cell: string,
  who: { readonly name?: string; readonly role?: string }
): boolean {
  const people = peopleIn(cell);
  const name = who.name ? fold(who.name) : "";
  const role = who.role ? fold(who.role) : "";
  return people.some((p) => {
    if (name && p.name) {
      const written = fold(p.name).replace(/^(thay|co|ong|ba|d c|dong chi)\s+/, "");
      // "cô Lan" matches "Nguyễn Thị Lan": a given name written alone matches the full name's last word.
      if (written === name || name.endsWith(` ${written}`)) return true;
    }
    return Boolean(role && p.role && fold(p.role) === role);
  });
}

/** Everyone the plan names, with how many rows each leads or joins. */
export function staffOf(cells: readonly string[]): { person: Person; rows: number }[] {
  const counts = new Map<string, { person: Person; rows: number }>();
  for (const cell of cells) {
    const seen = new Set<string>();
    for (const person of peopleIn(cell)) {
      const key = `${fold(person.role ?? "")}|${fold(person.name ?? "")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { person, rows: 0 };
      entry.rows++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      (a.person.role ? ROLES.indexOf(a.person.role as (typeof ROLES)[number]) : 99) -
        (b.person.role ? ROLES.indexOf(b.person.role as (typeof ROLES)[number]) : 99) ||
      b.rows - a.rows
  );
}

/** The staff list the school keeps in the document (tables "Họ và tên | Chức vụ"). */
export function staffList(tables: readonly AnalysedTable[]): { name: string; role: string }[] {
  const out: { name: string; role: string }[] = [];
  for (const t of tables) {
    if (t.kind !== "staff" || !t.table) continue;
    for (const row of t.table.rows) {
      const name = squash(row.cells.person?.text ?? "");
      if (!name) continue;
      out.push({ name, role: squash(row.cells.position?.text ?? "") });
    }
  }
  return out;
}

/**
 * Who a person is in the plan: their name, and the role the staff list gives them (so rows given
 * to "Tổ trưởng chuyên môn" are theirs too), unless they said their role themselves.
 */
export function withRole(
  who: { readonly name?: string; readonly role?: string },
  staff: readonly { readonly name: string; readonly role: string }[]
): { name?: string; role?: string } {
  if (who.role || !who.name) return { ...who };
  const found = staff.find((s) => fold(s.name) === fold(who.name ?? ""));
  const role = found
    ? FOLDED_ROLES.find((r) => fold(found.role).startsWith(r.folded))?.role
    : undefined;
  return role ? { ...who, role } : { ...who };
}
