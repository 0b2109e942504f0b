// File mode: checking a real plan .docx against just unzipping and parsing its XML (same run),
// and a batch of 100 files in one `khct check`.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const { ROOT, median, compiledCore } = require("./stats");

async function run(report) {
  const core = compiledCore();
  const JSZip = require("jszip");
  const { DOMParser } = require("@xmldom/xmldom");
  const { readOfficeFile } = core("hosts/file/read");
  const { runCheck } = core("cli/check");
  const { runNew } = core("cli/new");

  /** Check time over unzip+parse time for one file, runs interleaved so drift hits both alike. */
  const ratio = async (file) => {
    const data = new Uint8Array(fs.readFileSync(file));
    const parseOnly = async () => {
      const zip = await JSZip.loadAsync(data);
      new DOMParser().parseFromString(
        await zip.file("word/document.xml").async("string"),
        "text/xml"
      );
    };
    const checkOne = () => runCheck({ files: [file] });
    for (let i = 0; i < 5; i++) {
      await parseOnly();
      await checkOne();
    }
    const parse = [];
    const checked = [];
    const time = async (fn, out) => {
      const start = process.hrtime.bigint();
      await fn();
      out.push(Number(process.hrtime.bigint() - start) / 1e6);
    };
    for (let i = 0; i < 40; i++) {
      await time(parseOnly, parse);
      await time(checkOne, checked);
    }
    await readOfficeFile(data);
    return { parse: median(parse), check: median(checked) };
  };

  // A real plan (a school's 2021-2022 table, saved by LibreOffice) …
  const file = path.join(ROOT, "test/fixtures/files/ke-hoach-2021-2022.docx");
  const real = await ratio(file);
  report("file.parse.median", real.parse, "ms");
  report("file.check.median", real.check, "ms");
  report("file.check.ratio", real.check / real.parse, "x");
  // … and a full-size one: the standard plan khct new makes (27 criteria, 5 standards, MỨC 4).
  const full = path.join(os.tmpdir(), `khct-bench-${process.pid}.docx`);
  await runNew({ level: "tieu-hoc", year: "2025-2026", out: full, force: true });
  const fullRatio = await ratio(full);
  fs.rmSync(full, { force: true });
  report("file.check.full.median", fullRatio.check, "ms");
  report("file.check.full.ratio", fullRatio.check / fullRatio.parse, "x");

  // Writing a workbook back: KHCT edits the parts it changes; exceljs's load and write (what the
  // writer was) is timed alongside on the same full-size plan.
  const { formatXlsx, readXlsxFormat } = core("hosts/file/format");
  const { formatSession } = core("core/format/session");
  const { defaultFramework } = core("core/catalogue/index");
  const ExcelJS = require("exceljs");
  const xlsx = path.join(os.tmpdir(), `khct-bench-${process.pid}.xlsx`);
  await runNew({ level: "tieu-hoc", year: "2025-2026", out: xlsx, force: true });
  const workbook = new Uint8Array(fs.readFileSync(xlsx));
  fs.rmSync(xlsx, { force: true });
  const session = formatSession(
    await readXlsxFormat(workbook),
    defaultFramework("tieu-hoc"),
    "excel"
  );
  const formatOne = () => formatXlsx(workbook, session.plan);
  const roundTrip = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(workbook);
    await wb.xlsx.writeBuffer();
  };
  const formatted = [];
  const tripped = [];
  for (let i = 0; i < 25; i++) {
    let start = process.hrtime.bigint();
    await formatOne();
    if (i >= 5) formatted.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    await roundTrip();
    if (i >= 5) tripped.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  report("file.xlsx.format.median", median(formatted), "ms");
  report("file.xlsx.exceljsRoundTrip.median", median(tripped), "ms");
  report("file.xlsx.format.ratio", median(formatted) / median(tripped), "x");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-batch-"));
  const files = [];
  for (let i = 0; i < 100; i++) {
    const copy = path.join(dir, `ke-hoach-${i}.docx`);
    fs.copyFileSync(file, copy);
    files.push(copy);
  }
  const start = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [path.join(ROOT, "bin/khct.js"), "check", ...files, "--json"], {
      stdio: "pipe",
    });
  } catch (error) {
    if (error.status !== 1) throw error; // 1: the plans have errors, as expected
  }
  report("file.check.batch100", Number(process.hrtime.bigint() - start) / 1e9, "s");
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { run };
