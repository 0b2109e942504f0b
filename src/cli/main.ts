/**
 * `khct`: KHCT's command line over the same core as the add-in. Messages are Vietnamese; a user
 * mistake prints what is wrong and how to call the command (exit 2), never a stack trace.
 */
import { parseArgs } from "node:util";
import { runCatalogue } from "./catalogue";
import { runCheck } from "./check";
import { runFill } from "./fill";
import { runFormat } from "./format";
import { runNew } from "./new";
import { UsageError, type CommandResult } from "./usage";
import { parseSchoolLevel } from "../core/schoolLevel";

/** `--level thcs`, `--level "tiểu học"`: the names people use, as KHCT's level ids. */
const level = (value: string | undefined) =>
  value === undefined ? undefined : (parseSchoolLevel(value) ?? value);

export const USAGE = `Cách dùng / usage:
  khct catalogue --level <mam-non|tieu-hoc|trung-hoc (thcs, thpt)> [--framework <id>] [--json]
      In danh mục tiêu chí (mặc định: thông tư 2018 của cấp học).
      Prints the criteria catalogue (default: the level's 2018 circular).
  khct check <tệp.docx|tệp.xlsx…> [--level <cấp học>] [--framework <id>] [--json]
      Kiểm tra kế hoạch trong các tệp; mã thoát 0 khi không có lỗi, 1 khi có lỗi hoặc chưa rõ cấp học của tệp,
      2 khi có tệp không đọc được. Không ghi --level: cấp học lấy từ tên trường, thông tư, tên tiêu chuẩn/tiêu chí, tên tệp.
      Không ghi --framework: thông tư kế hoạch dẫn; không dẫn thì Thông tư 57/2026 cho mẫu Biểu 2 hoặc năm học
      2026-2027 trở đi, còn lại thông tư 2018 của cấp học (khct catalogue liệt kê các khung).
      Checks the plans in the files; exit 0 with no error finding, 1 with some (or a file whose level is unknown),
      2 when a file cannot be read.
  khct new --level <cấp học> --year <2025-2026> [--school "…"] [--authority "…"] [--place "…"]
           [--layout standard|standard-level|progress|solutions] [--framework <id>] --out <tệp.docx|tệp.xlsx> [--force]
      Tạo một kế hoạch mẫu đầy đủ theo thể thức (Nghị định 30/2020).
      Makes a complete standard plan document.
  khct fill <tệp vào> --target-level <1|2|3> (--from-assessment | --results <tệp.json>) --out <tệp ra> [--level …] [--framework …] [--force]
      Điền bảng kế hoạch tại chỗ từ kết quả tự đánh giá (chỉ ô trống); ghi ra tệp mới, không sửa tệp gốc.
      Fills the plan table in place from the self-assessment (empty cells only), into a new file.
      Mẫu Biểu 2 (Thông tư 57/2026): --priorities 1.2,3.1 ghi các tiêu chí ưu tiên vào Mục IV (không ghi thì liệt kê
      các tiêu chí chưa đạt để chọn); mỗi vấn đề ở Mục IV chưa có việc cải tiến được thêm một việc ở Mục V.
      On Circular 57/2026's form: --priorities writes the chosen criteria in Mục IV; Mục V gets an item per issue.
  khct format <tệp vào> --out <tệp ra> [--level …] [--framework …] [--force]
      Định dạng theo Nghị định 30/2020 (phông, cỡ chữ, bảng, lề, in) và chuẩn hóa chữ mà giữ nguyên lời; ghi ra tệp mới.
      Formats to Decree 30/2020 (fonts, sizes, table, margins, print) into a new file.
  khct --help
`;

export async function run(argv: readonly string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help")
      return { exitCode: 0, stdout: USAGE };
    if (command === "catalogue") {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          level: { type: "string" },
          framework: { type: "string" },
          json: { type: "boolean", default: false },
        },
        strict: true,
        allowPositionals: false,
      });
      return runCatalogue({ ...values, level: level(values.level) });
    }
    if (command === "check") {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: {
          level: { type: "string" },
          framework: { type: "string" },
          json: { type: "boolean", default: false },
        },
        strict: true,
        allowPositionals: true,
      });
      return await runCheck({ files: positionals, ...values, level: level(values.level) });
    }
    if (command === "new") {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          level: { type: "string" },
          year: { type: "string" },
          school: { type: "string" },
          authority: { type: "string" },
          place: { type: "string" },
          layout: { type: "string" },
          framework: { type: "string" },
          out: { type: "string" },
          force: { type: "boolean", default: false },
        },
        strict: true,
        allowPositionals: false,
      });
      return await runNew({ ...values, level: level(values.level) });
    }
    if (command === "fill") {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: {
          "target-level": { type: "string" },
          "from-assessment": { type: "boolean", default: false },
          results: { type: "string" },
          priorities: { type: "string" },
          level: { type: "string" },
          framework: { type: "string" },
          out: { type: "string" },
          force: { type: "boolean", default: false },
        },
        strict: true,
        allowPositionals: true,
      });
      return await runFill({
        priorities: values.priorities,
        files: positionals,
        targetLevel: values["target-level"],
        fromAssessment: values["from-assessment"],
        results: values.results,
        level: level(values.level),
        framework: values.framework,
        out: values.out,
        force: values.force,
      });
    }
    if (command === "format") {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: {
          level: { type: "string" },
          framework: { type: "string" },
          out: { type: "string" },
          force: { type: "boolean", default: false },
        },
        strict: true,
        allowPositionals: true,
      });
      return await runFormat({ files: positionals, ...values, level: level(values.level) });
    }
    throw new UsageError(`Không có lệnh “${command}”.`);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      return {
        exitCode: 2,
        stdout: "",
        stderr: `khct: ${translateParseError(error.message)}\n\n${USAGE}`,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      exitCode: 1,
      stdout: "",
      stderr: `khct: lỗi không mong đợi / unexpected error: ${message}\n`,
    };
  }
}

/** node:util parseArgs errors carry an ERR_PARSE_ARGS_* code (checked by shape: errors may come from another realm). */
function isParseArgsError(error: unknown): error is Error {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `tùy chọn không hợp lệ “${unknown[1]}”.`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `tùy chọn “${missing[1]?.split(" ")[0]}” cần một giá trị.`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `đối số thừa “${positional[1]}”.`;
  return message;
}

/** Entry point for bin/khct.js. */
export async function main(argv: readonly string[]): Promise<void> {
  const result = await run(argv);
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(result.exitCode); // output piped into `head`, etc.
  });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout, () => process.exit(result.exitCode));
  else process.exitCode = result.exitCode;
}
