/**
 * `khct fill <in> --target-level N (--from-assessment | --results r.json) --out <file>`: the
 * add-in's fill on a file. Same rules: only empty cells are written, rows go under their
 * standard, running it again on the output changes nothing. The input is never modified.
 */
import { promises as fs } from "node:fs";
import type { LevelNumber } from "../core/catalogue";
import { computeFillPatch, FILL_UNSUPPORTED_MESSAGE, fillUnsupported } from "../core/plan/patch";
import { proposeRows, type AssessmentResults } from "../core/plan/proposal";
import { analyseTables, previewItems, resultsFromTables } from "../core/plan/session";
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
  if (options.fromAssessment === Boolean(options.results))
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
  const plan = tables.find((t) => t.kind === "plan" && t.table);
  if (!plan?.table)
    return fail(
      `${input}: không tìm thấy bảng kế hoạch (tiêu đề cột như “TT | Tiêu chuẩn, tiêu chí | Kết quả cần đạt …”).`
    );
  const unsupported = fillUnsupported(plan.table);
  if (unsupported) return fail(`${input}: ${FILL_UNSUPPORTED_MESSAGE[unsupported]}`);
  if (!results) {
    const found = resultsFromTables(tables);
    if (found.sources.length === 0)
      return fail(
        `${input}: không có bảng kết quả tự đánh giá (Không đạt | Đạt | Mức 1 | Mức 2 | Mức 3); dùng --results <tệp.json>.`
      );
    results = found.results;
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
