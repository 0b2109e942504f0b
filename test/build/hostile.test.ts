/**
 * Hostile and malformed inputs to `khct check` and `khct format`, generated here (no fixture to trust): truncations at
 * many offsets, flipped bytes, broken central directories, XML bombs and DTDs, deep nesting,
 * encodings, span and merge nonsense, OLE and encrypted headers, HTML, empty and odd files. They run
 * in one child process on the compiled CLI (lib/), which reports each input's exit code, output and
 * time, and its own peak memory: every input gets exit 0/1 or exit 2 with a Vietnamese reason, no
 * stack trace, within bounds.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { prng } from "../corpus/generate";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/files");
/** Four English words in a row: a library's message shown raw (the file's own name aside). */
const ENGLISH = /(?<!\p{L})(?:[A-Za-z]{2,}[ :,]+){3}[A-Za-z]{2,}(?!\p{L})/u;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function xlsxWith(element: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("KH").getCell("A1").value = "Trường Tiểu học Hoa Sen";
  const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", `</sheetData>${element}`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function corpus(): Promise<{ category: string; name: string; bytes: Uint8Array }[]> {
  const out: { category: string; name: string; bytes: Uint8Array }[] = [];
  const add = (category: string, name: string, bytes: Uint8Array | string) =>
    out.push({
      category,
      name,
      bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
    });
  const rand = prng(20261202);
  const sources = ["ke-hoach-2021-2022.docx", "tien-do-2025-2026.xlsx"].map((f) => ({
    name: f,
    bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, f))),
  }));
  for (const { name, bytes } of sources) {
    // Truncated at 70 offsets spread over the file.
    for (let i = 1; i <= 70; i++)
      add("truncated", `${name}-cut-${i}`, bytes.slice(0, Math.floor((bytes.length * i) / 71)));
    // 50 files with 1–20 random bytes flipped.
    for (let i = 0; i < 50; i++) {
      const copy = new Uint8Array(bytes);
      const n = 1 + Math.floor(rand() * 20);
      for (let k = 0; k < n; k++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
      add("flipped", `${name}-flip-${i}`, copy);
    }
    // The central directory and end record broken in 15 ways.
    const eocd = bytes.lastIndexOf(0x50, bytes.length - 18);
    for (let i = 0; i < 15; i++) {
      const copy = new Uint8Array(bytes);
      for (let k = 0; k < 4; k++) copy[Math.max(0, eocd - 40 * i + k)] = (i * 37 + k) & 0xff;
      add("central-directory", `${name}-cd-${i}`, copy);
    }
  }
  const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>';
  for (const [i, xml] of [
    `<?xml version="1.0"?>${bomb}<w:document>&lol2;</w:document>`,
    doc(`<w:p><w:r><w:t>${"x".repeat(9000)}</w:t></w:r></w:p>`).replace(
      "<w:body>",
      `<w:body>${bomb}`
    ),
    '<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><w:document/>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:1/x">]><w:document>&e;</w:document>',
    doc("<w:p>"),
    doc("</w:p>"),
    "not xml at all",
    "",
    `<?xml version="1.0"?>${"<a>".repeat(20000)}${"</a>".repeat(20000)}`,
    doc(`${"<w:tbl><w:tr><w:tc>".repeat(300)}x${"</w:tc></w:tr></w:tbl>".repeat(300)}`),
  ].entries())
    add("xml", `xml-${i}.docx`, await zipOf({ "word/document.xml": xml }));
  const cell = (t: string, pr = "") =>
    `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  for (const [i, pr] of [
    '<w:gridSpan w:val="1000000000"/>',
    '<w:gridSpan w:val="-5"/>',
    '<w:gridSpan w:val="NaN"/>',
    '<w:vMerge w:val="restart"/>',
    "<w:vMerge/>",
    '<w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/>',
  ].entries())
    add(
      "spans",
      `span-${i}.docx`,
      await zipOf({
        "word/document.xml": doc(
          `<w:tbl>${`<w:tr><w:trPr><w:gridBefore w:val="${i * 300000000}"/></w:trPr>${cell("TT", pr)}${cell("Giải pháp", pr)}</w:tr>`.repeat(5)}</w:tbl>`
        ),
      })
    );
  const text = doc("<w:p><w:r><w:t>Trường Tiểu học Hoa Sen</w:t></w:r></w:p>");
  add(
    "encoding",
    "bom.docx",
    await zipOf({
      "word/document.xml": new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
    })
  );
  add(
    "encoding",
    "latin1.docx",
    await zipOf({
      "word/document.xml": new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff)),
    })
  );
  add(
    "encoding",
    "utf16-no-bom.docx",
    await zipOf({
      "word/document.xml": new Uint8Array(
        new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer
      ),
    })
  );
  for (const [i, element] of [
    '<mergeCells count="1"><mergeCell ref="A200:XFD1048576"/></mergeCells>',
    '<mergeCells count="1"><mergeCell ref="ZZZZ1:A1"/></mergeCells>',
    '<mergeCells count="1"><mergeCell ref="garbage"/></mergeCells>',
    '<cols><col min="1" max="2000000000" width="9"/></cols>',
    '<cols><col min="5" max="1" width="-3"/></cols>',
    '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    '<dataValidations count="1"><dataValidation type="list" sqref="A:A B:B"><formula1>"a"</formula1></dataValidation></dataValidations>',
    '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>',
  ].entries())
    add("xlsx", `xlsx-${i}.xlsx`, await xlsxWith(element));
  add("xlsx", "workbook-only.xlsx", await zipOf({ "xl/workbook.xml": "<workbook/>" }));
  // Nesting no office program writes, where a recursive reader would exhaust its stack.
  const deep = (open: string, close: string, inner: string) =>
    `${open.repeat(100_000)}${inner}${close.repeat(100_000)}`;
  add(
    "nesting",
    "deep-cell.docx",
    await zipOf({
      "word/document.xml": doc(
        `<w:tbl><w:tr><w:tc>${deep("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:p><w:r><w:t>x</w:t></w:r></w:p>")}</w:tc></w:tr></w:tbl>`
      ),
    })
  );
  {
    const zip = await JSZip.loadAsync(await xlsxWith(""));
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>${deep("<r>", "</r>", "<t>x</t>")}</si></sst>`
    );
    add(
      "nesting",
      "deep-strings.xlsx",
      await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
    );
  }
  // Twenty thousand parts (Word and Excel write tens): refused before an object is built for each.
  {
    const zip = await JSZip.loadAsync(
      fs.readFileSync(path.join(FIXTURES, "ke-hoach-2021-2022.docx"))
    );
    for (let i = 0; i < 20_000; i++) zip.file(`word/media/x${i}.bin`, "");
    add("nesting", "entries-20000.docx", await zip.generateAsync({ type: "uint8array" }));
  }
  // Huge tables: refused with the bound, before the rows are built (50,000 rows took minutes and gigabytes).
  const planRow = (i: number) =>
    `<w:tr>${cell(String(i))}${cell(`Tiêu chí 1.${(i % 9) + 1}`)}${cell(`Giải pháp ${i}`)}${cell("HT")}${cell("Tháng 9/2025")}</w:tr>`;
  for (const rows of [6000, 50000])
    add(
      "huge",
      `rows-${rows}.docx`,
      await zipOf({
        "word/document.xml": doc(
          `<w:tbl>${planRow(0)}${Array.from({ length: rows }, (_, i) => planRow(i + 1)).join("")}</w:tbl>`
        ),
      })
    );
  const big = new ExcelJS.Workbook();
  const bigSheet = big.addWorksheet("KH");
  for (let r = 1; r <= 6000; r++)
    bigSheet.getRow(r).values = [r, `Tiêu chí 1.${(r % 9) + 1}`, `Giải pháp ${r}`];
  add("huge", "rows-6000.xlsx", new Uint8Array((await big.xlsx.writeBuffer()) as ArrayBuffer));
  add(
    "ole",
    "encrypted.docx",
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)])
  );
  add("ole", "old.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...new Uint8Array(100)]));
  add("odd", "empty.docx", new Uint8Array(0));
  add("odd", "one-byte.docx", new Uint8Array([0x50]));
  add("odd", "pk-only.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
  add("odd", "text.docx", "đây không phải tệp Word");
  add("odd", "zip-without-parts.docx", await zipOf({ "a.txt": "x" }));
  add(
    "odd",
    "zip-with-dir-names.docx",
    await zipOf({ "../../evil.txt": "x", "word/document.xml": text })
  );
  add(
    "html",
    "page.doc",
    "<html><body><table><tr><td colspan=999999999>TT<td rowspan=-1>Giải pháp</table></body></html>"
  );
  add("html", "unclosed.doc", `<html><body>${"<table><tr><td>".repeat(500)}</body>`);
  add("html", "entities.doc", "<html><body><p>&#0;&#x110000;&bogus;&amp;</p></body></html>");
  return out;
}

describe("hostile inputs to khct check and format (compiled CLI, one child process)", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-hostile-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("answers every input with exit 0/1, or 2 and a Vietnamese reason; no stack trace; bounded time and memory", async () => {
    const inputs = await corpus();
    expect(inputs.length).toBeGreaterThanOrEqual(300);
    const files = inputs.map((input, i) => {
      const file = path.join(
        dir,
        `${String(i).padStart(3, "0")}-${input.name.replace(/[^a-z0-9.-]/gi, "_")}`
      );
      fs.writeFileSync(file, input.bytes);
      return file;
    });
    const list = path.join(dir, "files.json");
    fs.writeFileSync(list, JSON.stringify(files));
    const outDir = path.join(dir, "out");
    fs.mkdirSync(outDir);
    // The child checks each file with the compiled CLI, then formats it (which writes a file), timing
    // each command, then reports its peak memory.
    const script = `
      const { run } = require(${JSON.stringify(path.join(ROOT, "lib/cli/main.js"))});
      const path = require("path");
      const files = JSON.parse(require("fs").readFileSync(${JSON.stringify(list)}, "utf8"));
      const outDir = ${JSON.stringify(outDir)};
      (async () => {
        const results = [];
        for (const [i, file] of files.entries()) {
          const commands = [
            ["check", file, "--level", "tieu-hoc"],
            ["format", file, "--level", "tieu-hoc", "--out", path.join(outDir, i + (/\\.xlsx/.test(file) ? ".xlsx" : ".docx"))],
          ];
          for (const args of commands) {
            const started = process.hrtime.bigint();
            let r;
            try { r = await run(args); }
            catch (e) { r = { exitCode: -1, stdout: "", stderr: String(e && e.stack) }; }
            results.push({ file, command: args[0], out: args[5] || null, exit: r.exitCode, text: (r.stdout || "") + (r.stderr || ""), ms: Number(process.hrtime.bigint() - started) / 1e6 });
          }
        }
        process.stdout.write(JSON.stringify({ results, maxRssKb: process.resourceUsage().maxRSS }));
      })();`;
    const child = spawnSync(process.execPath, ["--max-old-space-size=512", "-e", script], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect({ status: child.status, stderr: child.stderr.slice(0, 2000) }).toEqual({
      status: 0,
      stderr: "",
    });
    const report = JSON.parse(child.stdout) as {
      results: {
        file: string;
        command: string;
        out: string | null;
        exit: number;
        text: string;
        ms: number;
      }[];
      maxRssKb: number;
    };
    const bad = report.results.filter(
      (r) =>
        ![0, 1, 2].includes(r.exit) ||
        /\n\s+at .+:\d+:\d+/.test(r.text) ||
        (r.exit === 2 && !VIETNAMESE.test(r.text)) ||
        /lỗi không mong đợi|không lường trước|unexpected error/i.test(r.text) ||
        // The bilingual usage text after a usage error is KHCT's own.
        ENGLISH.test(
          r.text.split("Cách dùng / usage:")[0]?.split(path.basename(r.file)).join("") ?? ""
        ) ||
        // A refused format leaves nothing at --out.
        (r.out !== null && r.exit !== 0 && fs.existsSync(r.out)) ||
        r.ms > 10_000
    );
    expect(
      bad.map((r) => ({
        file: path.basename(r.file),
        command: r.command,
        exit: r.exit,
        text: r.text.slice(0, 300),
        ms: Math.round(r.ms),
      }))
    ).toEqual([]);
    // Nothing half-written beside the outputs (KHCT's temporary files are hidden ".…tmp").
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // Peak memory of the whole run (Node's own heap, exceljs and JSZip included).
    expect(report.maxRssKb / 1024).toBeLessThanOrEqual(512);
    const byCategory = new Map<string, number[]>();
    const checks = report.results.filter((r) => r.command === "check");
    const formats = report.results.filter((r) => r.command === "format");
    inputs.forEach((input, i) => {
      const exit = checks[i]?.exit ?? -1;
      byCategory.set(input.category, [...(byCategory.get(input.category) ?? []), exit]);
    });
    // Printed for the closing note: inputs, exits 0/1/2 per category, slowest input.
    const table = [...byCategory].map(
      ([category, exits]) =>
        `${category}: ${exits.length} (${[0, 1, 2].map((e) => exits.filter((x) => x === e).length).join("/")})`
    );
    const slowest = Math.max(...report.results.map((r) => r.ms));
    const formatted = formats.filter((r) => r.exit === 0).length;
    process.stdout.write(
      `hostile: ${inputs.length} inputs — check ${table.join(", ")}; format wrote ${formatted}, refused ${formats.length - formatted}; slowest ${Math.round(slowest)} ms; peak RSS ${Math.round(report.maxRssKb / 1024)} MB\n`
    );
  });
});
