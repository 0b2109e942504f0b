/**
 * Filling Thông tư 57/2026's plan form (Biểu 2 Phụ lục V, as school apps print it), as data. The form
 * is not one row per criterion: Mục IV lists the priority issues the school chose, Mục V an
 * improvement item for each. So fill works in two steps, each a patch of one table:
 * - Mục IV: the criteria below the target are offered as candidates; only the ones the user picks
 *   are written ("không xây dựng kế hoạch cải tiến đối với toàn bộ tiêu chí mà tập trung vào các vấn
 *   đề ưu tiên") — never all of them by default;
 * - Mục V: an item for every Mục IV issue that has none yet (linked by criterion code, by wording, or
 *   by order — the same links the check reads), its goal and result indicator drawn from the
 *   criterion's text of the target level, the rest left as "[Ghi …]" for the school.
 * Rows the form prints empty ("[Ghi điểm hạn chế]" …, KHCT's own placeholders) are used first, in
 * order; other rows go at the end of the table. A cell the school wrote is never written.
 */
import { criteria, findCriterion, findStandard, planDate } from "../catalogue/catalogue";
import type { Framework, LevelNumber } from "../catalogue/types";
import { fold, squash } from "../text/fold";
import type { SchoolYear } from "../text/schoolYear";
import type { ColumnRole } from "./layouts";
import { applyPatch, type Patch, type PatchOp } from "./patch";
import type { AssessmentResults } from "./proposal";
import { readPlanTable, type PlanRow, type PlanTable } from "./rows";
import { gridFromStrings } from "./table";
import { defaultTimeframe, isTemplateFiller, targetText, type AssessedLevel } from "./templates";

/** What the form prints in a cell for the school to write, as KHCT writes it (new plans and fill alike). */
export const FORM_PLACEHOLDERS = {
  standard: "[Số tiêu chuẩn]",
  criterion: "[Mã tiêu chí, nếu có]",
  currentState: "[Ghi hiện trạng]",
  weakness: "[Ghi điểm hạn chế]",
  cause: "[Ghi nguyên nhân]",
  content: "[Ghi nội dung cải tiến]",
  target: "[Ghi mục tiêu]",
  solution: "[Ghi hoạt động, giải pháp]",
  indicator: "[Ghi chỉ số đánh giá kết quả]",
  responsible: "[Ghi đơn vị, cá nhân phụ trách]",
  resources: "[Ghi nguồn lực]",
  evidence: "[Ghi minh chứng dự kiến]",
  monitored: "[Ghi nội dung theo dõi]",
  assessor: "[Ghi người đánh giá]",
} as const satisfies Partial<Record<ColumnRole, string>>;

/** Criterion codes written in a cell ("1.4", "Tiêu chí 2.1; 2.2"). */
export const codesIn = (text: string): string[] =>
  [...text.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])/g)].map((m) => `${m[1]}.${m[2]}`);

/** Two-syllable words of a text (folded), the unit of meaning in Vietnamese, without the form's own. */
const COMMON = new Set([
  "chat luong",
  "giao duc",
  "nha truong",
  "thuc hien",
  "cai tien",
  "nang cao",
  "hoat dong",
  "ke hoach",
  "nam hoc",
  "to chuc",
  "tieu chi",
  "tieu chuan",
  "hoc sinh",
  "giao vien",
  // The words of results and levels, which every issue and item may carry.
  "ket qua",
  "qua tu",
  "tu danh",
  "danh gia",
  "dat muc",
  "can dat",
  "chua dat",
  "khong dat",
  "hien trang",
  "muc tieu",
  "chi so",
]);
const meaningful = (text: string) => {
  const syllables = fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) {
    const pair = `${syllables[i]} ${syllables[i + 1]}`;
    // A number ("mức 2", "2 tiết") says nothing about what the issue is.
    if (!COMMON.has(pair) && !/\d/.test(pair)) pairs.add(pair);
  }
  return pairs;
};

/** What links an issue to plan items: the criteria it names and its words (hạn chế, nguyên nhân, hiện trạng). */
export interface IssueText {
  readonly codes: readonly string[];
  readonly words: string;
}

