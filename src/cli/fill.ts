/**
 * `khct fill <in> --target-level N (--from-assessment | --results r.json) --out <file>`: the
 * add-in's fill on a file. Same rules: only empty cells are written, rows go under their
 * standard, running it again on the output changes nothing. The input is never modified.
 */
import { promises as fs } from "node:fs";
import type { LevelNumber } from "../core/catalogue";
import { findCriterion, type Framework } from "../core/catalogue";
import {
  formRowsPatch,
  issuesPatch,
  priorityCandidates,
  proposeItems,
  readIssues,
  tableAfter,
  type PriorityCandidate,
} from "../core/plan/formFill";
import {
  computeFillPatch,
  FILL_UNSUPPORTED_MESSAGE,
  fillUnsupported,
  type Patch,
} from "../core/plan/patch";
import type { PlanTable } from "../core/plan/rows";
import type { SchoolYear } from "../core/text/schoolYear";
import { FORM_SOURCE } from "../core/validation/rules/tt57";
import type { ReadFile } from "../hosts/file/read";
import { proposeRows, type AssessmentResults } from "../core/plan/proposal";
import {
  analyseTables,
  previewItems,
  resultsFromTables,
  type AnalysedTable,
} from "../core/plan/session";
import type { AssessedLevel } from "../core/plan/templates";
import { isSchoolLevel, SCHOOL_LEVELS } from "../core/schoolLevel";
import { FileReadError } from "../hosts/file/read";
import { fillDocx, fillXlsx } from "../hosts/file/write";
import { outputKind, writeOutput } from "./output";
import { FROM_HTML_NOTE } from "../hosts/file/fromHtml";
import { assertFramework, openPlanFile, writableForm } from "./planFile";
import { UsageError, type CommandResult } from "./usage";

export interface FillOptions {
  readonly files: readonly string[];
  readonly targetLevel?: string;
  readonly fromAssessment?: boolean;
  readonly results?: string;
  readonly level?: string;
  readonly framework?: string;
  readonly out?: string;
  readonly force?: boolean;
  /** Thông tư 57/2026's form: the criteria to write in Mục IV as priority issues ("1.2,3.1"). */
  readonly priorities?: string;
}

const fail = (message: string): CommandResult => ({
  exitCode: 2,
  stdout: "",
  stderr: `khct: ${message}\n`,
});

/** {"levels": {"1.1": 2, "2.3": 0}, "level4": {"1": true}} — results typed by hand or exported. */
export function parseResults(text: string): AssessmentResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError("Tệp kết quả không phải JSON hợp lệ.");
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const levels = new Map<string, AssessedLevel>();
  const level4 = new Map<string, boolean>();
  const rawLevels = record.levels;
  if (typeof rawLevels !== "object" || rawLevels === null)
    throw new UsageError('Tệp kết quả cần "levels": {"1.1": 2, …} (0 = không đạt, 1–3 = mức đạt).');
  for (const [id, v] of Object.entries(rawLevels)) {
    if (!/^\d+\.\d+$/.test(id) || ![0, 1, 2, 3].includes(v as number))
      throw new UsageError(
        `Kết quả “${id}: ${JSON.stringify(v)}” không hợp lệ (tiêu chí dạng 1.1, mức 0–3).`
      );
    levels.set(id, v as AssessedLevel);
  }
  if (typeof record.level4 === "object" && record.level4 !== null)
    for (const [id, v] of Object.entries(record.level4)) level4.set(id, v === true);
  return { levels, level4 };
}

