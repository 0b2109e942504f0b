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
  const file = path.join(ROOT, "test/fixtures/files/ke-hoach-2021-2022.docx");
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
  const times = async (fn) => {
    const out = [];
    for (let i = 0; i < 30; i++) {
      const start = process.hrtime.bigint();
      await fn();
      out.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(out);
  };
  const parse = await times(parseOnly);
  const checked = await times(checkOne);
  await readOfficeFile(data);
  report("file.parse.median", parse, "ms");
  report("file.check.median", checked, "ms");
  report("file.check.ratio", checked / parse, "x");

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