/**
 * For each issue, whether some item addresses it: an item naming one of its criteria, or sharing
 * two meaningful words with it. Tables that never refer to each other are read in order (issue n,
 * item n) when there are as many items as issues.
 */
export function linkIssues(issues: readonly IssueText[], items: readonly string[]): boolean[] {
  const linked = issues.map(({ codes, words }) => {
    if (codes.some((code) => items.some((item) => codesIn(item).includes(code)))) return true;
    const own = meaningful(words);
    return items.some((item) => {
      const theirs = meaningful(item);
      return [...own].filter((w) => theirs.has(w)).length >= 2;
    });
  });
  if (!linked.some(Boolean) && items.length >= issues.length) return issues.map(() => true);
  return linked;
}

const ROLE_TEXT = (row: PlanRow, role: ColumnRole): string => {
  const cell = row.cells[role];
  return cell && !cell.covered ? squash(cell.text) : "";
};

/** The school's own text of a cell: "" when empty or KHCT's placeholder. */
const written = (row: PlanRow, role: ColumnRole): string => {
  const text = ROLE_TEXT(row, role);
  return isTemplateFiller(text) ? "" : text;
};

/** Cells that do not make a row an issue or an item by themselves: its number, the time KHCT writes, the status. */
const FRAME: ReadonlySet<ColumnRole> = new Set(["tt", "timeframe", "progress"]);
const rolesOf = (row: PlanRow) => Object.keys(row.cells) as ColumnRole[];
const isNumber = (text: string) => /^\d{1,3}\.?$/.test(text);

/** A row the school wrote: some cell other than its number, time and status holds its own text. */
export function isContentRow(row: PlanRow): boolean {
  return rolesOf(row).some((role) => !FRAME.has(role) && written(row, role) !== "");
}

/**
 * A row the form prints for the school to write: a number or KHCT's placeholders, nothing the
 * school wrote (a note row such as "Lưu ý: …" under the table is neither a slot nor an issue).
 */
export function isSlotRow(row: PlanRow): boolean {
  const tt = ROLE_TEXT(row, "tt");
  if ((tt && !isNumber(tt)) || isContentRow(row)) return false;
  return tt !== "" || rolesOf(row).some((role) => isTemplateFiller(ROLE_TEXT(row, role)));
}

/** The issues of a Mục IV table: its rows that are not empty and not the form's blank rows. */
export interface Issue extends IssueText {
  readonly row: number;
  readonly number: string;
  readonly weakness: string;
  readonly currentState: string;
}

export function readIssues(table: PlanTable): Issue[] {
  return table.rows.filter(isContentRow).map((row) => {
    const weakness = written(row, "weakness");
    const currentState = written(row, "currentState");
    return {
      row: row.index,
      number: ROLE_TEXT(row, "tt"),
      codes: codesIn(written(row, "criterion")),
      words: [weakness, written(row, "cause"), currentState].join(" "),
      weakness,
      currentState,
    };
  });
}

/** The text of each item of a Mục V table (every role cell), for linking. */
export function itemTexts(table: PlanTable): string[] {
  return table.rows.filter(isContentRow).map((row) =>
    rolesOf(row)
      .map((role) => written(row, role))
      .filter(Boolean)
      .join(" ")
  );
}

/** A criterion the user may pick as a priority issue for Mục IV. */
export interface PriorityCandidate {
  readonly id: string;
  readonly standardId: string;
  readonly title: string;
  readonly mandatory: boolean;
  readonly current: AssessedLevel;
  readonly target: LevelNumber;
  /** Already named in Mục IV (not offered for writing again). */
  readonly named: boolean;
}

/**
 * The criteria below the target (capped at each criterion's highest level), mandatory ones marked;
 * criteria without a result are listed apart (nothing is guessed for them).
 */
