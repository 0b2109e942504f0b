/**
 * Writing a command's output file: the bytes are complete before anything touches the disk, then
 * written to a temporary file beside the target and renamed, so a failure never leaves a partial
 * file. An existing file (and the input) is replaced only with --force.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UsageError } from "./usage";

export type OutputKind = "docx" | "xlsx";

export function outputKind(out: string): OutputKind {
  const ext = path.extname(out).toLowerCase();
  if (ext === ".docx") return "docx";
  if (ext === ".xlsx") return "xlsx";
  throw new UsageError(`Tệp ra “${out}” phải có đuôi .docx hoặc .xlsx.`);
}

export async function writeOutput(
  out: string,
  data: Uint8Array,
  options: { force?: boolean; input?: string } = {}
): Promise<void> {
  const target = path.resolve(out);
  if (!options.force) {
    if (options.input && path.resolve(options.input) === target)
      throw new UsageError(
        "Tệp ra trùng tệp vào: KHCT không ghi đè tệp gốc (thêm --force nếu thật sự muốn)."
      );
    const exists = await fs
      .stat(target)
      .then(() => true)
      .catch(() => false);
    if (exists)
      throw new UsageError(`Tệp “${out}” đã có: KHCT không ghi đè (thêm --force nếu muốn).`);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as { code?: string }).code;
    throw new UsageError(`Không ghi được “${out}” (${code ?? String(error)}).`);
  }
}
