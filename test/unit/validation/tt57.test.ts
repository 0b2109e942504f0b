/**
 * Plans on Thông tư 57/2026's form (Biểu 2 Phụ lục V, as school apps print it): the three tables
 * recognised in their label variants, the framework chosen from the form and the school year, a
 * clean plan without errors, and each mistake the form invites found where it is.
 */
import { chooseFramework, frameworkById, type Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables, identityTexts, type FoundTable } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import { check } from "../../../src/core/validation/check";
import { trackedRows } from "../../../src/core/tracking/report";
import { TT57_PROGRESS_TEXT } from "../../../src/core/tracking/progress";
import { tableFormatTarget } from "../../../src/core/format/planFormat";
import { ND30_PROFILE } from "../../../src/core/format/profile";
import type { Finding } from "../../../src/core/validation/types";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { rowOf, SECTION_HEADINGS, tt57Plan, type Labels, type Tt57Plan } from "../../corpus/tt57";
import { tt57Docx, tt57Xlsx } from "../../corpus/tt57Files";
import { expectSaidInBoth } from "./said";

const found = (tables: string[][][]): FoundTable[] =>
  tables.map((rows, i) => ({ key: `t${i}`, where: `Bảng ${i + 1}`, grid: gridFromStrings(rows) }));

/** Checks a plan as the CLI does: identity, framework by citation/form/date, every rule. */
function checkPlan(plan: Tt57Plan): { framework: Framework; findings: Finding[]; reason: string } {
  const tables = found(plan.tables);
  const identity = detectPlanIdentity(identityTexts(plan.paragraphs, tables));
  const choice = chooseFramework({
    level: identity.level ?? "tieu-hoc",
    citedCirculars: identity.citedCirculars,
    schoolYear: identity.schoolYear,
    successorForm: identity.successorForm ?? false,
    byDate: true,
  });
  const findings = check({
    framework: choice.framework,
    level: identity.level ?? "tieu-hoc",
    identity,
    paragraphs: plan.paragraphs,
    tables: analyseTables(tables, choice.framework),
  });
  // Said in both languages, whatever the plan (issue 19).
  expectSaidInBoth(findings);
  return { framework: choice.framework, findings, reason: choice.reason };
}

const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