export async function runFill(options: FillOptions): Promise<CommandResult> {
  const [input, ...extra] = options.files;
  if (!input) throw new UsageError("Thiếu tệp cần điền.");
  if (extra.length > 0) throw new UsageError("khct fill điền một tệp mỗi lần.");
  const target = Number(options.targetLevel);
  if (![1, 2, 3].includes(target)) throw new UsageError("Cần --target-level 1, 2 hoặc 3.");
  if (!options.out) throw new UsageError("Cần --out <tệp ra>.");
  if (options.fromAssessment && options.results)
    throw new UsageError(
      "Chọn một nguồn kết quả: --from-assessment (bảng tự đánh giá trong tệp) hoặc --results <tệp.json>."
    );
  if (options.level !== undefined && !isSchoolLevel(options.level))
    throw new UsageError(
      `Cấp học “${options.level}” không hợp lệ; dùng ${SCHOOL_LEVELS.join(" | ")}.`
    );
  let results: AssessmentResults | null = null;
  if (options.results) {
    // A named pipe or a device would block reading forever: only a regular, small file is read.
    const stat = await fs.stat(options.results).catch(() => null);
    if (!stat || !stat.isFile() || stat.size > 1024 * 1024)
      throw new UsageError(
        `Tệp kết quả “${options.results}” ${!stat ? "không có" : !stat.isFile() ? "không phải một tệp thường" : "quá lớn (tối đa 1 MB)"}.`
      );
    const text = await fs.readFile(options.results, "utf8").catch(() => {
      throw new UsageError(`Không đọc được tệp kết quả “${options.results}”.`);
    });
    results = parseResults(text);
  }

  assertFramework(options.framework);
  const opened = await openPlanFile(
    input,
    options.level && isSchoolLevel(options.level) ? options.level : null,
    options.framework ?? null
  );
  if ("error" in opened) return fail(`${input}: ${opened.error}`);
  if ("levelUnknown" in opened) return fail(`${input}: ${opened.levelUnknown}`);
  const outKind = outputKind(options.out);
  if (opened.content.kind === "html" && outKind !== "docx")
    throw new UsageError("Tệp vào là trang HTML: tệp ra phải là .docx.");
  const { content, identity, choice, data, fromHtml } = await writableForm(opened);
  if (outKind !== content.kind)
    throw new UsageError(`Tệp ra phải cùng loại với tệp vào (.${content.kind}).`);
  const htmlNote = fromHtml ? `${FROM_HTML_NOTE}\n` : "";
  const framework = choice.framework;
  const tables = analyseTables(content.tables, framework);
  /** --from-assessment: the results of the file's self-assessment tables, or why there are none. */
  const fromFile = (): AssessmentResults | string => {
    const found = resultsFromTables(tables);
    return found.sources.length > 0
      ? found.results
      : `${input}: không có bảng kết quả tự đánh giá (Không đạt | Đạt | Mức 1 | Mức 2 | Mức 3); dùng --results <tệp.json>.`;
  };
  const form = formTables(tables);
  if (form) {
    if (!results && options.fromAssessment) {
      const read = fromFile();
      if (typeof read === "string") return fail(read);
      results = read;
    }
    return fillForm({
      input,
      out: options.out,
      force: options.force,
      note: htmlNote,
      data,
      content,
      framework,
      year: identity.schoolYear,
      target: target as LevelNumber,
      priorities: options.priorities,
      results,
      ...form,
    });
  }
  if (options.priorities)
    throw new UsageError(
      "--priorities dùng cho kế hoạch theo mẫu Biểu 2 (Thông tư 57/2026); bảng kế hoạch này mỗi tiêu chí một dòng."
    );
  if (!results && !options.fromAssessment)
    throw new UsageError(
      "Chọn một nguồn kết quả: --from-assessment (bảng tự đánh giá trong tệp) hoặc --results <tệp.json>."
    );
  const plan = tables.find((t) => t.kind === "plan" && t.table);
  if (!plan?.table)
    return fail(
      `${input}: không tìm thấy bảng kế hoạch (tiêu đề cột như “TT | Tiêu chuẩn, tiêu chí | Kết quả cần đạt …”).`
    );
  const unsupported = fillUnsupported(plan.table);
  if (unsupported) return fail(`${input}: ${FILL_UNSUPPORTED_MESSAGE[unsupported]}`);
  if (!results) {
    const read = fromFile();
    if (typeof read === "string") return fail(read);
    results = read;
  }
  const { proposals, unassessed } = proposeRows(framework, results, {
    target: target as LevelNumber,
    year: identity.schoolYear,
    // Mức 4 rows only when the results say something about Mức 4 (a Mức 4 table, or "level4" in the JSON).
    includeLevel4: results.level4.size > 0,
  });
  const patch = computeFillPatch(
    plan.table,
    proposals.map((p) => p.template),
    framework
  );
  const note =
    htmlNote +
    (unassessed.length
      ? `Chưa có kết quả tự đánh giá cho ${unassessed.length} tiêu chí (${unassessed.slice(0, 8).join(", ")}${unassessed.length > 8 ? ", …" : ""}): không đề xuất.\n`
      : "");
  if (patch.ops.length === 0)
    return {
      exitCode: 0,
      stdout: `${note}Bảng kế hoạch đã có đủ các hàng cần thiết: không có gì để điền, không ghi tệp.\n`,
    };
  let filled;
  try {
    if (content.kind === "docx") {
      const index = content.tables.findIndex((t) => t.key === plan.key);
      filled = await fillDocx(data, index, patch);
    } else {
      const bang = plan.key.lastIndexOf("!");
      filled = await fillXlsx(
        data,
        plan.key.slice(0, bang),
        Number(plan.key.slice(bang + 1)),
        patch
      );
    }
  } catch (error) {
    if (error instanceof FileReadError) return fail(`${input}: ${error.message}`);
    throw error;
  }
  await writeOutput(options.out, filled.data, { force: options.force, input });
  const items = previewItems(patch, plan.table);
  const inserted = items.filter((i) => i.kind === "insert").map((i) => i.label);
  return {
    exitCode: 0,
    stdout:
      note +
      `Đã ghi ${options.out}: điền ${filled.set} ô trống, chèn ${filled.inserted} hàng` +
      (inserted.length
        ? ` (${inserted.slice(0, 12).join(", ")}${inserted.length > 12 ? ", …" : ""})`
        : "") +
      (filled.skipped ? `; bỏ qua ${filled.skipped} ô đã có nội dung` : "") +
      ".\n",
  };
}

