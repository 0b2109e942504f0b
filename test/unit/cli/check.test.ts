import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { FileReadError, readOfficeFile } from "../../../src/hosts/file/read";

const ROOT = path.resolve(__dirname, "../../..");
const FILES = path.join(ROOT, "test/fixtures/files");
const fixture = (name: string) => path.join(FILES, name);
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khct-check-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function writeZip(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const zip = new JSZip();
  for (const [part, content] of Object.entries(files)) zip.file(part, content);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return file;
}

/**
 * A hostile archive: every entry's uncompressed size, in its local header (offset 22) and in the
 * central directory (offset 24), rewritten to `size` (APPNOTE.TXT 4.3.7 and 4.3.12).
 */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && i + 26 <= out.length) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && i + 28 <= out.length) view.setUint32(i + 24, size, true);
  }
  return out;
}

const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

describe("plans saved as HTML under a .doc name (school apps do; Word opens them)", () => {
  const html = `<html><head><meta charset="utf-8"><title>KH</title></head><body>
<p>TRƯỜNG TIỂU HỌC HOA SEN</p><p>KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025&#8209;2026</p>
<TABLE border=1><TR><TH>TT<TH>Tiêu chuẩn,<br>tiêu chí<TH>Kết quả cần đạt<TH>Giải pháp<TH>Chủ trì<TH>Thời gian</TR>
<tr><td colspan="6">MỨC 1, 2, 3</td></tr>
<tr><td>1</td><td colspan=5>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường</td></tr>
<tr><td></td><td>Tiêu chí 1.2</td><td>Hội đồng hoạt động</td><td>Họp định kỳ</td><td>Hiệu trưởng</td><td>08/2024 &ndash; 11/2024</td></tr>
</TABLE><p>Nơi nhận:&nbsp;- Lưu: VT.</p></body></html>`;

  it("reads the text and the table, and checks it like a .docx", async () => {
    const file = path.join(tmp, "ke-hoach.doc");
    fs.writeFileSync(file, html);
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(file)));
    expect(content.kind).toBe("html");
    expect(content.paragraphs).toContain("TRƯỜNG TIỂU HỌC HOA SEN");
    expect(content.tables[0]?.grid.cells[3]?.map((c) => c.text)).toEqual([
      "",
      "Tiêu chí 1.2",
      "Hội đồng hoạt động",
      "Họp định kỳ",
      "Hiệu trưởng",
      "08/2024 – 11/2024",
    ]);
    const result = await run(["check", file, "--json"]);
    const [report] = JSON.parse(result.stdout);
    expect(report).toMatchObject({ level: "tieu-hoc", layout: "standard" });
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain("timeframe");
  });

  it("format and fill write a new .docx of its text and tables, and say so; an .xlsx output is refused", async () => {
    const file = path.join(tmp, "ke-hoach-2.doc");
    fs.writeFileSync(file, html);
    const refused = path.join(tmp, "ra.xlsx");
    const wrong = await run(["format", file, "--out", refused]);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toMatch(/trang HTML: tệp ra phải là \.docx/);
    expect(fs.existsSync(refused)).toBe(false);

    const formatted = path.join(tmp, "dinh-dang.docx");
    const result = await run(["format", file, "--out", formatted]);
    expect({ exit: result.exitCode, err: result.stderr ?? "" }).toEqual({ exit: 0, err: "" });
    expect(result.stdout).toMatch(/Tệp gốc là trang HTML.*hình ảnh, màu và phông/s);
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(formatted)));
    expect(content.kind).toBe("docx");
    expect(content.paragraphs.slice(0, 2)).toEqual([
      "TRƯỜNG TIỂU HỌC HOA SEN",
      "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025‑2026",
    ]);
    expect(content.paragraphs).toContain("Nơi nhận: - Lưu: VT.");
    const grid = content.tables[0]?.grid;
    // The merged rows stay merged (the standard's title spans five columns).
    expect(grid?.cells[2]?.map((c) => c.origin)).toEqual([
      { row: 2, col: 0 },
      ...Array.from({ length: 5 }, () => ({ row: 2, col: 1 })),
    ]);
    expect(grid?.cells[3]?.map((c) => c.text)).toEqual([
      "",
      "Tiêu chí 1.2",
      "Hội đồng hoạt động",
      "Họp định kỳ",
      "Hiệu trưởng",
      "08/2024 – 11/2024",
    ]);

    const results = path.join(tmp, "ket-qua-html.json");
    fs.writeFileSync(results, JSON.stringify({ levels: { "1.1": 1, "1.2": 1 } }));
    const filled = path.join(tmp, "da-dien.docx");
    const fill = await run([
      "fill",
      file,
      "--target-level",
      "2",
      "--results",
      results,
      "--out",
      filled,
    ]);
    expect({ exit: fill.exitCode, err: fill.stderr ?? "" }).toEqual({ exit: 0, err: "" });
    expect(fill.stdout).toMatch(/Tệp gốc là trang HTML[\s\S]*Đã ghi .*chèn [1-9]\d* hàng/);
    const after = await readOfficeFile(new Uint8Array(fs.readFileSync(filled)));
    const texts = after.tables[0]?.grid.cells.map((r) => r[1]?.text) ?? [];
    expect(texts).toEqual(expect.arrayContaining(["Tiêu chí 1.2", expect.stringMatching(/1\.1/)]));
  });
});

