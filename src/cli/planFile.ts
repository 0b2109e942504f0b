/** Opening a plan file for a command: bytes, content, identity, school level and framework. */
import { promises as fs } from "node:fs";
import { CATALOGUE, chooseFramework, frameworkById, type FrameworkChoice } from "../core/catalogue";
import { UsageError } from "./usage";
import { detectPlanIdentity, type PlanIdentity } from "../core/plan/identity";
import { identityTexts } from "../core/plan/session";
import { levelFromFileName, type SchoolLevel } from "../core/schoolLevel";
import * as path from "node:path";
import { docxFromHtml } from "../hosts/file/fromHtml";
import { FileReadError, LIMITS, readOfficeFile, type ReadFile } from "../hosts/file/read";
import { systemErrorText } from "./systemErrors";

export interface OpenedPlan {
  readonly data: Uint8Array;
  readonly content: ReadFile;
  readonly identity: PlanIdentity;
  readonly level: SchoolLevel;
  readonly choice: FrameworkChoice;
}

/** A file that was read but whose school level nothing names: the user is asked for --level. */
export interface LevelUnknown {
  readonly levelUnknown: string;
  readonly content: ReadFile;
}

export const LEVEL_UNKNOWN =
  "chưa xác định được cấp học (không thấy tên trường, thông tư, tên tiêu chuẩn/tiêu chí riêng của một cấp, hay cấp học trong tên tệp); hãy ghi --level tieu-hoc | thcs | thpt | mam-non.";

/**
 * Opens a file; `error` (Vietnamese, with the reason) when it cannot be read, `levelUnknown` when
 * it was read but nothing says its school level.
 */
export async function openPlanFile(
  file: string,
  levelOption: SchoolLevel | null,
  frameworkOption: string | null = null
): Promise<OpenedPlan | LevelUnknown | { readonly error: string }> {
  let data: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { error: "không phải một tệp." };
    // The size from the file system: a huge file is refused without being read into memory.
    if (stat.size > LIMITS.fileBytes)
      return {
        error: `tệp quá lớn (${Math.round(stat.size / 1048576)} MB; KHCT đọc tệp đến ${LIMITS.fileBytes / 1048576} MB).`,
      };
    data = new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      error: code === "ENOENT" ? "không có tệp này." : `không mở được: ${systemErrorText(error)}.`,
    };
  }
  try {
    const content = await readOfficeFile(data);
    const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
    // The user's word first, then what KHCT stored in the file, then what the text says.
    const level =
      levelOption ??
      content.settings?.level ??
      identity.level ??
      levelFromFileName(path.basename(file));
    if (!level) return { levelUnknown: LEVEL_UNKNOWN, content };
    const stored = content.settings?.level === level ? content.settings.frameworkId : null;
    const choice = chooseFramework({
      level,
      citedCirculars: identity.citedCirculars,
      schoolYear: identity.schoolYear,
      override: frameworkOption ?? stored,
      successorForm: identity.successorForm ?? false,
      byDate: true,
    });
    return { data, content, identity, level, choice };
  } catch (error) {
    if (error instanceof FileReadError) return { error: error.message };
    // A reader's own failure that no rule put into words: said as such, never a library's sentence.
    return {
      error:
        "KHCT gặp lỗi không lường trước khi đọc tệp này: hãy mở bằng Word/Excel, lưu lại rồi thử lại (và báo cho nhóm KHCT kèm tệp nếu vẫn lỗi).",
    };
  }
}

/**
 * A plan saved as HTML, as a new .docx to fill or format (the same text and tables, read again
 * from the .docx so every position is the .docx's own); other plans as they are.
 */
export async function writableForm(
  opened: OpenedPlan
): Promise<OpenedPlan & { fromHtml: boolean }> {
  if (opened.content.kind !== "html") return { ...opened, fromHtml: false };
  const html = new TextDecoder("utf-8").decode(opened.data);
  const data = await docxFromHtml(html, opened.content.paragraphs[0] ?? "Kế hoạch");
  return { ...opened, data, content: await readOfficeFile(data), fromHtml: true };
}

/** A --framework option that names no framework is a usage error, said before any file is read. */
export function assertFramework(id: string | undefined): void {
  if (id !== undefined && !frameworkById(id))
    throw new UsageError(
      `Không có khung tiêu chí “${id}”; dùng ${CATALOGUE.frameworks.map((f) => f.id).join(" | ")}.`
    );
}
