#!/usr/bin/env node
/**
 * `npm run check:office`: do KHCT's output files open in an office suite? Makes a standard plan
 * per level (.docx and .xlsx), fills and formats the LibreOffice-made fixtures, and converts every output to
 * PDF with LibreOffice (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui), and so are the
 * rich corpus's workbooks and documents (charts, pictures, notes) before and after each operation. Prints the
 * pages of each PDF; fails when a file does not convert, or when formatting a real plan makes it
 * more than one page longer (the page-count check of the format: each fixture before and after
 * `khct format`). Not part of `npm test` (LibreOffice is a large install); run it after changing
 * the writers or the format.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const khct = (...args) =>
  spawnSync(process.execPath, [path.join(ROOT, "bin/khct.js"), ...args], { encoding: "utf8" });
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
if (soffice.status !== 0) {
  console.error(
    "Cần LibreOffice (soffice): sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
  );
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-office-"));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "khct-lo-profile-"));
const outputs = [];
for (const level of ["mam-non", "tieu-hoc", "trung-hoc"])
  for (const ext of ["docx", "xlsx"]) {
    const out = path.join(dir, `moi-${level}.${ext}`);
    const r = khct("new", "--level", level, "--year", "2025-2026", "--out", out);
    if (r.status !== 0) throw new Error(r.stderr);
    outputs.push(out);
  }
// A plan on Thông tư 57/2026's form (Biểu 2 Phụ lục V).
for (const ext of ["docx", "xlsx"]) {
  const out = path.join(dir, `bieu-2.${ext}`);
  const r = khct(
    "new",
    "--level",
    "tieu-hoc",
    "--year",
    "2026-2027",
    "--framework",
    "tt57-2026-pho-thong",
    "--out",
    out
  );
  if (r.status !== 0) throw new Error(r.stderr);
  outputs.push(out);
}
for (const ext of ["docx", "xlsx"]) {
  const out = path.join(dir, `da-dien.${ext}`);
  const r = khct(
    "fill",
    path.join(ROOT, `test/fixtures/files/de-dien-2025-2026.${ext}`),
    "--target-level",
    "3",
    "--from-assessment",
    "--out",
    out
  );
  if (r.status !== 0) throw new Error(r.stderr);
  outputs.push(out);
}
// A plan saved as HTML under a .doc name (school apps do): formatted into a new .docx.
{
  const html = path.join(dir, "trang-html.doc");
  fs.writeFileSync(
    html,
    `<html><head><meta charset="utf-8"></head><body><p>TRƯỜNG TIỂU HỌC HOA SEN</p><p>KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026</p>
<table border=1><tr><th>TT<th>Tiêu chuẩn, tiêu chí<th>Kết quả cần đạt<th>Giải pháp<th>Chủ trì<th>Thời gian<th>Kinh phí<th>Ghi chú</tr>
<tr><td colspan=8>MỨC 1, 2, 3</td></tr><tr><td>1</td><td colspan=7>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường</td></tr>
<tr><td rowspan=2></td><td>Tiêu chí 1.2</td><td>Hội đồng hoạt động</td><td>Họp định kỳ</td><td>Hiệu trưởng</td><td>Học kỳ I</td><td></td><td></td></tr>
<tr><td>Tiêu chí 1.3</td><td>Kiểm tra</td><td>Rà soát</td><td>Phó hiệu trưởng</td><td>Học kỳ II</td><td></td><td></td></tr></table></body></html>`
  );
  const out = path.join(dir, "tu-html.docx");
  const r = khct("format", html, "--out", out);
  if (r.status !== 0) throw new Error(r.stderr);
  outputs.push(out);
}
/** Real plans formatted: [original, formatted], compared page for page. */
const pagePairs = [];
for (const base of ["ke-hoach-2021-2022", "tien-do-2025-2026", "de-dien-2025-2026"])
  for (const ext of ["docx", "xlsx"]) {
    const name = `${base}.${ext}`;
    const original = path.join(dir, `goc-${name}`);
    fs.copyFileSync(path.join(ROOT, "test/fixtures/files", name), original);
    const out = path.join(dir, `dinh-dang-${name}`);
    const r = khct("format", original, "--out", out);
    if (r.status !== 0) throw new Error(r.stderr);
    outputs.push(original, out);
    pagePairs.push([original, out]);
  }