export function priorityCandidates(
  framework: Framework,
  results: AssessmentResults,
  target: LevelNumber,
  issues: PlanTable | null
): { readonly candidates: readonly PriorityCandidate[]; readonly unassessed: readonly string[] } {
  const named = new Set(issues ? readIssues(issues).flatMap((i) => i.codes) : []);
  const candidates: PriorityCandidate[] = [];
  const unassessed: string[] = [];
  for (const criterion of criteria(framework)) {
    const current = results.levels.get(criterion.id);
    if (current === undefined) {
      unassessed.push(criterion.id);
      continue;
    }
    const goal = Math.min(target, criterion.maxLevel) as LevelNumber;
    if (current >= goal) continue;
    const found = findCriterion(framework, criterion.id);
    candidates.push({
      id: criterion.id,
      standardId: found?.standard.id ?? criterion.id.split(".")[0] ?? "",
      title: criterion.title,
      mandatory: criterion.mandatory === true,
      current,
      target: goal,
      named: named.has(criterion.id),
    });
  }
  return { candidates, unassessed };
}

/** "Kết quả tự đánh giá: Mức 1; cần đạt Mức 2" (a colon, so it never reads as the report's conclusion). */
export function currentStateText(candidate: PriorityCandidate): string {
  const now = candidate.current === 0 ? "chưa đạt Mức 1" : `Mức ${candidate.current}`;
  return `Kết quả tự đánh giá: ${now}; cần đạt Mức ${candidate.target}${candidate.mandatory ? " (tiêu chí bắt buộc)" : ""}`;
}

/** The Mục IV row of a chosen priority. */
export function issueValues(
  framework: Framework,
  candidate: PriorityCandidate
): Partial<Record<ColumnRole, string>> {
  const standard = findStandard(framework, candidate.standardId);
  return {
    standard: standard
      ? `Tiêu chuẩn ${standard.id}: ${standard.title}`
      : `Tiêu chuẩn ${candidate.standardId}`,
    criterion: `Tiêu chí ${candidate.id}: ${candidate.title}`,
    currentState: currentStateText(candidate),
    weakness: FORM_PLACEHOLDERS.weakness,
    cause: FORM_PLACEHOLDERS.cause,
  };
}

/** An improvement item to write in Mục V for an issue without one. */
export interface ItemProposal {
  /** The Mục IV row it is for. */
  readonly issueRow: number;
  /** "Vấn đề 2 (tiêu chí 1.3)". */
  readonly label: string;
  readonly values: Readonly<Partial<Record<ColumnRole, string>>>;
}

/** The level a Mục IV "Đánh giá hiện trạng" states ("… Mức 2 …" → 2; "chưa đạt Mức 1" → 0). */
function stateLevel(text: string): AssessedLevel | null {
  const f = fold(text);
  if (/(chua|khong) dat muc (1|i)\b/.test(f)) return 0;
  const m = /muc ([123])\b/.exec(f);
  return m ? (Number(m[1]) as LevelNumber) : null;
}

/**
 * An item for every issue of Mục IV that no Mục V item addresses. The criterion's level now comes
 * from the results when given, else from what Mục IV says; the goal is `target`, capped.
 */
export function proposeItems(
  framework: Framework,
  issues: PlanTable,
  plan: PlanTable,
  options: {
    readonly target: LevelNumber;
    readonly year: SchoolYear | null;
    readonly results?: AssessmentResults | null;
  }
): ItemProposal[] {
  const read = readIssues(issues);
  const linked = linkIssues(read, itemTexts(plan));
  const asOf = planDate(options.year);
  const out: ItemProposal[] = [];
  read.forEach((issue, i) => {
    if (linked[i]) return;
    const id = issue.codes.find((code) => findCriterion(framework, code));
    const found = id ? findCriterion(framework, id) : null;
    const label = `Vấn đề ${issue.number || i + 1}${id ? ` (tiêu chí ${id})` : ""}`;
    const values: Partial<Record<ColumnRole, string>> = {
      solution: FORM_PLACEHOLDERS.solution,
      timeframe: defaultTimeframe(options.year),
      responsible: FORM_PLACEHOLDERS.responsible,
      resources: FORM_PLACEHOLDERS.resources,
      evidence: FORM_PLACEHOLDERS.evidence,
    };
    if (id && found) {
      const current = options.results?.levels.get(id) ?? stateLevel(issue.currentState) ?? 0;
      const goal = Math.min(options.target, found.criterion.maxLevel) as LevelNumber;
      const indicator = current < goal ? targetText(framework, id, goal, current, asOf) : null;
      values.content = `Tiêu chí ${id}: ${issue.weakness || found.criterion.title}`;
      values.target = indicator ? `Tiêu chí ${id} đạt Mức ${goal}` : FORM_PLACEHOLDERS.target;
      values.indicator = indicator ?? FORM_PLACEHOLDERS.indicator;
    } else {
      values.content = issue.weakness || FORM_PLACEHOLDERS.content;
      values.target = FORM_PLACEHOLDERS.target;
      values.indicator = FORM_PLACEHOLDERS.indicator;
    }
    out.push({ issueRow: issue.row, label, values });
  });
  return out;
}

