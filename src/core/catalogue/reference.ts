/**
 * Criterion references as plans write them: "Tiêu chí 1.2", "tiêu chí 2. 2", "TC 2.2", "2.2",
 * "Tiêu chí 1.10", and, under a MỨC 4 heading, "Tiêu chí 3". The parser tolerates the variants,
 * says whether the label is written the standard way, and explains in Vietnamese what is wrong.
 */
import { say, told, type MessageId, type Param, type Said } from "../messages";
import { findCriterion, findStandard } from "./catalogue";
import type { Criterion, Framework, Level4Criterion } from "./types";

export type CriterionRef =
  | {
      readonly kind: "criterion";
      readonly id: string;
      readonly standard: number;
      readonly number: number;
    }
  | { readonly kind: "level4"; readonly id: string; readonly number: number };

export type LabelForm = "label" | "abbreviation" | "bare";

export interface ParsedRef {
  readonly ok: true;
  readonly ref: CriterionRef;
  /** The standard way to write it: "Tiêu chí 2.2" (or "Tiêu chí 3" for Mức 4). */
  readonly label: string;
  readonly form: LabelForm;
  /** The label part exactly as written. */
  readonly written: string;
  /** True when `written` is already the standard label. */
  readonly canonical: boolean;
  /** What follows the label (a title, after ":" or "."), trimmed. */
  readonly rest: string;
  readonly criterion?: Criterion;
  readonly level4?: Level4Criterion;
}

export type RefErrorCode =
  | "empty"
  | "not-a-reference"
  | "needs-criterion-number"
  | "unknown-standard"
  | "unknown-criterion"
  | "unknown-level4"
  | "no-level4";

export interface RefError {
  readonly ok: false;
  readonly code: RefErrorCode;
  /** Vietnamese, for the user. */
  readonly reason: string;
  /** The same for the pane's language. */
  readonly said: Said;
}

export interface ParseOptions {
  /** Check the reference exists in this framework. */
  readonly framework?: Framework;
  /** Where the text stands: under "MỨC 1, 2, 3" (default) or under "MỨC 4". */
  readonly section?: "levels123" | "level4";
}

const PREFIX = /^\s*(?:(ti[eêế]u\s*ch[ií])|(tc))\s*(?:s[ốo]\s*)?/iu;
// "2.2", "2. 2", "2 .2"; a comma only when unspaced ("2,2"), since "1, 2" is a list.
const NUMBERS = /^(\d{1,2})(?:\s*\.\s*(\d{1,2})|,(\d{1,2}))?(?!\d)/u;
const BARE = /^\s*(\d{1,2})(?:\s*\.\s*(\d{1,2})|,(\d{1,2}))(?![\d.,]*\d)/u;

function error(
  code: RefErrorCode,
  id: MessageId,
  params: Readonly<Record<string, Param>> = {}
): RefError {
  const { message, said } = told(id, params);
  return { ok: false, code, reason: message, said };
}

const circular = (framework: Framework) => say("circular", { number: framework.circular });

