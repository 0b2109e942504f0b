/**
 * Writing a command's output file: the bytes are complete before anything touches the disk, then
 * written to a temporary file beside the target and linked into place, so a failure never leaves a
 * partial file and a file that appears meanwhile is not replaced. An existing file (and the input)
 * is replaced only with --force; the temporary file goes away even when the command is stopped.
 */
import { promises as fs, rmSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "./usage";
import { systemErrorText } from "./systemErrors";

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
  pending.add(temp);
  watchSignals();
  try {
    // The temporary file is KHCT's own: created, never opened if something already has the name.
    await fs.writeFile(temp, data, { flag: "wx" });
    await publish(temp, target, Boolean(options.force), out);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Không ghi được “${out}”: ${systemErrorText(error)}.`);
  } finally {
    await fs.rm(temp, { force: true });
    pending.delete(temp);
  }
}

/**
 * Puts the finished file at `target`. Without --force a hard link, which fails if a file appeared
 * there after the check above (a rename would replace it); where the file system has no hard
 * links, a last check and a rename.
 */
async function publish(temp: string, target: string, force: boolean, out: string): Promise<void> {
  if (force) return fs.rename(temp, target);
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "EEXIST")
      throw new UsageError(`Tệp “${out}” vừa xuất hiện trong lúc KHCT ghi: KHCT không ghi đè.`);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
    const exists = await fs
      .stat(target)
      .then(() => true)
      .catch(() => false);
    if (exists) throw new UsageError(`Tệp “${out}” đã có: KHCT không ghi đè.`);
    await fs.rename(temp, target);
  }
}

/** Temporary files being written: removed if the command is stopped (Ctrl+C, kill). */
const pending = new Set<string>();
let watching = false;

function watchSignals(): void {
  if (watching) return;
  watching = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => {
      for (const temp of pending) rmSync(temp, { force: true });
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
}