/**
 * Writes rows of values into a form table: the form's blank rows first (their placeholder or empty
 * cells set, TT kept or numbered), then new rows at the end (before trailing empty rows), numbered
 * after the last number. `labels` name the rows in the preview.
 */
export function formRowsPatch(
  table: PlanTable,
  rows: readonly {
    readonly label: string;
    readonly values: Readonly<Partial<Record<ColumnRole, string>>>;
  }[]
): Patch {
  const { grid, header } = table;
  const columns = header.columns;
  const ops: PatchOp[] = [];
  const slots = table.rows.filter(isSlotRow);
  const numbers = table.rows
    .map((r) => Number(ROLE_TEXT(r, "tt")))
    .filter((n) => Number.isInteger(n) && n > 0);
  let next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  // New rows go after the last issue or item (or the form's blank row): not after the empty rows
  // or a note ("Lưu ý: …") that end the table.
  const last = [...table.rows].reverse().find((r) => isContentRow(r) || isSlotRow(r));
  const before = last ? last.index + 1 : header.headerStart + header.headerRows;
  for (const [k, row] of rows.entries()) {
    const slot = slots[k];
    if (slot) {
      for (const [role, text] of Object.entries(row.values) as [ColumnRole, string][]) {
        const cell = slot.cells[role];
        if (!text || !cell || cell.covered) continue;
        const now = cell.text;
        // Only a blank or KHCT's placeholder is replaced; the same text is not written again.
        if ((now.trim() !== "" && !isTemplateFiller(now)) || squash(now) === squash(text)) continue;
        ops.push({ kind: "set", row: slot.index, col: cell.col, text, expected: now, role });
      }
      const tt = slot.cells.tt;
      if (tt && !tt.covered && tt.text.trim() === "")
        ops.push({
          kind: "set",
          row: slot.index,
          col: tt.col,
          text: String(next++),
          expected: tt.text,
          role: "tt",
        });
      continue;
    }
    const cells = Array.from({ length: grid.colCount }, () => "");
    for (const [role, text] of Object.entries(row.values) as [ColumnRole, string][]) {
      const col = columns[role];
      if (col !== undefined && text) cells[col] = text;
    }
    if (columns.tt !== undefined) cells[columns.tt] = String(next++);
    ops.push({ kind: "insert", before, cells, rowKind: "criterion", label: row.label });
  }
  return { colCount: grid.colCount, rowCount: grid.rowCount, ops };
}

/** The Mục IV patch for the chosen priorities (ones already named are left out). */
export function issuesPatch(
  framework: Framework,
  table: PlanTable,
  chosen: readonly PriorityCandidate[]
): Patch {
  return formRowsPatch(
    table,
    chosen
      .filter((c) => !c.named)
      .map((c) => ({ label: `Tiêu chí ${c.id}`, values: issueValues(framework, c) }))
  );
}

/**
 * The table as it will read once the patch is written (texts only: merges are not carried), so
 * Mục V items can be proposed for the Mục IV issues written in the same run.
 */
export function tableAfter(table: PlanTable, patch: Patch, framework: Framework): PlanTable {
  const texts = table.grid.cells.map((row, r) =>
    row.map((cell, c) => (cell.origin.row === r && cell.origin.col === c ? cell.text : ""))
  );
  const rows = applyPatch(texts, patch).rows;
  return readPlanTable(gridFromStrings(rows), table.header, framework);
}
