/** `khct new`: a complete standard plan document (.docx or .xlsx) for a school level and year. */
import { chooseFramework, frameworkById } from "../core/catalogue";
import { buildStandardPlan, NEW_PLAN_LAYOUTS } from "../core/document/standardPlan";
import type { LayoutId } from "../core/plan/layouts";
import { isSchoolLevel, SCHOOL_LEVEL_NAME, SCHOOL_LEVELS } from "../core/schoolLevel";
import { parseSchoolYear } from "../core/text/schoolYear";
import { writeDocx, writeXlsx } from "../hosts/file/write";
import { outputKind, writeOutput } from "./output";
import { UsageError, type CommandResult } from "./usage";

export interface NewOptions {
  readonly level?: string;
  readonly year?: string;
  readonly school?: string;
  readonly authority?: string;
  readonly place?: string;
  readonly layout?: string;
  readonly framework?: string;
  readonly out?: string;
  readonly force?: boolean;
}

export async function runNew(options: NewOptions): Promise<CommandResult> {
  if (!options.level || !isSchoolLevel(options.level))
    throw new UsageError(`Cần --level ${SCHOOL_LEVELS.join(" | ")}.`);
  const level = options.level;
  const year = options.year ? parseSchoolYear(options.year) : null;
  if (!year) throw new UsageError("Cần --year là một năm học, ví dụ 2025-2026.");
  if (!options.out) throw new UsageError("Cần --out <tệp.docx|tệp.xlsx>.");
  const kind = outputKind(options.out);
  const layout = (options.layout ?? "standard") as LayoutId;
  if (!NEW_PLAN_LAYOUTS.includes(layout))
    throw new UsageError(
      `Mẫu bảng “${options.layout}” không có; dùng ${NEW_PLAN_LAYOUTS.join(" | ")}.`
    );
  if (options.framework && !frameworkById(options.framework))
    throw new UsageError(`Không có khung tiêu chí “${options.framework}”.`);
  const choice = chooseFramework({ level, schoolYear: year, override: options.framework ?? null });
  if (!choice.framework.schoolLevels.includes(level))
    throw new UsageError(
      choice.notes[0]?.message ?? "Khung tiêu chí không áp dụng cho cấp học này."
    );
  if (choice.framework.planForm && options.layout)
    throw new UsageError(
      `Kế hoạch theo ${choice.framework.planForm.name} (Thông tư ${choice.framework.circular}) có các bảng riêng của mẫu: bỏ --layout.`
    );
  const model = buildStandardPlan({
    level,
    year,
    framework: choice.framework,
    layout,
    ...(options.school ? { school: options.school } : {}),
    ...(options.authority ? { authority: options.authority } : {}),
    ...(options.place ? { place: options.place } : {}),
  });
  const data = kind === "docx" ? await writeDocx(model) : await writeXlsx(model);
  await writeOutput(options.out, data, { force: options.force });
  return {
    exitCode: 0,
    stdout: `Đã tạo ${options.out}: kế hoạch mẫu ${SCHOOL_LEVEL_NAME[level].toLowerCase()}, năm học ${year.text}, theo ${choice.framework.circular}${choice.framework.planForm ? ` — ${choice.framework.planForm.name} như các ứng dụng của trường in lại, chưa đối chiếu văn bản chính thức` : ""} (${data.byteLength} byte).\n`,
  };
}
