/**
 * The plan's identity — school level, school name, school year, cited circulars — read from the
 * document's own visible text, so every co-author of a shared file gets the same answer.
 * The user confirms it; only the confirmation is stored (see settings.ts).
 */
import { fold, squash } from "../text/fold";
import { findYearRanges, schoolYear, type SchoolYear } from "../text/schoolYear";
import type { SchoolLevel } from "../schoolLevel";
import { CATALOGUE } from "../catalogue/catalogue";

export interface Evidence {
  readonly level: SchoolLevel;
  /** The words that show it, as written. */
  readonly text: string;
  /** Titles: standard or criterion titles that only this level's circular has (weakest). */
  readonly source: "school-name" | "circular" | "titles";
}

export interface PlanIdentity {
  /** The level most of the evidence points to; null when none does. */
  readonly level: SchoolLevel | null;
  readonly evidence: readonly Evidence[];
  /** True when the evidence points to more than one level. */
  readonly conflicting: boolean;
  readonly schoolName: string | null;
  /** The school year the plan is for: the first consecutive "Năm học yyyy-yyyy" (title first). */
  readonly schoolYear: SchoolYear | null;
  /** Circulars cited, normalised as "17/2018/TT-BGDĐT", in order of first mention. */
  readonly citedCirculars: readonly string[];
  /** A plan for several school years ("Kế hoạch … giai đoạn 2022-2025"): from September of `start` to May of `end`. */
  readonly period: { readonly start: number; readonly end: number } | null;
  /**
   * The document is written on Thông tư 57/2026's plan form (Biểu 2 Phụ lục V, as apps print it):
   * several of its own column and section names are there.
   */
  readonly successorForm?: boolean;
}

/** Words of TT57's plan form that 2018 plans do not use (folded), from its tables and headings. */
const SUCCESSOR_FORM_MARKS: readonly RegExp[] = [
  /^(diem )?han che$/,
  /^nguyen nhan( cua han che)?$/,
  /^noi dung cai tien/,
  /^chi so (danh gia )?ket qua/,
  /^muc do thuc hien/,
  /van de trong tam/,
  /^nguoi danh gia$/,
  /^thoi diem$/,
  /^nguon luc bao dam/,
  /\bbieu 2\b.*\bphu luc v\b/,
];
/** How many distinct marks make the form (one could be a school's own wording). */
const SUCCESSOR_FORM_MIN = 3;

// Folded (no diacritics, lower case) school-type words and the level they mean.
const SCHOOL_TYPES: readonly { readonly pattern: RegExp; readonly level: SchoolLevel }[] = [
  { pattern: /\btruong (mam non|mau giao|mn)\b/, level: "mam-non" },
  { pattern: /\bnha tre\b/, level: "mam-non" },
  {
    pattern:
      /\btruong (ptdtbt |ptdtnt |pt dtbt )?(th thcs|tieu hoc va trung hoc co so|thcs|thpt|trung hoc co so|trung hoc pho thong|pho thong|ptth|pt)\b/,
    level: "trung-hoc",
  },
  { pattern: /\btruong (ptdtbt |ptdtnt )?(tieu hoc|th)\b/, level: "tieu-hoc" },
];

const CIRCULAR_LEVEL: Readonly<Record<string, SchoolLevel>> = {
  "17/2018": "tieu-hoc",
  "18/2018": "trung-hoc",
  "19/2018": "mam-non",
};

const CIRCULAR = /(\d{1,4})\s*\/\s*(\d{4})\s*\/\s*(TT|NĐ|QĐ|ND|QD)\s*-\s*([A-ZĐa-zđ&]+)/gu;
const SCHOOL_PREFIX =
  /trường\s+(mầm non|mẫu giáo|tiểu học|trung học cơ sở|trung học phổ thông|THCS|THPT|TH\s*&\s*THCS|PTDTBT\s+(?:TH|THCS)|PTDTNT\s+THCS|TH|MN)(?=\s)/giu;
// The proper name after the school type: capitalised words (or numbers, "Số 1"), case-sensitive.
const PROPER_NAME = /^(?:\s+(?:\p{Lu}[\p{L}\d]*|\d+))+/u;

