import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { defaultFramework } from "../../../src/core/catalogue";
import { computeFillPatch, applyPatch } from "../../../src/core/plan/patch";
import { proposeRows } from "../../../src/core/plan/proposal";
import { analyseTables, resultsFromTables } from "../../../src/core/plan/session";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import type { TableGrid } from "../../../src/core/plan/table";
import { readOfficeFile } from "../../../src/hosts/file/read";

const FILES = path.resolve(__dirname, "../../fixtures/files");
const fixture = (name: string) => path.join(FILES, name);
const framework = defaultFramework("tieu-hoc");
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khct-fill-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const texts = (grid: TableGrid) => grid.cells.map((row) => row.map((c) => c.text));
const read = async (file: string) => {
  const content = await readOfficeFile(new Uint8Array(fs.readFileSync(file)));
  return { content, tables: analyseTables(content.tables, framework) };
};

describe.each(["docx", "xlsx"])("khct fill on a .%s made by LibreOffice", (ext) => {
  const input = fixture(`de-dien-2025-2026.${ext}`);

  it("round-trips: every existing text kept, the rows and cells of the patch added, nothing else changed", async () => {
    const before = await read(input);
    const out = path.join(tmp, `out.${ext}`);
    const result = await run([
      "fill",
      input,
      "--target-level",
      "3",
      "--from-assessment",
      "--out",
      out,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/điền 2 ô trống, chèn 9 hàng/);

    // What the core says the table must become, computed independently from the input.
    const plan = before.tables.find((t) => t.kind === "plan")!;
    const { results } = resultsFromTables(before.tables);
    const { proposals } = proposeRows(framework, results, {
      target: 3,
      year: parseSchoolYear("2025-2026"),
      includeLevel4: false,
    });
    const patch = computeFillPatch(
      plan.table!,
      proposals.map((p) => p.template),
      framework
    );
    const expected = applyPatch(texts(plan.grid), patch);
    expect(expected.conflicts).toEqual([]);

    const after = await read(out);
    const planAfter = after.tables.find((t) => t.kind === "plan")!;
    expect(texts(planAfter.grid)).toEqual(expected.rows);
    // The self-assessment table and the text around the tables are untouched.
    const assessment = (r: typeof before) =>
      texts(r.tables.find((t) => t.kind === "assessment")!.grid);
    expect(assessment(after)).toEqual(assessment(before));
    expect(after.content.paragraphs).toEqual(before.content.paragraphs);
    // The input file is not modified.
    expect(fs.readFileSync(input)).toEqual(fs.readFileSync(fixture(`de-dien-2025-2026.${ext}`)));

    // Idempotent: filling the output again finds nothing to do and writes nothing.
    const again = path.join(tmp, `again.${ext}`);
    const second = await run([
      "fill",
      out,
      "--target-level",
      "3",
      "--from-assessment",
      "--out",
      again,
    ]);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toMatch(/không có gì để điền/);
    expect(fs.existsSync(again)).toBe(false);

    // The filled plan checks clean apart from the cells left to the school.
    const checked = JSON.parse((await run(["check", out, "--json"])).stdout)[0];
    expect(checked.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual(
      []
    );
  });

  it("takes results from a JSON file instead", async () => {
    const results = path.join(tmp, "kq.json");
    fs.writeFileSync(results, JSON.stringify({ levels: { "2.2": 0, "1.1": 3 }, level4: {} }));
    const out = path.join(tmp, `json.${ext}`);
    const result = await run([
      "fill",
      input,
      "--target-level",
      "2",
      "--results",
      results,
      "--out",
      out,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/chèn 2 hàng \(Tiêu chuẩn 2, Tiêu chí 2\.2\)/);
    const table = (await read(out)).tables.find((t) => t.kind === "plan")!.table!;
    const row = table.rows.find((r) => r.ref?.ref.id === "2.2");
    expect(row?.cells.target?.text).toMatch(/^Đạt Mức 1: a\) /);
  });
});

describe("khct fill refuses, with a reason and exit code 2, and writes no file", () => {
  const out = () => path.join(tmp, `refused-${Math.random().toString(36).slice(2)}.docx`);
  it("results given as a named pipe are refused at once (reading one would wait forever)", async () => {
    const fifo = path.join(tmp, "ket-qua.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const target = out();
    const result = await run([
      "fill",
      fixture("ke-hoach-2021-2022.docx"),
      "--target-level",
      "3",
      "--results",
      fifo,
      "--out",
      target,
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/không phải một tệp thường/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it.each([
    [
      "no self-assessment table",
      [fixture("ke-hoach-2021-2022.docx"), "--target-level", "3", "--from-assessment"],
      /không có bảng kết quả tự đánh giá/,
    ],
    [
      "no plan table",
      [fixture("../seeds/README.md"), "--target-level", "3", "--from-assessment"],
      /Không phải tệp Office/,
    ],
    [
      "a target level that does not exist",
      [fixture("de-dien-2025-2026.docx"), "--target-level", "4", "--from-assessment"],
      /--target-level 1, 2 hoặc 3/,
    ],
    [
      "no source of results",
      [fixture("de-dien-2025-2026.docx"), "--target-level", "3"],
      /Chọn một nguồn kết quả/,
    ],
  ])("%s", async (_name, args, reason) => {
    const target = out();
    const result = await run(["fill", ...(args as string[]), "--out", target]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("the input as output, or another file type", async () => {
    const copy = path.join(tmp, "goc.docx");
    fs.copyFileSync(fixture("de-dien-2025-2026.docx"), copy);
    const same = await run([
      "fill",
      copy,
      "--target-level",
      "3",
      "--from-assessment",
      "--out",
      copy,
    ]);
    expect(same.exitCode).toBe(2);
    expect(same.stderr).toMatch(/không ghi đè tệp gốc/);
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(fixture("de-dien-2025-2026.docx")));
    const other = await run([
      "fill",
      copy,
      "--target-level",
      "3",
      "--from-assessment",
      "--out",
      path.join(tmp, "x.xlsx"),
    ]);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toMatch(/cùng loại/);
  });

  it("a sheet with a formula below the table (exceljs would not move it)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fixture("de-dien-2025-2026.xlsx"));
    const sheet = workbook.worksheets[0]!;
    sheet.getCell(sheet.rowCount + 2, 7).value = {
      formula: "SUM(G42:G47)",
    } as ExcelJS.CellFormulaValue;
    const input = path.join(tmp, "cong-thuc.xlsx");
    await workbook.xlsx.writeFile(input);
    const target = path.join(tmp, "cong-thuc-out.xlsx");
    const result = await run([
      "fill",
      input,
      "--target-level",
      "3",
      "--from-assessment",
      "--out",
      target,
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/công thức/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("a results file that is not what it should be", async () => {
    const bad = path.join(tmp, "hong.json");
    fs.writeFileSync(bad, JSON.stringify({ levels: { "1.1": 7 } }));
    const result = await run([
      "fill",
      fixture("de-dien-2025-2026.docx"),
      "--target-level",
      "3",
      "--results",
      bad,
      "--out",
      out(),
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/không hợp lệ/);
  });
});
