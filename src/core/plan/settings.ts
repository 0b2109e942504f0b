/**
 * The little KHCT keeps hidden in a document: the user's confirmation of the plan's school level
 * and framework. Everything else is read from the visible text each time. One short JSON string,
 * stored by the adapters where co-authoring is safe (Word: a custom document property; Excel: a
 * workbook setting), parsed defensively: a value a co-author or another version wrote is
 * never trusted blindly.
 */
import { frameworkById } from "../catalogue/catalogue";
import { isSchoolLevel, type SchoolLevel } from "../schoolLevel";
import { parseSchoolYear } from "../text/schoolYear";

export const SETTINGS_KEY = "KHCT";
/** Word custom document properties hold at most 255 characters. */
export const SETTINGS_MAX_LENGTH = 255;

export interface PlanSettings {
  readonly version: 1;
  readonly level: SchoolLevel;
  readonly frameworkId: string;
  /** "2025-2026", as confirmed; null when the document names none. */
  readonly schoolYear: string | null;
}

export function serializeSettings(settings: PlanSettings): string {
  const text = JSON.stringify({
    v: settings.version,
    level: settings.level,
    fw: settings.frameworkId,
    year: settings.schoolYear,
  });
  if (text.length > SETTINGS_MAX_LENGTH) throw new Error("settings: too long");
  return text;
}

/** The settings in a stored value, or null when there are none or they are not KHCT's. Never throws. */
export function parseSettings(raw: unknown): PlanSettings | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > SETTINGS_MAX_LENGTH) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.v !== 1 || !isSchoolLevel(record.level) || typeof record.fw !== "string") return null;
  const framework = frameworkById(record.fw);
  if (!framework || !framework.schoolLevels.includes(record.level)) return null;
  const year = typeof record.year === "string" && parseSchoolYear(record.year) ? record.year : null;
  return { version: 1, level: record.level, frameworkId: record.fw, schoolYear: year };
}