/**
 * Standard and criterion titles (folded) that one school level's 2018 circular has and the others
 * do not: a table of titles names its level even when nothing cites a circular.
 */
const TITLE_LEVEL: ReadonlyMap<string, SchoolLevel> = (() => {
  const seen = new Map<string, Set<SchoolLevel>>();
  for (const framework of CATALOGUE.frameworks) {
    if (framework.levelCount !== 3) continue; // the 2018 circulars, one level each
    const titles = [
      ...framework.standards.map((s) => s.title),
      ...framework.standards.flatMap((s) => s.criteria.map((c) => c.title)),
    ];
    for (const title of titles) {
      const key = fold(title);
      if (key.split(" ").length < 3) continue;
      const levels = seen.get(key) ?? new Set<SchoolLevel>();
      framework.schoolLevels.forEach((l) => levels.add(l));
      seen.set(key, levels);
    }
  }
  const out = new Map<string, SchoolLevel>();
  for (const [title, levels] of seen)
    if (levels.size === 1) out.set(title, [...levels][0] as SchoolLevel);
  return out;
})();

/** Criterion ids of each level's 2018 circular: a plan naming "Tiêu chí 5.6" is not preschool or primary. */
const LEVEL_IDS: ReadonlyMap<SchoolLevel, ReadonlySet<string>> = new Map(
  CATALOGUE.frameworks
    .filter((f) => f.levelCount === 3)
    .flatMap((f) =>
      f.schoolLevels.map(
        (l) => [l, new Set(f.standards.flatMap((s) => s.criteria.map((c) => c.id)))] as const
      )
    )
);

/** The levels whose circular has no such criterion ("Tiêu chí 2.4", "5.6" in a cell). */
function levelsWithout(folded: string): SchoolLevel[] {
  const m = /^(?:(?:tieu chi|tc) )?(\d{1,2}\.\d{1,2})(?: |$)/.exec(folded);
  if (!m || !m[1]) return [];
  const id = m[1];
  return [...LEVEL_IDS].filter(([, ids]) => !ids.has(id)).map(([level]) => level);
}

/** The level whose own titles a text holds ("Tiêu chí 3.4: Khối phòng tổ chức ăn" → mầm non). */
function levelOfTitle(folded: string): SchoolLevel | null {
  const label = /^(?:\d+ )?(?:tieu chuan|tieu chi|tc) \d{1,2}(?:\.\d{1,2})? (.+)$/.exec(folded);
  const title = label?.[1] ?? folded;
  return TITLE_LEVEL.get(title) ?? null;
}