describe("reading files made by an office suite (LibreOffice)", () => {
  it("a .docx: paragraphs and the plan table with its merged section and standard rows", async () => {
    const content = await readOfficeFile(
      new Uint8Array(fs.readFileSync(fixture("ke-hoach-2021-2022.docx")))
    );
    expect(content.kind).toBe("docx");
    expect(content.paragraphs[1]).toBe("TRƯỜNG TIỂU HỌC HOA SEN");
    const grid = content.tables[0]?.grid;
    expect(grid?.colCount).toBe(9);
    expect(grid?.cells[1]?.[8]?.origin).toEqual({ row: 1, col: 0 }); // "MỨC 1, 2, 3" spans the row
  });

  it("a .xlsx: the text above the table and the table with its merges", async () => {
    const content = await readOfficeFile(
      new Uint8Array(fs.readFileSync(fixture("ke-hoach-2021-2022.xlsx")))
    );
    expect(content.kind).toBe("xlsx");
    expect(content.paragraphs).toContain("TRƯỜNG TIỂU HỌC HOA SEN");
    expect(content.tables[0]?.grid.cells[2]?.[5]?.origin).toEqual({ row: 2, col: 1 });
  });

  it("a vertical merge in a .docx (progress layout)", async () => {
    const content = await readOfficeFile(
      new Uint8Array(fs.readFileSync(fixture("tien-do-2025-2026.docx")))
    );
    expect(content.tables[1]?.grid.cells[2]?.[0]?.origin).toEqual({ row: 1, col: 0 });
  });
});

