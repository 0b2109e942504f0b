/** `khct check <files…> [--level …] [--json]`: the same check as the add-in, over .docx/.xlsx files. */
import { assertFramework } from "./planFile";
import * as path from "node:path";
import { circularName } from "../core/catalogue";
import { analyseTables } from "../core/plan/session";
import {
  isSchoolLevel,
  SCHOOL_LEVEL_NAME,
  SCHOOL_LEVELS,
  type SchoolLevel,
} from "../core/schoolLevel";
import { check } from "../core/validation/check";
import { RULES } from "../core/validation/registry";
import { SEVERITY_NAME, type Finding, type Severity } from "../core/validation/types";
import { openPlanFile } from "./planFile";
import { UsageError, type CommandResult } from "./usage";

export interface CheckOptions {
  readonly files: readonly string[];
  readonly level?: string;
  /** A framework id (khct catalogue lists them): overrides what the plan cites. */
  readonly framework?: string;
  readonly json?: boolean;
}

interface FileReport {
  readonly file: string;
  /** Table keys in document order, for "bảng N" and the JSON's table index. */
  readonly tableKeys?: readonly string[];
  readonly level: SchoolLevel | null;
  readonly layout: string | null;
  readonly findings: readonly Finding[];
  /** Set when the file could not be read (exit code 2). */
  readonly error?: string;
  /** Set when the file was read but its school level is unknown (exit code 1: give --level). */
  readonly levelUnknown?: string;
  /** The roles of the plan table's columns, left to right. */
  readonly columns?: readonly string[];
  readonly framework?: string;
  readonly frameworkId?: string;
  /** What the user should know about the framework used (chosen by form or date, unverified text). */
  readonly notes?: readonly string[];
}

const FIXABLE = new Set(RULES.filter((r) => r.fixable).map((r) => r.id));

/** Control characters from a document shown as visible escapes: a cell cannot drive the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const escape = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;

/** One line of a message for a terminal: escapes, line breaks as spaces, at most 600 characters. */
export function terminalSafe(text: string): string {
  const line = text.replace(/\r?\n/g, " ").replace(CONTROL, escape);
  return line.length > 600 ? `${line.slice(0, 599)}…` : line;
}

async function checkFile(
  file: string,
  levelOption: SchoolLevel | null,
  frameworkOption: string | null
): Promise<FileReport> {
  const opened = await openPlanFile(file, levelOption, frameworkOption);
  if ("error" in opened)
    return { file, level: null, layout: null, findings: [], error: opened.error };
  if ("levelUnknown" in opened)
    return { file, level: null, layout: null, findings: [], levelUnknown: opened.levelUnknown };
  const { content, identity, level, choice } = opened;
  const tables = analyseTables(content.tables, choice.framework);
  const plan = tables.find((t) => t.kind === "plan");
  const findings = check({
    framework: choice.framework,
    level,
    identity,
    paragraphs: content.paragraphs,
    tables,
  });
  return {
    file,
    level,
    layout: plan?.header.ok ? plan.header.match.layout.id : null,
    ...(plan?.header.ok
      ? {
          columns: Object.entries(plan.header.match.columns)
            .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))
            .map(([role]) => role),
        }
      : {}),
    findings,
    framework: circularName(choice.framework),
    frameworkId: choice.framework.id,
    notes: choice.notes.map((n) => n.message),
    tableKeys: content.tables.map((t) => t.key),
  };
}

const tableIndex = (r: FileReport, key: string | undefined) =>
  key === undefined ? null : (r.tableKeys ?? []).indexOf(key);

function json(reports: readonly FileReport[]): string {
  const out = reports.map((r) => ({
    file: r.file,
    level: r.level,
    layout: r.layout,
    ...(r.frameworkId ? { framework: r.frameworkId, notes: r.notes ?? [] } : {}),
    ...(r.columns ? { columns: r.columns } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.levelUnknown ? { levelUnknown: r.levelUnknown } : {}),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      location: {
        table: tableIndex(r, f.location.table),
        row: f.location.row ?? null,
        column: f.location.column ?? null,
        paragraph: f.location.paragraph ?? null,
      },
      criterion: f.criterion ?? null,
      fixable: Boolean(f.fix) && FIXABLE.has(f.rule),
    })),
  }));
  // JSON escapes C0 controls itself; C1 controls (U+0080–U+009F) are escaped too.
  return (
    JSON.stringify(out, null, 2).replace(
      /[\u007f-\u009f]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
    ) + "\n"
  );
}

function where(r: FileReport, f: Finding): string {
  const l = f.location;
  if (l.table !== undefined) {
    const n = tableIndex(r, l.table) ?? 0;
    return `bảng ${n + 1}${l.row !== undefined ? `, hàng ${l.row + 1}` : ""}${l.column !== undefined ? `, cột ${l.column + 1}` : ""}`;
  }
  return l.paragraph !== undefined ? `đoạn ${l.paragraph + 1}` : "cả văn bản";
}

function text(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.error) {
      lines.push(`${terminalSafe(path.basename(r.file))}: KHÔNG ĐỌC ĐƯỢC — ${r.error}`, "");
      continue;
    }
    if (r.levelUnknown) {
      lines.push(`${terminalSafe(path.basename(r.file))}: CHƯA KIỂM TRA — ${r.levelUnknown}`, "");
      continue;
    }
    lines.push(
      `${terminalSafe(path.basename(r.file))} — ${r.level ? SCHOOL_LEVEL_NAME[r.level] : ""}, ${r.framework ?? ""}`
    );
    for (const note of r.notes ?? []) lines.push(`  Ghi chú: ${terminalSafe(note)}`);
    if (r.findings.length === 0) lines.push("  Không thấy lỗi nào.");
    for (const severity of ["error", "warning", "hint"] as Severity[]) {
      const group = r.findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(`  ${SEVERITY_NAME[severity]} (${group.length})`);
      for (const f of group)
        lines.push(
          `    [${f.rule}] ${where(r, f)}: ${terminalSafe(f.message)}${f.fix ? " (sửa được)" : ""}`
        );
    }
    lines.push("");
  }
  const errors = reports.reduce(
    (n, r) => n + r.findings.filter((f) => f.severity === "error").length,
    0
  );
  const unreadable = reports.filter((r) => r.error).length;
  const unknown = reports.filter((r) => r.levelUnknown).length;
  lines.push(
    `${reports.length} tệp: ${errors} lỗi${unknown ? `, ${unknown} tệp chưa rõ cấp học` : ""}${unreadable ? `, ${unreadable} tệp không đọc được` : ""}.`
  );
  return lines.join("\n") + "\n";
}

export async function runCheck(options: CheckOptions): Promise<CommandResult> {
  if (options.files.length === 0) throw new UsageError("Thiếu tệp cần kiểm tra.");
  if (options.level !== undefined && !isSchoolLevel(options.level)) {
    throw new UsageError(
      `Cấp học “${options.level}” không hợp lệ; dùng ${SCHOOL_LEVELS.join(" | ")} (hoặc thcs, thpt).`
    );
  }
  const level = options.level !== undefined && isSchoolLevel(options.level) ? options.level : null;
  const reports: FileReport[] = [];
  assertFramework(options.framework);
  for (const file of options.files)
    reports.push(await checkFile(file, level, options.framework ?? null));
  const exitCode = reports.some((r) => r.error)
    ? 2
    : reports.some((r) => r.levelUnknown || r.findings.some((f) => f.severity === "error"))
      ? 1
      : 0;
  return { exitCode, stdout: options.json ? json(reports) : text(reports) };
}
