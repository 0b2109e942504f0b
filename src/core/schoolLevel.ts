/**
 * School levels, named the same way everywhere in KHCT (data files, CLI flags, settings).
 * Each 2018 accreditation circular covers one of them.
 */
export const SCHOOL_LEVELS = ["mam-non", "tieu-hoc", "trung-hoc"] as const;

export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const SCHOOL_LEVEL_NAME: Readonly<Record<SchoolLevel, string>> = {
  "mam-non": "Mầm non",
  "tieu-hoc": "Tiểu học",
  "trung-hoc": "Trung học (THCS, THPT, trường phổ thông có nhiều cấp học)",
};

export function isSchoolLevel(value: unknown): value is SchoolLevel {
  return typeof value === "string" && (SCHOOL_LEVELS as readonly string[]).includes(value);
}

const ALIASES: Readonly<Record<string, SchoolLevel>> = {
  "mam non": "mam-non",
  mn: "mam-non",
  "mau giao": "mam-non",
  "nha tre": "mam-non",
  "tieu hoc": "tieu-hoc",
  th: "tieu-hoc",
  "trung hoc": "trung-hoc",
  thcs: "trung-hoc",
  thpt: "trung-hoc",
  "trung hoc co so": "trung-hoc",
  "trung hoc pho thong": "trung-hoc",
  "th thcs": "trung-hoc",
  "thcs thpt": "trung-hoc",
  "pho thong": "trung-hoc",
};

const foldName = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * A school level from the names people use for it: "tieu-hoc", "tiểu học", "TH"; "trung-hoc",
 * "THCS", "THPT", "trung học cơ sở"; "mam-non", "MN", "mẫu giáo". Null when it names none.
 */
export function parseSchoolLevel(name: string): SchoolLevel | null {
  const folded = foldName(name);
  if (isSchoolLevel(name.trim())) return name.trim() as SchoolLevel;
  return ALIASES[folded] ?? null;
}

/** The level a file's name gives ("ke-hoach-thcs-2025.xlsx", "KH cai tien MN.docx"), if exactly one. */
export function levelFromFileName(fileName: string): SchoolLevel | null {
  const words = foldName(fileName.replace(/\.[a-z0-9]+$/i, "")).split(" ");
  const found = new Set<SchoolLevel>();
  for (let i = 0; i < words.length; i++) {
    for (const n of [3, 2, 1]) {
      const level = ALIASES[words.slice(i, i + n).join(" ")];
      // A bare "th" in a file name is too often something else ("thang", "thu").
      if (level && !(n === 1 && words[i] === "th")) found.add(level);
    }
  }
  return found.size === 1 ? ([...found][0] as SchoolLevel) : null;
}