describe("khct check", () => {
  it("finds the mistakes of a real plan file, in Vietnamese, exit code 1", async () => {
    const result = await run(["check", fixture("ke-hoach-2021-2022.docx")]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "ke-hoach-2021-2022.docx — Tiểu học, Thông tư 17/2018/TT-BGDĐT"
    );
    expect(result.stdout).toMatch(
      /Lỗi \(3\)\n {4}\[standard-title\] bảng 1, hàng 6, cột 2: Tiêu chuẩn 5: “Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ” là tên của cấp mầm non/
    );
  });

  it("prints the documented JSON shape", async () => {
    const result = await run([
      "check",
      fixture("ke-hoach-2021-2022.xlsx"),
      fixture("tien-do-2025-2026.docx"),
      "--json",
    ]);
    const reports = JSON.parse(result.stdout);
    expect(
      reports.map((r: { file: string; level: string; layout: string }) => [
        path.basename(r.file),
        r.level,
        r.layout,
      ])
    ).toEqual([
      ["ke-hoach-2021-2022.xlsx", "tieu-hoc", "standard"],
      ["tien-do-2025-2026.docx", "tieu-hoc", "progress"],
    ]);
    const finding = reports[0].findings.find(
      (f: { rule: string }) => f.rule === "standard-numbering"
    );
    expect(finding).toEqual({
      rule: "standard-numbering",
      severity: "error",
      message: "Dòng Tiêu chuẩn 5 được đánh số 4; TT của dòng này là 5.",
      location: { table: 0, row: 5, column: 0, paragraph: null },
      criterion: null,
      fixable: true,
    });
    for (const f of reports.flatMap((r: { findings: unknown[] }) => r.findings)) {
      expect(Object.keys(f as object).sort()).toEqual([
        "criterion",
        "fixable",
        "location",
        "message",
        "rule",
        "severity",
      ]);
    }
  });

  it("exit code 0 when no file has a Lỗi, with --level given; never 'no errors' without a plan table", async () => {
    const file = await writeZip("sach.docx", {
      "word/document.xml": documentXml("<w:p><w:r><w:t>Trường Tiểu học Hoa Sen</w:t></w:r></w:p>"),
    });
    const result = await run(["check", file, "--level", "tieu-hoc"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("Không thấy lỗi nào.");
    expect(result.stdout).toContain(
      "Tài liệu không có bảng nào: không có bảng kế hoạch cải tiến để kiểm tra (chỉ kiểm tra phần chữ)."
    );
  });

  it("takes the level's everyday names: --level thcs, thpt, mn", async () => {
    const file = await writeZip("sach.docx", {
      "word/document.xml": documentXml("<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>"),
    });
    for (const [name, level] of [
      ["thcs", "trung-hoc"],
      ["THPT", "trung-hoc"],
      ["mn", "mam-non"],
      ["tiểu học", "tieu-hoc"],
    ]) {
      const result = await run(["check", file, "--level", name as string, "--json"]);
      expect(JSON.parse(result.stdout)[0].level).toBe(level);
    }
  });

  it("a file whose level nothing names is read, not called unreadable: exit 1 and how to give it", async () => {
    const file = await writeZip("trong.docx", { "word/document.xml": documentXml("<w:p/>") });
    const result = await run(["check", file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/trong\.docx: CHƯA KIỂM TRA — chưa xác định được cấp học/);
    expect(result.stdout).toMatch(/hãy ghi --level tieu-hoc \| thcs \| thpt \| mam-non/);
    expect(result.stdout).not.toMatch(/KHÔNG ĐỌC ĐƯỢC/);
    const json = JSON.parse((await run(["check", file, "--json"])).stdout);
    expect(json[0]).toMatchObject({ level: null, levelUnknown: expect.stringMatching(/--level/) });
    // The file's name can say it.
    const named = await writeZip("ke-hoach-thcs.docx", {
      "word/document.xml": documentXml("<w:p/>"),
    });
    expect(JSON.parse((await run(["check", named, "--json"])).stdout)[0].level).toBe("trung-hoc");
  });

  describe("bad input: a clear Vietnamese reason, exit code 2, nothing else touched", () => {
    it.each([
      ["not an Office file", async () => fixture("../seeds/README.md"), /Không phải tệp Office/],
      ["a missing file", async () => path.join(tmp, "khong-co.docx"), /không có tệp này/],
      ["a folder", async () => tmp, /không phải một tệp/],
      [
        "an encrypted or 97–2003 file",
        async () => {
          const f = path.join(tmp, "cu.doc");
          fs.writeFileSync(f, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
          return f;
        },
        /mã hóa \(có mật khẩu\) hoặc là định dạng Office 97–2003/,
      ],
      [
        "a corrupted zip",
        async () => {
          const f = path.join(tmp, "hong.docx");
          fs.writeFileSync(f, Buffer.from("PK\u0003\u0004 rác"));
          return f;
        },
        /Tệp bị hỏng/,
      ],
      [
        "a zip that is not Office",
        async () => writeZip("khac.docx", { "a.txt": "x" }),
        /không phải .docx hay .xlsx/,
      ],
      [
        "a zip bomb",
        async () => writeZip("bom.docx", { "word/document.xml": new Uint8Array(70 * 1024 * 1024) }),
        /giải nén ra quá lớn/,
      ],
      [
        "a zip bomb that declares a small size (local header and central directory say 1 KB)",
        async () => {
          const file = await writeZip("bom-noi-doi.docx", {
            "word/document.xml": new Uint8Array(70 * 1024 * 1024),
          });
          fs.writeFileSync(file, lieAboutSizes(new Uint8Array(fs.readFileSync(file)), 1024));
          return file;
        },
        /giải nén ra quá lớn|khác kích thước/,
      ],
      [
        "an XML bomb",
        async () =>
          writeZip("xml.docx", {
            "word/document.xml":
              '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document>&lol2;</w:document>',
          }),
        /khai báo DTD\/ENTITY/,
      ],
    ])("%s", async (_name, make, reason) => {
      const file = await make();
      const result = await run(["check", file]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toMatch(reason);
      expect(result.stdout).not.toMatch(/\n\s+at /);
    });

    it("a span of a billion columns is read as a table as wide as KHCT reads (it aborted the process)", async () => {
      const cell = (text: string, pr = "") =>
        `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
      const file = await writeZip("span.docx", {
        "word/document.xml": documentXml(
          `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>${cell("TT", '<w:gridSpan w:val="1000000000"/>')}${cell("Giải pháp")}</w:tr></w:tbl>`
        ),
      });
      const result = await run(["check", file, "--level", "tieu-hoc"]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/span\.docx/);
    });

    it.each([
      [
        "a merged area over the whole sheet",
        '<mergeCells count="1"><mergeCell ref="A200:XFD1048576"/></mergeCells>',
        /vùng gộp ô phủ gần cả trang tính \(A200:XFD1048576\)/,
      ],
      [
        "fifty thousand merged areas",
        `<mergeCells count="50000">${Array.from({ length: 50000 }, (_, i) => `<mergeCell ref="A${i * 2 + 10}:B${i * 2 + 10}"/>`).join("")}</mergeCells>`,
        /50000 vùng gộp ô/,
      ],
      [
        "a column range past the last column",
        '<cols><col min="1" max="2000000000" width="9"/></cols>',
        /quá cột cuối của Excel/,
      ],
      [
        "a data validation over the whole sheet",
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
        /kiểm tra dữ liệu phủ gần cả trang tính/,
      ],
    ])("a workbook with %s is refused before exceljs loads it", async (_name, element, reason) => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("KH").getCell("A1").value = "Trường Tiểu học Hoa Sen";
      const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
      const sheet = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(
        "</sheetData>",
        `</sheetData>${element}`
      );
      zip.file("xl/worksheets/sheet1.xml", sheet);
      const file = path.join(tmp, "hiem.xlsx");
      fs.writeFileSync(
        file,
        await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
      );
      const result = await run(["check", file]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toMatch(reason);
      expect(result.stdout).not.toMatch(/\n\s+at /);
    });

    it("text from the document cannot drive the terminal: control characters are shown escaped", async () => {
      const row = (texts: string[]) =>
        `<w:tr>${texts.map((t) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p></w:tc>`).join("")}</w:tr>`;
      const hostile = "\u009b2J\u009b]52;c;SGVsbG8=\u0085Không thấy lỗi nào.";
      const file = await writeZip("dieu-khien.docx", {
        "word/document.xml": documentXml(
          `<w:p><w:r><w:t>KẾ HOẠCH NĂM HỌC 2025-2026</w:t></w:r></w:p><w:tbl>${row(["TT", "Tiêu chuẩn, tiêu chí", "Giải pháp", "Chủ trì", "Thời gian"])}${row(["", "Tiêu chí 1.1", "Họp", "HT", hostile])}</w:tbl>`
        ),
      });
      const text = await run(["check", file, "--level", "tieu-hoc"]);
      expect(text.stdout).toContain("\\x9b2J");
      expect(text.stdout).not.toMatch(/[\u0080-\u009f]/);
      const json = await run(["check", file, "--level", "tieu-hoc", "--json"]);
      expect(json.stdout).not.toMatch(/[\u0080-\u009f]/);
      // The JSON keeps the text (escaped in the output, the same characters once parsed).
      expect(json.stdout).toContain("\\u009b2J");
      expect(JSON.parse(json.stdout)[0].findings[0].message).toContain("\u009b2J");
    });

    it("reads a document.xml written with a UTF-8 byte-order mark, or in UTF-16", async () => {
      const xml = documentXml("<w:p><w:r><w:t>Trường Tiểu học Hoa Sen</w:t></w:r></w:p>");
      const utf16 = (le: boolean) => {
        const text = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
        const out = new Uint8Array(2 + text.length * 2);
        out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          out[2 + 2 * i + (le ? 0 : 1)] = code & 0xff;
          out[2 + 2 * i + (le ? 1 : 0)] = code >> 8;
        }
        return out;
      };
      const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
      for (const [name, bytes] of [
        ["bom.docx", bom],
        ["utf16le.docx", utf16(true)],
        ["utf16be.docx", utf16(false)],
      ] as const) {
        const file = await writeZip(name, { "word/document.xml": bytes });
        const content = await readOfficeFile(new Uint8Array(fs.readFileSync(file)));
        expect(content.paragraphs).toEqual(["Trường Tiểu học Hoa Sen"]);
      }
    });

    it("refuses a DTD anywhere in a part, and in styles.xml too", async () => {
      const late = await writeZip("dtd-muon.docx", {
        "word/document.xml": documentXml(
          `<w:p><w:r><w:t>${"x".repeat(6000)}</w:t></w:r></w:p>`
        ).replace("<w:body>", '<w:body><!DOCTYPE x [<!ENTITY a "b">]>'),
      });
      const result = await run(["check", late, "--level", "tieu-hoc"]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toMatch(/khai báo DTD\/ENTITY/);
      const styles = await writeZip("styles-dtd.docx", {
        "word/document.xml": documentXml(
          "<w:p><w:r><w:t>Trường Tiểu học Hoa Sen</w:t></w:r></w:p>"
        ),
        "word/styles.xml": '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><w:styles/>',
      });
      const out = path.join(tmp, "styles-out.docx");
      const formatted = await run(["format", styles, "--level", "tieu-hoc", "--out", out]);
      expect(formatted.exitCode).toBe(2);
      expect(formatted.stderr).toMatch(/word\/styles\.xml.*khai báo DTD\/ENTITY/);
      expect(fs.existsSync(out)).toBe(false);
    });

    it("a file over 50 MB is refused before it is read", async () => {
      await expect(readOfficeFile(new Uint8Array(51 * 1024 * 1024))).rejects.toBeInstanceOf(
        FileReadError
      );
      // From the command line, by its size on disk: a sparse 2 GB file is never read.
      const huge = path.join(tmp, "qua-lon.docx");
      const handle = fs.openSync(huge, "w");
      fs.ftruncateSync(handle, 2 * 1024 * 1024 * 1024);
      fs.closeSync(handle);
      const before = process.memoryUsage().rss;
      const result = await run(["check", huge, "--level", "tieu-hoc"]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout + (result.stderr ?? "")).toMatch(
        /tệp quá lớn \(2048 MB; KHCT đọc tệp đến 50 MB\)/
      );
      expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
      fs.rmSync(huge);
    });
  });
});
