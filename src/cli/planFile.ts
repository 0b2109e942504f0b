/** Opening a plan file for a command: bytes, content, identity, school level and framework. */
import { promises as fs } from "node:fs";
import { chooseFramework, type FrameworkChoice } from "../core/catalogue";
import { detectPlanIdentity, type PlanIdentity } from "../core/plan/identity";
import { identityTexts } from "../core/plan/session";
import type { SchoolLevel } from "../core/schoolLevel";
import { FileReadError, readOfficeFile, type ReadFile } from "../hosts/file/read";

export interface OpenedPlan {
  readonly data: Uint8Array;
  readonly content: ReadFile;
  readonly identity: PlanIdentity;
  readonly level: SchoolLevel;
  readonly choice: FrameworkChoice;
}

/** Opens a file; `error` (Vietnamese, with the reason) when it cannot be read or has no level. */
export async function openPlanFile(
  file: string,
  levelOption: SchoolLevel | null
): Promise<OpenedPlan | { readonly error: string }> {
  let data: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { error: "không phải một tệp." };
    data = new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      error: code === "ENOENT" ? "không có tệp này." : `không mở được (${code ?? String(error)}).`,
    };
  }
  try {
    const content = await readOfficeFile(data);
    const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
    // The user's word first, then what KHCT stored in the file, then what the text says.
    const level = levelOption ?? content.settings?.level ?? identity.level;
    if (!level) return { error: "không xác định được cấp học từ nội dung; hãy ghi --level." };
    const stored = content.settings?.level === level ? content.settings.frameworkId : null;
    const choice = chooseFramework({
      level,
      citedCirculars: identity.citedCirculars,
      schoolYear: identity.schoolYear,
      override: stored,
    });
    return { data, content, identity, level, choice };
  } catch (error) {
    if (error instanceof FileReadError) return { error: error.message };
    return { error: `lỗi khi đọc (${error instanceof Error ? error.message : String(error)}).` };
  }
}