export function detectPlanIdentity(paragraphs: readonly string[]): PlanIdentity {
  const evidence: Evidence[] = [];
  const ruledOut = new Set<SchoolLevel>();
  const cited: string[] = [];
  let schoolName: string | null = null;
  let year: SchoolYear | null = null;
  let fallbackYear: SchoolYear | null = null;
  let period: { start: number; end: number } | null = null;
  const formMarks = new Set<number>();

  for (const raw of paragraphs) {
    const text = squash(raw.normalize("NFC"));
    if (!text) continue;
    const folded = fold(text);
    if (text.length < 120) {
      const bare = folded.replace(/\s*\(\d+\)\s*$/, "").replace(/^[ivx]+\.\s*/, "");
      SUCCESSOR_FORM_MARKS.forEach((mark, i) => {
        if (mark.test(bare)) formMarks.add(i);
      });
    }
    const span: RegExpExecArray | null = period
      ? null
      : /ke hoach.*giai doan (\d{4}) (\d{4})/.exec(folded);
    if (span && Number(span[2]) > Number(span[1]))
      period = { start: Number(span[1]), end: Number(span[2]) };
    for (const { pattern, level } of SCHOOL_TYPES) {
      const match = pattern.exec(folded);
      if (match) {
        evidence.push({ level, text: original(text, match[0]), source: "school-name" });
        break;
      }
    }
    if (!schoolName) schoolName = findSchoolName(text);
    const titled = text.length < 300 ? levelOfTitle(folded) : null;
    if (titled) evidence.push({ level: titled, text, source: "titles" });
    if (text.length < 300) levelsWithout(folded).forEach((l) => ruledOut.add(l));
    for (const match of text.matchAll(CIRCULAR)) {
      const number = `${Number(match[1])}/${match[2]}/${(match[3] ?? "").toUpperCase().replace("ND", "NĐ").replace("QD", "QĐ")}-${(match[4] ?? "").replace("&", "").toUpperCase()}`;
      if (!cited.includes(number)) cited.push(number);
      const level = CIRCULAR_LEVEL[`${Number(match[1])}/${match[2]}`];
      if (level) evidence.push({ level, text: match[0], source: "circular" });
    }
    if (!year) {
      for (const mention of findYearRanges(text)) {
        if (!mention.consecutive) continue;
        if (/năm học\s*$/iu.test(text.slice(0, mention.index))) {
          year = schoolYear(mention.start);
          break;
        }
        fallbackYear ??= schoolYear(mention.start);
      }
    }
  }

  // Thông tư 22/2024 amends all three 2018 circulars, and plans quote its subject in full: when
  // several levels' circulars are cited, the citations say nothing about this school's level.
  const citedLevels = new Set(evidence.filter((e) => e.source === "circular").map((e) => e.level));
  if (citedLevels.size > 1)
    evidence.splice(0, evidence.length, ...evidence.filter((e) => e.source !== "circular"));
  // Titles only decide when neither the school's name nor a citation does (a plan may copy another
  // level's title by mistake: that is a finding, not its level).
  const strong = evidence.filter((e) => e.source !== "titles");
  const levels = [...new Set(strong.map((e) => e.level))];
  // The school's own name outweighs a citation (a plan may cite another level's circular by mistake).
  const byName = evidence.find((e) => e.source === "school-name");
  const level =
    byName?.level ??
    mostFrequent(strong.map((e) => e.level)) ??
    mostFrequent(
      evidence.filter((e) => e.source === "titles" && !ruledOut.has(e.level)).map((e) => e.level)
    );
  return {
    level,
    evidence,
    conflicting: levels.length > 1,
    schoolName,
    schoolYear: year ?? fallbackYear,
    citedCirculars: cited,
    period,
    successorForm: formMarks.size >= SUCCESSOR_FORM_MIN,
  };
}

function mostFrequent<T>(values: readonly T[]): T | null {
  const countsByValue = new Map<T, number>();
  for (const v of values) countsByValue.set(v, (countsByValue.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [v, n] of countsByValue) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** The words of `text` that a folded match covers (folding keeps one character per character, except collapsed spaces). */
function original(text: string, foldedMatch: string): string {
  const words = foldedMatch.trim().split(" ").length;
  const start = fold(text).indexOf(foldedMatch.trim());
  if (start < 0) return foldedMatch;
  const tokens = text.split(/\s+/);
  const foldedTokens = tokens.map((t) => fold(t));
  const first = foldedTokens.findIndex(
    (t, i) => foldedTokens.slice(i, i + words).join(" ") === foldedMatch.trim()
  );
  return first >= 0 ? tokens.slice(first, first + words).join(" ") : foldedMatch;
}

const TYPE_CANONICAL: Readonly<Record<string, string>> = {
  "mam non": "Mầm non",
  "mau giao": "Mẫu giáo",
  "tieu hoc": "Tiểu học",
  "trung hoc co so": "Trung học cơ sở",
  "trung hoc pho thong": "Trung học phổ thông",
};

/** "TRƯỜNG TIỂU HỌC BẮC HƯNG" -> "Trường Tiểu học Bắc Hưng"; "trường tiểu học Thanh Luông" -> "Trường Tiểu học Thanh Luông". */
function findSchoolName(text: string): string | null {
  for (const prefix of text.matchAll(SCHOOL_PREFIX)) {
    const type = prefix[1] ?? "";
    const rest = PROPER_NAME.exec(text.slice((prefix.index ?? 0) + prefix[0].length));
    if (!rest) continue;
    const name = squash(rest[0]);
    const canonicalType = TYPE_CANONICAL[fold(type)] ?? squash(type).toUpperCase();
    const properName =
      name === name.toUpperCase() ? name.toLowerCase().split(" ").map(capitalise).join(" ") : name;
    return `Trường ${canonicalType} ${properName}`;
  }
  return null;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