// A full-size plan: the filled one above (some 20 pages), formatted.
for (const ext of ["docx", "xlsx"]) {
  const filled = path.join(dir, `da-dien.${ext}`);
  const out = path.join(dir, `dinh-dang-da-dien.${ext}`);
  const r = khct("format", filled, "--out", out);
  if (r.status !== 0) throw new Error(r.stderr);
  outputs.push(out);
  pagePairs.push([filled, out]);
}

/**
 * The rich corpus (charts, pictures, notes, sections…): the lossless test leaves its inputs and
 * outputs in a folder when asked, and every one of them must open.
 */
function richOutputs() {
  const richDir = path.join(dir, "rich");
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/jest/bin/jest.js"),
      "--selectProjects",
      "unit",
      "--testPathPattern",
      "corpus/lossless",
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, KHCT_RICH_OUT: richDir } }
  );
  if (r.status !== 0) throw new Error(`lossless corpus: ${r.stderr.slice(-2000)}`);
  return fs
    .readdirSync(richDir)
    .filter((f) => /\.(docx|xlsx)$/.test(f))
    .map((f) => path.join(richDir, f));
}

async function main() {
  outputs.push(...richOutputs());
  // The progress columns "Theo dõi" adds to a plan table in file mode (compiled core and adapter in lib/).
  const { openFileDocument } = require(path.join(ROOT, "lib/hosts/file/fileDocument.js"));
  const { analyseTables } = require(path.join(ROOT, "lib/core/plan/session.js"));
  const { defaultFramework } = require(path.join(ROOT, "lib/core/catalogue/index.js"));
  for (const ext of ["docx", "xlsx"]) {
    const name = `de-dien-2025-2026.${ext}`;
    const file = await openFileDocument(
      name,
      new Uint8Array(fs.readFileSync(path.join(ROOT, "test/fixtures/files", name)))
    );
    const plan = analyseTables(await file.planHost.readTables(), defaultFramework("tieu-hoc")).find(
      (t) => t.kind === "plan"
    );
    const outcome = await file.planHost.addProgressColumns(plan);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`);
    const out = path.join(dir, `cot-tien-do.${ext}`);
    fs.writeFileSync(out, file.current().data);
    outputs.push(out);
  }
  convert();
}

function convert() {
  let failed = 0;
  const pagesOf = new Map();
  for (const file of outputs) {
    const started = Date.now();
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        file,
      ],
      { encoding: "utf8" }
    );
    const pdf = path.join(dir, path.basename(file).replace(/\.(docx|xlsx)$/, ".pdf"));
    const ok = r.status === 0 && fs.existsSync(pdf);
    const pages = ok
      ? (fs.readFileSync(pdf, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length
      : 0;
    if (!ok || pages === 0) failed++;
    pagesOf.set(file, pages);
    console.log(
      `${path.basename(file)}: ${ok && pages ? `${pages} trang PDF` : "KHÔNG MỞ ĐƯỢC"} (${Date.now() - started} ms)`
    );
    fs.rmSync(pdf, { force: true });
  }
  console.log("\nSố trang trước / sau khi định dạng (không được tăng quá 1):");
  for (const [original, formatted] of pagePairs) {
    const before = pagesOf.get(original) ?? 0;
    const after = pagesOf.get(formatted) ?? 0;
    const ok = after > 0 && after <= before + 1;
    if (!ok) failed++;
    console.log(
      `  ${path.basename(original).replace(/^goc-/, "")}: ${before} → ${after}${ok ? "" : "  QUÁ DÀI"}`
    );
  }
  if (process.env.KHCT_KEEP) console.log(`Tệp giữ lại trong ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
