/** Rules on criterion rows: existence for the level, label form, title, duplicates, target level. */
import { levelName, say, told } from "../../messages";
import { criteria, findCriterion } from "../../catalogue/catalogue";
import type { Criterion, Framework } from "../../catalogue/types";
import { fold, squash } from "../../text/fold";
import type { Finding, Rule } from "../types";
import { criterionRows, planTables, sameTitle, levelsOfTitle } from "./helpers";

export const criterionUnknown: Rule = {
  id: "criterion-unknown",
  area: "criteria",
  description:
    "Tiêu chí không có trong thông tư của cấp học, hoặc dòng Mức 4 không phải tiêu chí Mức 4.",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      for (const row of table.rows) {
        if ((row.kind !== "criterion" && row.kind !== "level4") || !row.refError || !row.ref)
          continue;
        findings.push({
          rule: this.id,
          severity: "error",
          ...told("criterion-unknown", {
            reason: row.refError.said,
            level: levelName(context.level),
          }),
          location: { table: key, row: row.index, column: row.cells.criterion?.col ?? 0 },
          criterion: row.ref.ref.id,
        });
      }
    }
    return findings;
  },
};

export const criterionLabel: Rule = {
  id: "criterion-label",
  area: "criteria",
  description: "Nhãn tiêu chí viết sai dạng (“Tiêu chí 2. 2”, “tiêu chí 2.2”, “TC 2.2”), sửa được.",
  fixable: true,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      for (const row of table.rows) {
        const cell = row.cells.criterion;
        if (!row.ref || !cell || cell.covered || row.ref.canonical || row.ref.form === "bare")
          continue;
        const fixed = cell.text.replace(row.ref.written, row.ref.label);
        if (fixed === cell.text) continue;
        findings.push({
          rule: this.id,
          severity: "warning",
          ...told("criterion-label", { written: row.ref.written, label: row.ref.label }),
          location: { table: key, row: row.index, column: cell.col },
          criterion: row.ref.ref.id,
          fix: [{ table: key, row: row.index, col: cell.col, expected: cell.text, text: fixed }],
        });
      }
    }
    return findings;
  },
};

export const criterionTitle: Rule = {
  id: "criterion-title",
  area: "titles",
  description:
    "Tên tiêu chí ghi sau nhãn khác với tên trong thông tư của cấp học (thường là chép từ cấp học khác).",
  fixable: true,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      for (const row of criterionRows(table)) {
        const cell = row.cells.criterion;
        const criterion = row.ref?.criterion;
        const written = squash(row.ref?.rest ?? "");
        if (
          !cell ||
          !criterion ||
          !row.ref ||
          written.length < 4 ||
          sameTitle(written, criterion.title)
        )
          continue;
        // "Tiêu chí 1.4; Tiêu chí 2.3": a list of criteria (the solutions layout), not a title.
        if (/^[;,]|ti[eê]u\s*ch[ií]\s*\d/iu.test(written)) continue;
        const from = levelsOfTitle(context.framework, "criterion", criterion.id, written);
        findings.push({
          rule: this.id,
          severity: from ? "error" : "warning",
          ...told(from ? "criterion-title.other-level" : "criterion-title.differs", {
            label: row.ref.label,
            written,
            ...(from ? { from: from.map(levelName) } : {}),
            circular: say("circular", { number: context.framework.circular }),
            title: criterion.title,
          }),
          location: { table: key, row: row.index, column: cell.col },
          criterion: criterion.id,
          fix: [
            {
              table: key,
              row: row.index,
              col: cell.col,
              expected: cell.text,
              text: `${row.ref.label}: ${criterion.title}`,
            },
          ],
        });
      }
    }
    return findings;
  },
};

