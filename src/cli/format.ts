/** `khct format <in> --out <file>`: the "Định dạng" action on a .docx/.xlsx, into a new file. */
import { formatSession } from "../core/format/session";
import { isSchoolLevel, SCHOOL_LEVELS } from "../core/schoolLevel";
import { FileReadError } from "../hosts/file/read";
import { formatDocx, formatXlsx, readDocxFormat, readXlsxFormat } from "../hosts/file/format";
import { outputKind, writeOutput } from "./output";
import { FROM_HTML_NOTE } from "../hosts/file/fromHtml";
import { assertFramework, openPlanFile, writableForm } from "./planFile";
import { UsageError, type CommandResult } from "./usage";

export interface FormatOptions {
  readonly files: readonly string[];
  readonly level?: string;
  readonly framework?: string;
  readonly out?: string;
  readonly force?: boolean;
}

export async function runFormat(options: FormatOptions): Promise<CommandResult> {
  const [input, ...extra] = options.files;
  if (!input) throw new UsageError("Thiếu tệp cần định dạng.");
  if (extra.length > 0) throw new UsageError("khct format định dạng một tệp mỗi lần.");
  if (!options.out) throw new UsageError("Cần --out <tệp ra>.");
  if (options.level !== undefined && !isSchoolLevel(options.level))
    throw new UsageError(
      `Cấp học “${options.level}” không hợp lệ; dùng ${SCHOOL_LEVELS.join(" | ")}.`
    );
  assertFramework(options.framework);
  const opened = await openPlanFile(
    input,
    options.level && isSchoolLevel(options.level) ? options.level : null,
    options.framework ?? null
  );
  if ("error" in opened)
    return { exitCode: 2, stdout: "", stderr: `khct: ${input}: ${opened.error}\n` };
  if ("levelUnknown" in opened)
    return { exitCode: 2, stdout: "", stderr: `khct: ${input}: ${opened.levelUnknown}\n` };
  if (opened.content.kind === "html" && outputKind(options.out) !== "docx")
    throw new UsageError("Tệp vào là trang HTML: tệp ra phải là .docx.");
  if (opened.content.kind !== "html" && outputKind(options.out) !== opened.content.kind)
    throw new UsageError(`Tệp ra phải cùng loại với tệp vào (.${opened.content.kind}).`);
  try {
    const writable = await writableForm(opened);
    const docx = writable.content.kind === "docx";
    const snapshot = docx
      ? await readDocxFormat(writable.data)
      : await readXlsxFormat(writable.data);
    const session = formatSession(snapshot, opened.choice.framework, docx ? "file" : "excel");
    const result = docx
      ? await formatDocx(writable.data, session.plan)
      : await formatXlsx(writable.data, session.plan);
    await writeOutput(options.out, result.data, { force: options.force, input });
    const lines = [
      ...(writable.fromHtml ? [FROM_HTML_NOTE] : []),
      `Đã ghi ${options.out} theo thể thức Nghị định 30/2020:`,
      ...session.changes.map((c) => `  - ${c.label}`),
      ...(session.manual.length
        ? ["Cần làm tay hoặc còn thiếu:", ...session.manual.map((c) => `  - ${c.label}`)]
        : []),
    ];
    return { exitCode: 0, stdout: lines.join("\n") + "\n" };
  } catch (error) {
    if (error instanceof FileReadError)
      return { exitCode: 2, stdout: "", stderr: `khct: ${input}: ${error.message}\n` };
    throw error;
  }
}