export function parseCriterionRef(input: string, options: ParseOptions = {}): ParsedRef | RefError {
  const text = input.normalize("NFC");
  if (text.trim() === "") return error("empty", "ref.empty");
  const prefix = PREFIX.exec(text);
  let form: LabelForm;
  let standard: number;
  let number: number | undefined;
  let end: number;
  if (prefix) {
    form = prefix[1] ? "label" : "abbreviation";
    const after = text.slice(prefix[0].length);
    const numbers = NUMBERS.exec(after);
    if (!numbers || !numbers[1]) {
      return error("not-a-reference", "ref.no-number", { text: text.trim().slice(0, 40) });
    }
    standard = Number(numbers[1]);
    const second = numbers[2] ?? numbers[3];
    number = second === undefined ? undefined : Number(second);
    end = prefix[0].length + numbers[0].length;
  } else if (options.section === "level4" && /^\s*\d{1,2}\s*$/u.test(text)) {
    // Under a Mức 4 grouping, a bare "2" is Mức 4 criterion 2 (progress tables write it so).
    form = "bare";
    standard = Number(text.trim());
    number = undefined;
    end = text.length;
  } else {
    const bare = BARE.exec(text);
    const second = bare?.[2] ?? bare?.[3];
    if (!bare || !bare[1] || second === undefined) {
      return error("not-a-reference", "ref.unrecognised", { text: text.trim().slice(0, 40) });
    }
    form = "bare";
    standard = Number(bare[1]);
    number = Number(second);
    end = bare[0].length;
  }
  const written = text.slice(0, end).trim();
  const rest = text
    .slice(end)
    .replace(/^\s*[:.\-–—)]\s*/u, "")
    .trim();
  const framework = options.framework;

  if (number === undefined) {
    // "Tiêu chí 3": a Mức 4 criterion, which only makes sense under the MỨC 4 heading.
    if (options.section !== "level4") {
      return error("needs-criterion-number", "ref.needs-number", { written, standard });
    }
    const id = String(standard);
    const label = `Tiêu chí ${id}`;
    const parsed: ParsedRef = {
      ok: true,
      ref: { kind: "level4", id, number: standard },
      label,
      form,
      written,
      canonical: form === "bare" ? written === id : written === label,
      rest,
    };
    if (!framework) return parsed;
    if (framework.level4 === null)
      return error("no-level4", "ref.no-level4", { circular: circular(framework) });
    if (framework.level4.count === null) return parsed; // size of the Mức 4 list unknown: cannot check
    const level4 = framework.level4.criteria.find((c) => c.id === id);
    if (!level4) {
      return error("unknown-level4", "ref.unknown-level4", {
        circular: circular(framework),
        count: framework.level4.count,
        label,
      });
    }
    return { ...parsed, level4 };
  }

  const id = `${standard}.${number}`;
  const label = `Tiêu chí ${id}`;
  const parsed: ParsedRef = {
    ok: true,
    ref: { kind: "criterion", id, standard, number },
    label,
    form,
    written,
    canonical: form === "bare" ? written === id : written === label,
    rest,
  };
  if (!framework) return parsed;
  const standardData = findStandard(framework, String(standard));
  if (!standardData) {
    return error("unknown-standard", "ref.unknown-standard", {
      circular: circular(framework),
      standard,
      count: framework.standards.length,
      label,
    });
  }
  const found = findCriterion(framework, id);
  if (!found) {
    const n = standardData.criteria.length;
    return error("unknown-criterion", "ref.unknown-criterion", {
      circular: circular(framework),
      label,
      standard,
      count: n,
    });
  }
  return { ...parsed, criterion: found.criterion };
}

/** A list separator between references ("; ", ", ", " và ", " & ") or a range ("-", "đến"). */
const SEPARATOR = /^\s*(;|,|&|\+|\/|và|va|-|–|—|đến|den|tới|toi)\s*/iu;
const RANGE = /^(-|–|—|đến|den|tới|toi)$/iu;

/**
 * Every criterion a cell names: "Tiêu chí 1.4; Tiêu chí 2.3", "TC 1.1, 1.2 và 1.3", "1.1 - 1.3"
 * (a range within one standard), under MỨC 4 "Tiêu chí 2, 4, 5". The first is what
 * parseCriterionRef reads; the others follow it, each after a separator. A cell that names none
 * gives an empty list; a title after the label ("Tiêu chí 1.2: Hội đồng trường và …") ends the list.
 */
export function parseCriterionRefs(input: string, options: ParseOptions = {}): ParsedRef[] {
  const text = input.normalize("NFC");
  const first = parseCriterionRef(text, options);
  if (!first.ok) return [];
  const out: ParsedRef[] = [first];
  let remaining = text.slice(text.indexOf(first.written) + first.written.length);
  let previous = first;
  for (let guard = 0; guard < 60; guard++) {
    const sep = SEPARATOR.exec(remaining);
    if (!sep || !sep[1]) break;
    const after = remaining.slice(sep[0].length);
    let next: ParsedRef | RefError;
    if (previous.ref.kind === "level4") {
      // Mức 4 criteria are numbered 1…n: "Tiêu chí 2, 4, 5".
      const n = /^(?:(?:ti[eêế]u\s*ch[ií]|tc)\s*)?(\d{1,2})(?![\d.])/iu.exec(after);
      if (!n || !n[1]) break;
      next = parseCriterionRef(`Tiêu chí ${n[1]}`, { ...options, section: "level4" });
      if (!next.ok) break;
      next = { ...next, written: n[0].trim(), canonical: false };
    } else {
      next = parseCriterionRef(after, options);
      if (!next.ok || next.ref.kind !== "criterion") break;
    }
    const prev = previous.ref;
    const cur = next.ref;
    if (
      RANGE.test(sep[1]) &&
      prev.kind === "criterion" &&
      cur.kind === "criterion" &&
      prev.standard === cur.standard &&
      cur.number > prev.number + 1 &&
      cur.number - prev.number < 20
    ) {
      for (let k = prev.number + 1; k < cur.number; k++) {
        const between = parseCriterionRef(`Tiêu chí ${cur.standard}.${k}`, options);
        if (between.ok) out.push({ ...between, written: `${cur.standard}.${k}`, canonical: false });
      }
    }
    out.push(next);
    previous = next;
    remaining = after.slice(after.indexOf(next.written) + next.written.length);
  }
  // The same criterion named twice in one cell counts once.
  return out.filter((r, i) => out.findIndex((o) => o.ref.id === r.ref.id) === i);
}