type Recognised = AnalysedTable & { readonly table: PlanTable };

/** The tables of Thông tư 57/2026's form in the file: Mục IV and Mục V (null: not a plan on the form). */
function formTables(
  tables: readonly AnalysedTable[]
): { issues: Recognised | null; plan: Recognised | null } | null {
  const recognised = (t: AnalysedTable): t is Recognised => t.table !== null;
  const issues = tables.filter(recognised).find((t) => t.kind === "issues") ?? null;
  const plan =
    tables.filter(recognised).find((t) => t.table.header.layout.id === "tt57-plan") ?? null;
  return issues || plan ? { issues, plan } : null;
}

/** "1.2, 3.1" → ["1.2", "3.1"], each a criterion of the framework. */
function parsePriorities(text: string | undefined, framework: Framework): string[] {
  if (text === undefined) return [];
  const ids = text.split(/[\s,;]+/).filter(Boolean);
  if (ids.length === 0)
    throw new UsageError("--priorities cần mã tiêu chí, ví dụ --priorities 1.2,3.1.");
  for (const id of ids)
    if (!/^\d{1,2}\.\d{1,2}$/.test(id) || !findCriterion(framework, id))
      throw new UsageError(
        `Tiêu chí “${id}” không có trong Thông tư ${framework.circular} (khct catalogue --framework ${framework.id} liệt kê các tiêu chí).`
      );
  return [...new Set(ids)];
}

const list = (items: readonly string[], max = 12) =>
  `${items.slice(0, max).join(", ")}${items.length > max ? ", …" : ""}`;

/**
 * `khct fill` on a plan of Thông tư 57/2026's form: Mục IV gets the priorities named with
 * --priorities (never all criteria by default), Mục V an item for every issue without one.
 */
