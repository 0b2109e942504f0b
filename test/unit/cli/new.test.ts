import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import { criteria, defaultFramework } from "../../../src/core/catalogue";
import { buildStandardPlan, PLAN_SECTIONS } from "../../../src/core/document/standardPlan";
import { paragraphText } from "../../../src/core/document/model";
import { analyseTables } from "../../../src/core/plan/session";
import { SCHOOL_LEVELS } from "../../../src/core/schoolLevel";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { readOfficeFile } from "../../../src/hosts/file/read";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khct-new-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const year = parseSchoolYear("2025-2026")!;

describe("the standard plan document (core)", () => {
  it("has the header block, sections I–VI in order, the closing and the signature", () => {
    const model = buildStandardPlan({
      level: "tieu-hoc",
      year,
      framework: defaultFramework("tieu-hoc"),
    });
    const paragraphs = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === "paragraph" ? [b] : b.rows.flatMap((row) => row.flatMap((c) => c.paragraphs))
      )
    );
    const roles = paragraphs.map((p) => p.role);
    for (const role of [
      "authority",
      "school",
      "quocHieu",
      "tieuNgu",
      "number",
      "dateLine",
      "title",
      "noiNhanLabel",
      "signatureTitle",
    ] as const)
      expect(roles).toContain(role);
    const headings = paragraphs.filter((p) => p.role === "heading").map(paragraphText);
    expect(headings).toEqual(
      PLAN_SECTIONS.map((h, i) => `${["I", "II", "III", "IV", "V", "VI"][i]}. ${h}`)
    );
    const text = paragraphs.map(paragraphText).join("\n");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toMatch(/Số: +\/KH-/);
    expect(text).toContain("Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018");
    expect(text).toContain("Công văn số 5932/BGDĐT-QLCL ngày 28/12/2018");
    expect(model.sections.map((s) => s.orientation)).toEqual(["portrait", "landscape", "portrait"]);
  });

  it("cites the preschool guidance for mầm non, not the school one", () => {
    const model = buildStandardPlan({
      level: "mam-non",
      year,
      framework: defaultFramework("mam-non"),
    });
    const text = JSON.stringify(model);
    expect(text).toContain("5942/BGDĐT-QLCL");
    expect(text).not.toContain("5932/BGDĐT-QLCL");
    expect(text).toContain("19/2018/TT-BGDĐT");
  });
});

describe("khct new", () => {
  it.each(
    SCHOOL_LEVELS.flatMap(
      (level) =>
        [
          [level, "docx"],
          [level, "xlsx"],
        ] as const
    )
  )(
    "%s .%s: a document that reads back as a plan with a row per criterion and passes khct check",
    async (level, ext) => {
      const out = path.join(tmp, `${level}.${ext}`);
      const made = await run([
        "new",
        "--level",
        level,
        "--year",
        "2025-2026",
        "--school",
        "Trường Hoa Sen",
        "--out",
        out,
      ]);
      expect(made.exitCode).toBe(0);
      const content = await readOfficeFile(new Uint8Array(fs.readFileSync(out)));
      const framework = defaultFramework(level);
      const plan = analyseTables(content.tables, framework).find((t) => t.kind === "plan");
      expect(plan?.header.ok && plan.header.match.layout.id).toBe("standard");
      const ids = plan!.table!.rows.filter((r) => r.kind === "criterion").map((r) => r.ref?.ref.id);
      expect(ids).toEqual(criteria(framework).map((c) => c.id));
      expect(plan!.table!.rows.filter((r) => r.kind === "section").map((r) => r.section)).toEqual([
        "levels123",
        "level4",
      ]);
      if (ext === "docx")
        expect(content.settings).toMatchObject({ level, schoolYear: "2025-2026" });

      const checked = await run(["check", out, "--json"]);
      const findings = JSON.parse(checked.stdout)[0].findings as {
        rule: string;
        severity: string;
      }[];
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      // Only the cells left for the school to write are reported.
      expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["required-empty"]));
      expect(checked.exitCode).toBe(0);
    }
  );

  it.each(["standard-level", "progress", "solutions"])(
    "the %s layout passes khct check too",
    async (layout) => {
      const out = path.join(tmp, `th-${layout}.docx`);
      expect(
        (
          await run([
            "new",
            "--level",
            "tieu-hoc",
            "--year",
            "2025-2026",
            "--layout",
            layout,
            "--out",
            out,
          ])
        ).exitCode
      ).toBe(0);
      const checked = await run(["check", out, "--json"]);
      const rules = new Set(
        (JSON.parse(checked.stdout)[0].findings as { rule: string }[]).map((f) => f.rule)
      );
      expect([...rules].filter((r) => r !== "required-empty")).toEqual([]);
      expect(JSON.parse(checked.stdout)[0].layout).toBe(layout);
    }
  );

  it("never overwrites a file unless --force, and writes nothing on a bad call", async () => {
    const out = path.join(tmp, "giu.docx");
    fs.writeFileSync(out, "của người dùng");
    const refused = await run(["new", "--level", "tieu-hoc", "--year", "2025-2026", "--out", out]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/đã có: KHCT không ghi đè/);
    expect(fs.readFileSync(out, "utf8")).toBe("của người dùng");
    expect(
      (await run(["new", "--level", "tieu-hoc", "--year", "2025-2026", "--out", out, "--force"]))
        .exitCode
    ).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it.each([
    [["--year", "2025-2026", "--out", "x.docx"], /Cần --level/],
    [["--level", "dai-hoc", "--year", "2025-2026", "--out", "x.docx"], /Cần --level/],
    [["--level", "tieu-hoc", "--year", "2025-2027", "--out", "x.docx"], /năm học/],
    [["--level", "tieu-hoc", "--year", "2025-2026", "--out", "x.pdf"], /\.docx hoặc \.xlsx/],
    [
      ["--level", "tieu-hoc", "--year", "2025-2026", "--out", "x.docx", "--layout", "assessment"],
      /Mẫu bảng/,
    ],
    [
      ["--level", "tieu-hoc", "--year", "2025-2026", "--out", "x.docx", "--framework", "tt19-2018"],
      /không áp dụng/,
    ],
  ])("usage mistakes: %j", async (args, reason) => {
    const result = await run([
      "new",
      ...args.map((a) => (a.startsWith("x.") ? path.join(tmp, a) : a)),
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(fs.existsSync(path.join(tmp, "x.docx"))).toBe(false);
  });
});