export const criterionDuplicate: Rule = {
  id: "criterion-duplicate",
  area: "criteria",
  description:
    "Một tiêu chí có hai dòng trong phần MỨC 1, 2, 3 (trừ bảng theo dõi tiến độ, nơi mỗi tiêu chí có nhiều việc).",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      if (table.header.layout.rowsPerCriterion === "many") continue;
      const seen = new Map<string, number>();
      for (const row of criterionRows(table)) {
        if (!row.ref || row.cells.criterion?.covered) continue;
        // A row naming several criteria counts for each of them.
        const others = (row.refs ?? []).slice(1);
        for (const ref of others) if (!seen.has(ref.ref.id)) seen.set(ref.ref.id, row.index);
        const id = row.ref.ref.id;
        const first = seen.get(id);
        if (first === undefined || first === row.index) {
          seen.set(id, row.index);
          continue;
        }
        const better = closerCriterion(
          context.framework,
          row.ref.ref.id,
          [row.cells.target?.text ?? "", row.cells.solution?.text ?? ""].join(" ")
        );
        findings.push({
          rule: this.id,
          severity: "error",
          ...told(better ? "criterion-duplicate.closer" : "criterion-duplicate.plain", {
            label: row.ref.label,
            first: first + 1,
            row: row.index + 1,
            ...(better ? { other: better.id, title: better.title } : {}),
          }),
          location: { table: key, row: row.index, column: row.cells.criterion?.col ?? 0 },
          criterion: id,
        });
      }
    }
    return findings;
  },
};

function wordsOf(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(" ")
      .filter((w) => w.length > 2)
  );
}

/** Each criterion's words (title and indicators), computed once per criterion. */
const criterionWords = new WeakMap<Criterion, Set<string>>();

/** How much of the row's wording the criterion's title and indicators share. */
function overlap(row: Set<string>, criterion: Criterion): number {
  let words = criterionWords.get(criterion);
  if (!words) {
    const text = [
      criterion.title,
      ...([1, 2, 3] as const).flatMap((l) => (criterion.levels[l] ?? []).map((i) => i.text)),
    ].join(" ");
    words = wordsOf(text);
    criterionWords.set(criterion, words);
  }
  let common = 0;
  for (const w of row) if (words.has(w)) common++;
  return row.size ? common / row.size : 0;
}

/** Another criterion whose indicators match the row's content much better than the one written. */
export function closerCriterion(
  framework: Framework,
  writtenId: string,
  content: string
): Criterion | null {
  const row = wordsOf(content);
  if (row.size < 3) return null;
  const written = findCriterion(framework, writtenId)?.criterion;
  const own = written ? overlap(row, written) : 0;
  let best: { criterion: Criterion; score: number } | null = null;
  for (const criterion of criteria(framework)) {
    if (criterion.id === writtenId) continue;
    const score = overlap(row, criterion);
    if (!best || score > best.score) best = { criterion, score };
  }
  return best && best.score >= 0.4 && best.score >= own * 1.5 + 0.1 ? best.criterion : null;
}

export const targetLevel: Rule = {
  id: "target-level",
  area: "criteria",
  description:
    "Cột “Mức” ghi một mức mà tiêu chí không có (ví dụ Mức 3 cho tiêu chí không có Mức 3).",
  fixable: false,
  check(context) {
    const findings: Finding[] = [];
    for (const { key, table } of planTables(context)) {
      for (const row of criterionRows(table)) {
        const cell = row.cells.level;
        const criterion =
          row.ref?.criterion ??
          (row.ref ? findCriterion(context.framework, row.ref.ref.id)?.criterion : undefined);
        const match = cell ? /([1-4])/.exec(cell.text) : null;
        if (!cell || !criterion || !match) continue;
        const level = Number(match[1]);
        if (level === 4 || level <= criterion.maxLevel) continue;
        findings.push({
          rule: this.id,
          severity: "error",
          ...told("target-level", {
            id: criterion.id,
            level,
            max: criterion.maxLevel,
            circular: say("circular", { number: context.framework.circular }),
          }),
          location: { table: key, row: row.index, column: cell.col },
          criterion: criterion.id,
        });
      }
    }
    return findings;
  },
};