describe("Thông tư 57/2026 plan form", () => {
  it.each<[Labels, boolean]>([
    ["long", false],
    ["numbered", false],
    ["short", false],
    ["long", true],
  ])("recognises the three tables with %s labels (index row: %s)", (labels, indexRow) => {
    const plan = tt57Plan(labels, { indexRow });
    const analysed = analysedOf(plan);
    expect(analysed.map((t) => (t.header.ok ? t.header.match.layout.id : t.header.reason))).toEqual(
      ["tt57-issues", "tt57-plan", "tt57-monitoring"]
    );
    const columns = analysed[1]?.header.ok ? analysed[1].header.match.columns : {};
    expect(columns).toMatchObject({
      content: 1,
      target: 2,
      solution: 3,
      timeframe: 5,
      progress: 9,
    });
  });

  it.each<Labels>(["long", "numbered", "short"])(
    "reads the tables by their words, not their order (%s labels, columns reversed, a title row above)",
    (labels) => {
      const plan = tt57Plan(labels);
      const moved = plan.tables.map((rows) => {
        const width = rows[0]?.length ?? 1;
        const title = ["BẢNG", ...Array.from({ length: width - 1 }, () => "")];
        return [title, ...rows.map((r) => [...r].reverse())];
      });
      const analysed = analysedOf({ ...plan, tables: moved });
      expect(
        analysed.map((t) => (t.header.ok ? t.header.match.layout.id : t.header.reason))
      ).toEqual(["tt57-issues", "tt57-plan", "tt57-monitoring"]);
      const width = moved[1]?.[1]?.length ?? 0;
      const columns = analysed[1]?.header.ok ? analysed[1].header.match.columns : {};
      expect(columns).toMatchObject({ content: width - 2, solution: width - 4, progress: 0 });
      const { findings } = checkPlan({ ...plan, tables: moved });
      expect(errors(findings)).toEqual([]);
    }
  );

  it("chooses Thông tư 57/2026 for a plan on its form, or of 2026-2027, that cites none; keeps a cited 2018 circular", () => {
    const plan = tt57Plan();
    expect(checkPlan(plan)).toMatchObject({
      reason: "form",
      framework: { id: "tt57-2026-pho-thong" },
    });
    // The 2018 layout for 2026-2027, no citation: offered TT57 first, with the way back said.
    const year = detectPlanIdentity(["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2026-2027"]);
    const byDate = chooseFramework({
      level: "tieu-hoc",
      schoolYear: year.schoolYear,
      byDate: true,
    });
    expect(byDate.framework.id).toBe("tt57-2026-pho-thong");
    expect(byDate.notes.map((n) => n.message).join(" ")).toMatch(/--framework tt17-2018/);
    // Citing only other documents (the decree on formats, a guidance letter) is citing no circular.
    expect(
      chooseFramework({
        level: "tieu-hoc",
        citedCirculars: ["30/2020/NĐ-CP", "5932/BGDĐT-QLCL"],
        schoolYear: year.schoolYear,
        byDate: true,
      }).framework.id
    ).toBe("tt57-2026-pho-thong");
    // A new plan (not a document read) keeps the 2018 default; so does 2025-2026.
    expect(chooseFramework({ level: "tieu-hoc", schoolYear: year.schoolYear }).framework.id).toBe(
      "tt17-2018"
    );
    const earlier = detectPlanIdentity(["NĂM HỌC 2025-2026"]).schoolYear;
    expect(
      chooseFramework({ level: "tieu-hoc", schoolYear: earlier, byDate: true }).framework.id
    ).toBe("tt17-2018");
    // Citing Thông tư 17/2018 for 2026-2027 keeps it, with the successor said.
    const cited = chooseFramework({
      level: "tieu-hoc",
      citedCirculars: ["17/2018/TT-BGDĐT"],
      schoolYear: year.schoolYear,
      byDate: true,
    });
    expect(cited.framework.id).toBe("tt17-2018");
    expect(cited.notes.map((n) => n.code)).toContain("successor");
  });

  it.each<Labels>(["long", "numbered", "short"])(
    "a plan written to the form (%s labels) has no error and no finding of the form's rules",
    (labels) => {
      const { findings } = checkPlan(tt57Plan(labels));
      expect(errors(findings)).toEqual([]);
      expect(
        findings.filter((f) => f.rule.startsWith("tt57") || f.rule === "evidence-code")
      ).toEqual([]);
    }
  );

  describe("finds the mistakes the form invites", () => {
    it("a missing Mục VI: its table and its heading", () => {
      const plan = tt57Plan();
      const broken: Tt57Plan = {
        paragraphs: plan.paragraphs.filter((p) => p !== SECTION_HEADINGS[5]),
        tables: plan.tables.slice(0, 2),
      };
      const messages = of(checkPlan(broken).findings, "tt57-form").map((f) => f.message);
      expect(messages).toEqual([
        expect.stringMatching(/thiếu mục VI\. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN/),
        expect.stringMatching(/chưa có bảng theo dõi, đánh giá thực hiện \(Mục VI/),
      ]);
      expect(messages[0]).toMatch(
        /theo các ứng dụng của trường; KHCT chưa đối chiếu văn bản chính thức/
      );
    });

    it("sections out of order", () => {
      const plan = tt57Plan();
      const paragraphs = [...plan.paragraphs];
      const v = paragraphs.indexOf(SECTION_HEADINGS[4] as string);
      const iv = paragraphs.indexOf(SECTION_HEADINGS[3] as string);
      [paragraphs[v], paragraphs[iv]] = [paragraphs[iv] as string, paragraphs[v] as string];
      const found = of(checkPlan({ ...plan, paragraphs }).findings, "tt57-form");
      expect(found.map((f) => f.message)).toEqual([
        expect.stringMatching(/^Mục V\. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG đứng trước mục IV\./),
      ]);
    });

    it("a status outside the form's list, with a fix for a wording of the same meaning", () => {
      const plan = tt57Plan();
      rowOf(plan.tables[1] as string[][], "1")[9] = "Đã hoàn thành";
      rowOf(plan.tables[1] as string[][], "2")[9] = "Tốt";
      const found = of(checkPlan(plan).findings, "tt57-status");
      expect(found.map((f) => [f.location.row, f.fix?.[0]?.text ?? null])).toEqual([
        [1, "Hoàn thành"],
        [2, null],
      ]);
    });

    it("a 2018 standard title, with the right one as the fix; a criterion TT57 lacks; a criterion of another standard", () => {
      const plan = tt57Plan();
      const issues = plan.tables[0] as string[][];
      rowOf(issues, "1")[1] = "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường";
      rowOf(issues, "2")[2] = "3.6";
      rowOf(issues, "3")[2] = "1.2";
      const found = of(checkPlan(plan).findings, "tt57-issues");
      expect(found.map((f) => [f.severity, f.location.row, f.criterion ?? null])).toEqual([
        ["error", 1, null],
        ["error", 2, "3.6"],
        ["warning", 3, "1.2"],
      ]);
      expect(found[0]?.message).toMatch(
        /Thông tư 17\/2018\/TT-BGDĐT; theo Thông tư 57\/2026 là “Tiêu chuẩn 1: Quản trị nhà trường và bảo đảm chất lượng”/
      );
      expect(found[0]?.fix?.[0]?.text).toBe(
        "Tiêu chuẩn 1: Quản trị nhà trường và bảo đảm chất lượng"
      );
      expect(found[1]?.message).toMatch(
        /tiêu chí 3\.6 không có trong Thông tư 57\/2026 \(.*tiêu chuẩn 3: 3\.1–3\.5/
      );
    });

    it("a weakness without a plan item", () => {
      const plan = tt57Plan();
      const issues = plan.tables[0] as string[][];
      issues.push([
        "4",
        "2",
        "2.3",
        "Nhân viên đủ số lượng",
        "Nhân viên kế toán kiêm nhiệm văn thư",
        "Biên chế thiếu",
      ]);
      const found = of(checkPlan(plan).findings, "tt57-plan-items");
      expect(found.map((f) => f.location.row)).toEqual([4]);
      expect(found[0]?.message).toMatch(/kế toán kiêm nhiệm văn thư.*chưa thấy việc cải tiến nào/);
    });

    it("Mục IV naming every criterion is against the form's rule", () => {
      const plan = tt57Plan();
      const ids = [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "4.1",
        "4.2",
        "4.3",
      ];
      const issues = [
        (plan.tables[0] as string[][])[0] as string[],
        ...ids.map((id, i) => [
          String(i + 1),
          id.split(".")[0] as string,
          id,
          "Hiện trạng",
          `Hạn chế ${id}`,
          "Nguyên nhân",
        ]),
      ];
      const found = of(
        checkPlan({ ...plan, tables: [issues, ...plan.tables.slice(1)] }).findings,
        "tt57-issues"
      );
      expect(found.map((f) => f.message)).toEqual([
        expect.stringMatching(/nêu cả 15 tiêu chí.*toàn bộ tiêu chí/),
      ]);
    });

    it("malformed evidence codes, and codes to criteria that do not exist", () => {
      const plan = tt57Plan();
      rowOf(plan.tables[1] as string[][], "1")[8] = "MC.1.4.1; MC.14.01";
      rowOf(plan.tables[1] as string[][], "3")[8] = "MC.4.9.01, [H1-1.1-01]";
      const found = of(checkPlan(plan).findings, "evidence-code");
      expect(
        found.map((f) => [f.severity, f.location.row, f.message.match(/“([^”]+)”/)?.[1]])
      ).toEqual([
        ["warning", 1, "MC.1.4.1"],
        ["warning", 1, "MC.14.01"],
        ["warning", 3, "MC.4.9.01"],
        ["hint", 3, "[H1-1.1-01]"],
      ]);
    });

    it("monitoring once, without the end of the year", () => {
      const plan = tt57Plan();
      const monitoring = (plan.tables[2] as string[][]).slice(0, 2);
      const found = of(
        checkPlan({ ...plan, tables: [...plan.tables.slice(0, 2), monitoring] }).findings,
        "tt57-monitoring"
      );
      expect(found.map((f) => [f.severity, f.message])).toEqual([
        ["warning", expect.stringMatching(/1 lần rà soát; .*tối thiểu 02 lần/)],
        ["hint", expect.stringMatching(/chưa có lần rà soát “Cuối năm học”/)],
      ]);
    });

    it("times outside the plan's school year", () => {
      const plan = tt57Plan();
      rowOf(plan.tables[1] as string[][], "3")[5] = "Tháng 10/2025 - tháng 4/2026";
      const found = checkPlan(plan).findings.filter((f) => f.rule === "timeframe");
      expect(found.map((f) => f.location.row)).toEqual([3]);
    });
  });
});

describe("tracking and formatting a plan of Thông tư 57/2026's form", () => {
  it("uses the status words the reference records for the form, nothing else", () => {
    const form = (frameworkById("tt57-2026-pho-thong") as Framework).planForm;
    expect([...Object.values(TT57_PROGRESS_TEXT)].sort()).toEqual(
      [...(form?.statusValues ?? [])].sort()
    );
  });

  it("tracks each improvement item with the form's own progress words; format offers those words", () => {
    const analysed = analysedOf(tt57Plan());
    const rows = trackedRows(
      analysed,
      detectPlanIdentity(["NĂM HỌC 2026-2027"]).schoolYear,
      "2026-12-01"
    );
    expect(rows.map((r) => [r.label, r.status, r.progressWords.done])).toEqual([
      ["Việc 1: Đổi mới sinh hoạt chuyên môn (tiêu chí 1.4)", "in-progress", "Hoàn thành"],
      ["Việc 2: Câu lạc bộ kỹ năng sống (tiêu chí 3.2)", "not-started", "Hoàn thành"],
      ["Việc 3: Khai thác thư viện thân thiện", "done", "Hoàn thành"],
    ]);
    // Item 2 was due at the end of the first term (January 2027): not overdue on 1/12/2026.
    expect(rows.map((r) => r.overdue)).toEqual([false, false, false]);
    const plan = analysed[1];
    if (!plan?.header.ok) throw new Error("no plan table");
    const target = tableFormatTarget(plan, ND30_PROFILE);
    expect(target?.progressValues).toEqual(["Chưa hoàn thành", "Đang thực hiện", "Hoàn thành"]);
  });
});

describe("khct check on Thông tư 57/2026 plans in .docx and .xlsx", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-tt57-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(["docx", "xlsx"] as const)(
    "a .%s on the form: read with TT57, the choice said, no error; a wrong status found where it is",
    async (kind) => {
      const plan = tt57Plan(kind === "docx" ? "numbered" : "short");
      const file = path.join(dir, `ke-hoach.${kind}`);
      fs.writeFileSync(file, kind === "docx" ? await tt57Docx(plan) : await tt57Xlsx(plan));
      const clean = await run(["check", file, "--json"]);
      const [report] = JSON.parse(clean.stdout ?? "[]");
      expect({ exit: clean.exitCode, framework: report.framework, layout: report.layout }).toEqual({
        exit: 0,
        framework: "tt57-2026-pho-thong",
        layout: "tt57-plan",
      });
      expect(report.notes.join(" ")).toMatch(/mẫu Biểu 2 Phụ lục V.*--framework tt17-2018/);
      expect(report.findings.filter((f: { severity: string }) => f.severity !== "hint")).toEqual(
        []
      );
      const text = await run(["check", file]);
      expect(text.stdout).toMatch(
        /Thông tư 57\/2026\/TT-BGDĐT\n {2}Ghi chú: Kế hoạch theo mẫu Biểu 2/
      );

      rowOf(plan.tables[1] as string[][], "2")[9] = "Xong";
      fs.writeFileSync(file, kind === "docx" ? await tt57Docx(plan) : await tt57Xlsx(plan));
      const [broken] = JSON.parse((await run(["check", file, "--json"])).stdout ?? "[]");
      expect(broken.findings.map((f: { rule: string }) => f.rule)).toContain("tt57-status");
      // --framework chooses the 2018 circular: the form's rules that need TT57's criteria stay quiet.
      const old = await run(["check", file, "--json", "--framework", "tt17-2018"]);
      expect(JSON.parse(old.stdout ?? "[]")[0].framework).toBe("tt17-2018");
      // Fill never puts a row per criterion into a table of improvement items: every issue of this
      // plan has its item, so there is nothing to write.
      fs.writeFileSync(path.join(dir, "kq.json"), JSON.stringify({ levels: { "1.4": 1 } }));
      const out = path.join(dir, `da-dien.${kind}`);
      const fill = await run([
        "fill",
        file,
        "--target-level",
        "2",
        "--results",
        path.join(dir, "kq.json"),
        "--out",
        out,
      ]);
      expect({ exit: fill.exitCode, out: fs.existsSync(out) }).toEqual({ exit: 0, out: false });
      expect(fill.stdout).toMatch(
        /Mỗi vấn đề ở Mục IV đã có việc cải tiến ở Mục V: không có gì để điền/
      );
      const bad = await run(["check", file, "--framework", "tt99"]);
      expect({ exit: bad.exitCode, err: bad.stderr }).toEqual({
        exit: 2,
        err: expect.stringMatching(/Không có khung tiêu chí “tt99”; dùng tt17-2018 \| /),
      });
    }
  );
});

describe("khct new --framework tt57-…: a complete plan on the form", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-tt57-new-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(["docx", "xlsx"] as const)(
    "writes sections I–VIII and the three tables (.%s); its own check finds no error, only the cells to write",
    async (kind) => {
      const out = path.join(dir, `bieu-2.${kind}`);
      const made = await run([
        "new",
        "--level",
        "tieu-hoc",
        "--year",
        "2026-2027",
        "--framework",
        "tt57-2026-pho-thong",
        "--school",
        "Trường Tiểu học Hoa Sen",
        "--out",
        out,
      ]);
      expect({ exit: made.exitCode, err: made.stderr ?? "" }).toEqual({ exit: 0, err: "" });
      expect(made.stdout).toMatch(
        /Biểu 2 Phụ lục V như các ứng dụng của trường in lại, chưa đối chiếu văn bản chính thức/
      );
      const [report] = JSON.parse((await run(["check", out, "--json"])).stdout ?? "[]");
      expect({ framework: report.framework, layout: report.layout }).toEqual({
        framework: "tt57-2026-pho-thong",
        layout: "tt57-plan",
      });
      const rules = new Set(report.findings.map((f: { rule: string }) => f.rule));
      expect(report.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual(
        []
      );
      expect([...rules]).toEqual(["required-empty"]);
      const content = await readOfficeFile(new Uint8Array(fs.readFileSync(out)));
      const headings = content.paragraphs.filter((p) => /^(I|II|III|IV|V|VI|VII|VIII)\. /.test(p));
      expect(headings.map((h) => h.split(".")[0])).toEqual([
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
      ]);
      expect(content.paragraphs).toContain("1. Tên cơ sở giáo dục: Trường Tiểu học Hoa Sen");
      expect(content.paragraphs).toContain("1. Báo cáo tự đánh giá năm học 2025-2026;");
    }
  );

  it.each(["docx", "xlsx"] as const)(
    "khct fill on the new plan (.%s): lists the candidates until the user picks; writes the picked priorities and an item for each; checks clean; a second fill writes nothing",
    async (kind) => {
      const blank = path.join(dir, `fill-in.${kind}`);
      await run([
        "new",
        "--level",
        "tieu-hoc",
        "--year",
        "2026-2027",
        "--framework",
        "tt57-2026-pho-thong",
        "--out",
        blank,
      ]);
      const results = path.join(dir, "results.json");
      const levels = Object.fromEntries(
        (frameworkById("tt57-2026-pho-thong") as Framework).standards.flatMap((st) =>
          st.criteria.map((c) => [c.id, c.maxLevel])
        )
      );
      Object.assign(levels, { "1.2": 1, "2.1": 0, "3.1": 1 });
      fs.writeFileSync(results, JSON.stringify({ levels }));
      const out = path.join(dir, `fill-out.${kind}`);
      const base = ["fill", blank, "--target-level", "2", "--results", results, "--out", out];
      // No pick: the candidates are listed, nothing is written.
      const listed = await run(base);
      expect(listed.exitCode).toBe(0);
      expect(listed.stdout).toMatch(/Mục IV .* chưa có vấn đề trọng tâm nào/);
      expect(listed.stdout).toMatch(/^ {2}1\.2 .* — Mức 1/m);
      expect(listed.stdout).toMatch(/^ {2}2\.1 .* — chưa đạt Mức 1, bắt buộc$/m);
      expect(listed.stdout).toMatch(/Không ghi tệp\.\n$/);
      expect(fs.existsSync(out)).toBe(false);
      // A criterion TT57 lacks is refused before anything is read.
      await expect(run([...base, "--priorities", "3.6"])).resolves.toMatchObject({
        exitCode: 2,
        stderr: expect.stringMatching(/Tiêu chí “3\.6” không có trong Thông tư 57\/2026/),
      });
      const filled = await run([...base, "--priorities", "2.1,1.2,4.1"]);
      expect({ exit: filled.exitCode, err: filled.stderr ?? "" }).toEqual({ exit: 0, err: "" });
      expect(filled.stdout).toMatch(/Tiêu chí 4\.1 đã đạt mức cần đạt: không ghi vào Mục IV\./);
      expect(filled.stdout).toMatch(
        /Mục IV: 2 vấn đề trọng tâm \(tiêu chí 2\.1, 1\.2\); Mục V: 2 việc cải tiến/
      );
      const [report] = JSON.parse((await run(["check", out, "--json"])).stdout ?? "[]");
      expect(report.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual(
        []
      );
      expect(report.findings.filter((f: { rule: string }) => f.rule.startsWith("tt57"))).toEqual(
        []
      );
      const content = await readOfficeFile(new Uint8Array(fs.readFileSync(out)));
      const analysed = analyseTables(
        content.tables,
        frameworkById("tt57-2026-pho-thong") as Framework
      );
      const text = (t: (typeof analysed)[number] | undefined) =>
        (t?.grid.cells ?? [])
          .map((row) => row.map((c) => c.text))
          // A sheet's table reads with the empty row that separates it from the next.
          .filter((row) => row.some(Boolean));
      const issues = text(analysed.find((t) => t.kind === "issues"));
      expect(issues.slice(1, 4).map((row) => row[2]?.slice(0, 12))).toEqual([
        "Tiêu chí 2.1",
        "Tiêu chí 1.2",
        "[Mã tiêu chí",
      ]);
      // The sheet's note under Mục IV ("Lưu ý: …", read with the table) is left where it was.
      if (kind === "xlsx") expect(issues[4]?.[0]).toMatch(/^Lưu ý/);
      const items = text(analysed.find((t) => t.table?.header.layout.id === "tt57-plan"));
      expect(items.slice(1).map((row) => [row[0], row[2]])).toEqual([
        ["1", "Tiêu chí 2.1 đạt Mức 2"],
        ["2", "Tiêu chí 1.2 đạt Mức 2"],
        ["3", "[Ghi mục tiêu]"],
      ]);
      // More priorities than the form's blank rows: new rows in both tables (in a sheet, the lower
      // table is written first, so rows inserted in Mục IV do not move it).
      const more = path.join(dir, `fill-more.${kind}`);
      const four = await run([...base.slice(0, -1), more, "--priorities", "1.2,2.1,3.1,3.3"]);
      expect(four.stderr ?? "").toBe("");
      expect(four.stdout).toMatch(/Mục IV: 3 vấn đề .*; Mục V: 3 việc/);
      fs.writeFileSync(results, JSON.stringify({ levels: { ...levels, "3.3": 1, "4.3": 0 } }));
      const five = await run([
        "fill",
        more,
        "--target-level",
        "2",
        "--results",
        results,
        "--priorities",
        "4.3,1.1",
        "--out",
        path.join(dir, `fill-five.${kind}`),
      ]);
      expect(five.stdout).toMatch(
        /Mục IV: 1 vấn đề trọng tâm \(tiêu chí 4\.3\); Mục V: 1 việc cải tiến .* 2 hàng mới/
      );
      const [fiveReport] = JSON.parse(
        (await run(["check", path.join(dir, `fill-five.${kind}`), "--json"])).stdout ?? "[]"
      );
      expect(
        fiveReport.findings.filter(
          (f: { severity: string; rule: string }) =>
            f.severity === "error" || f.rule.startsWith("tt57")
        )
      ).toEqual([]);
      const fiveContent = await readOfficeFile(
        new Uint8Array(fs.readFileSync(path.join(dir, `fill-five.${kind}`)))
      );
      const fiveTables = analyseTables(
        fiveContent.tables,
        frameworkById("tt57-2026-pho-thong") as Framework
      );
      const numbers = (t: (typeof fiveTables)[number] | undefined) =>
        (t?.grid.cells ?? [])
          .slice(1)
          .map((row) => row[0]?.text ?? "")
          .filter((n) => /^\d+$/.test(n));
      expect(numbers(fiveTables.find((t) => t.kind === "issues"))).toEqual(["1", "2", "3", "4"]);
      expect(numbers(fiveTables.find((t) => t.table?.header.layout.id === "tt57-plan"))).toEqual([
        "1",
        "2",
        "3",
        "4",
      ]);
      const again = await run([
        "fill",
        out,
        "--target-level",
        "2",
        "--results",
        results,
        "--priorities",
        "2.1,1.2",
        "--out",
        path.join(dir, `again.${kind}`),
      ]);
      expect(again.stdout).toMatch(
        /Mục IV đã có tiêu chí 2\.1, 1\.2\.\nMỗi vấn đề ở Mục IV đã có việc cải tiến ở Mục V: không có gì để điền, không ghi tệp\./
      );
    }
  );

  it("khct fill on a plan whose Mục IV the school wrote: an item for the issue without one, no results needed", async () => {
    const plan = tt57Plan("long");
    // A fourth issue, without a plan item.
    (plan.tables[0] as string[][]).push([
      "4",
      "2",
      "2.3",
      "Kết quả tự đánh giá: Mức 1",
      "Bồi dưỡng giáo viên chưa đều",
      "Thiếu kinh phí",
    ]);
    const input = path.join(dir, "school.docx");
    fs.writeFileSync(input, await tt57Docx(plan));
    const out = path.join(dir, "school-out.docx");
    const result = await run(["fill", input, "--target-level", "2", "--out", out]);
    expect({ exit: result.exitCode, err: result.stderr ?? "" }).toEqual({ exit: 0, err: "" });
    expect(result.stdout).toMatch(/Mục V: 1 việc cải tiến \(Vấn đề 4 \(tiêu chí 2\.3\)\)/);
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(out)));
    const planTable = content.tables[1]?.grid.cells.map((row) => row.map((c) => c.text)) ?? [];
    expect(planTable[planTable.length - 1]?.slice(0, 3)).toEqual([
      "4",
      "Tiêu chí 2.3: Bồi dưỡng giáo viên chưa đều",
      "Tiêu chí 2.3 đạt Mức 2",
    ]);
    // The school's rows are as they were.
    expect(planTable.slice(0, 4)).toEqual((plan.tables[1] as string[][]).slice(0, 4));
  });

  it("refuses a 2018 layout for the form", async () => {
    const result = await run([
      "new",
      "--level",
      "tieu-hoc",
      "--year",
      "2026-2027",
      "--framework",
      "tt57-2026-pho-thong",
      "--layout",
      "progress",
      "--out",
      path.join(dir, "x.docx"),
    ]);
    expect({ exit: result.exitCode, err: result.stderr }).toEqual({
      exit: 2,
      err: expect.stringMatching(/có các bảng riêng của mẫu: bỏ --layout/),
    });
  });
});

function analysedOf(plan: Tt57Plan) {
  const framework = frameworkById("tt57-2026-pho-thong") as Framework;
  return analyseTables(found(plan.tables), framework);
}