async function fillForm(args: {
  input: string;
  out: string;
  force: boolean | undefined;
  note: string;
  data: Uint8Array;
  content: ReadFile;
  framework: Framework;
  year: SchoolYear | null;
  target: LevelNumber;
  priorities: string | undefined;
  results: AssessmentResults | null;
  issues: Recognised | null;
  plan: Recognised | null;
}): Promise<CommandResult> {
  const { input, framework, issues, plan, target } = args;
  const lacking = !issues
    ? "bảng vấn đề trọng tâm (Mục IV: TT | Tiêu chuẩn | Tiêu chí liên quan | Đánh giá hiện trạng | Điểm hạn chế | Nguyên nhân)"
    : !plan
      ? "bảng kế hoạch cải tiến (Mục V: TT | Nội dung cải tiến | Mục tiêu cải tiến | Hoạt động/giải pháp | …)"
      : null;
  if (!issues || !plan)
    return fail(
      `${input}: kế hoạch theo mẫu Biểu 2 (Thông tư 57/2026) chưa có ${lacking}; \`khct new --framework ${framework.id}\` tạo một kế hoạch đủ các mục.`
    );
  const priorities = parsePriorities(args.priorities, framework);
  const results = args.results;

  const notes: string[] = [];
  let issuesPatch_: Patch | null = null;
  if (priorities.length > 0) {
    if (!results)
      throw new UsageError(
        "Ghi vấn đề trọng tâm cần kết quả tự đánh giá của các tiêu chí: --results <tệp.json> hoặc --from-assessment."
      );
    const { candidates } = priorityCandidates(framework, results, target, issues.table);
    const chosen = priorities
      .map((id) => candidates.find((c) => c.id === id))
      .filter((c): c is PriorityCandidate => c !== undefined);
    const reached = priorities.filter(
      (id) => results.levels.has(id) && !candidates.some((c) => c.id === id)
    );
    const unknown = priorities.filter((id) => !results.levels.has(id));
    if (reached.length)
      notes.push(`Tiêu chí ${list(reached)} đã đạt mức cần đạt: không ghi vào Mục IV.`);
    if (unknown.length)
      notes.push(
        `Chưa có kết quả tự đánh giá của tiêu chí ${list(unknown)}: không ghi vào Mục IV.`
      );
    const named = chosen.filter((c) => c.named).map((c) => c.id);
    if (named.length) notes.push(`Mục IV đã có tiêu chí ${list(named)}.`);
    issuesPatch_ = issuesPatch(framework, issues.table, chosen);
  }
  const issuesNow = issuesPatch_ ? tableAfter(issues.table, issuesPatch_, framework) : issues.table;
  if (readIssues(issuesNow).length === 0) {
    const head = `${args.note}${notes.map((n) => `${n}\n`).join("")}Mục IV (${issues.where}) chưa có vấn đề trọng tâm nào; kế hoạch theo mẫu Biểu 2 tập trung vào các vấn đề ưu tiên, không lập cho toàn bộ tiêu chí ${FORM_SOURCE}.`;
    if (!results)
      return {
        exitCode: 0,
        stdout: `${head}\nChọn các tiêu chí ưu tiên: --priorities 1.2,3.1 cùng kết quả tự đánh giá (--results <tệp.json> hoặc --from-assessment). Không ghi tệp.\n`,
      };
    const { candidates, unassessed } = priorityCandidates(framework, results, target, null);
    const offered = candidates.map(
      (c) =>
        `  ${c.id} ${c.title} — ${c.current === 0 ? "chưa đạt Mức 1" : `Mức ${c.current}`}${c.mandatory ? ", bắt buộc" : ""}`
    );
    return {
      exitCode: 0,
      stdout:
        `${head}\n` +
        (candidates.length
          ? `Các tiêu chí chưa đạt Mức ${target} (chọn vài vấn đề ưu tiên với --priorities, ví dụ --priorities ${candidates
              .slice(0, 2)
              .map((c) => c.id)
              .join(",")}):\n${offered.join("\n")}\n`
          : `Mọi tiêu chí có kết quả đều đã đạt Mức ${target}.\n`) +
        (unassessed.length ? `Chưa có kết quả: ${list(unassessed)}.\n` : "") +
        "Không ghi tệp.\n",
    };
  }
  const items = proposeItems(framework, issuesNow, plan.table, {
    target,
    year: args.year,
    results,
  });
  const itemsPatch = formRowsPatch(plan.table, items);
  const patches = [
    ...(issuesPatch_ && issuesPatch_.ops.length ? [{ table: issues, patch: issuesPatch_ }] : []),
    ...(itemsPatch.ops.length ? [{ table: plan, patch: itemsPatch }] : []),
  ];
  const head = `${args.note}${notes.map((n) => `${n}\n`).join("")}`;
  if (patches.length === 0)
    return {
      exitCode: 0,
      stdout: `${head}Mỗi vấn đề ở Mục IV đã có việc cải tiến ở Mục V: không có gì để điền, không ghi tệp.\n`,
    };
  let data = args.data;
  let set = 0;
  let inserted = 0;
  let skipped = 0;
  try {
    // In a sheet, the lower table first: rows inserted above would move it.
    const ordered =
      args.content.kind === "xlsx"
        ? [...patches].sort((a, b) => startRow(b.table.key) - startRow(a.table.key))
        : patches;
    for (const { table, patch } of ordered) {
      const filled =
        args.content.kind === "docx"
          ? await fillDocx(
              data,
              args.content.tables.findIndex((t) => t.key === table.key),
              patch
            )
          : await fillXlsx(data, sheetOf(table.key), startRow(table.key), patch);
      data = filled.data;
      set += filled.set;
      inserted += filled.inserted;
      skipped += filled.skipped;
    }
  } catch (error) {
    if (error instanceof FileReadError) return fail(`${input}: ${error.message}`);
    throw error;
  }
  await writeOutput(args.out, data, { force: args.force, input });
  const written = issuesPatch_
    ? readIssues(issuesNow).filter((i) => !readIssues(issues.table).some((j) => j.row === i.row))
    : [];
  const parts = [
    written.length
      ? `Mục IV: ${written.length} vấn đề trọng tâm (tiêu chí ${list(written.flatMap((i) => i.codes))})`
      : null,
    items.length
      ? `Mục V: ${items.length} việc cải tiến (${list(
          items.map((i) => i.label),
          6
        )})`
      : null,
  ].filter(Boolean);
  return {
    exitCode: 0,
    stdout:
      head +
      `Đã ghi ${args.out}: ${parts.join("; ")} — ${set} ô, ${inserted} hàng mới` +
      (skipped ? `; bỏ qua ${skipped} ô đã có nội dung` : "") +
      `. Các ô “[Ghi …]” còn lại là phần nhà trường viết (hạn chế, nguyên nhân, giải pháp, người phụ trách).\n`,
  };
}

const sheetOf = (key: string) => key.slice(0, key.lastIndexOf("!"));
const startRow = (key: string) => Number(key.slice(key.lastIndexOf("!") + 1));
