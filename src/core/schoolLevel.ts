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
