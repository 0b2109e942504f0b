/**
 * What the core says, in both languages (issue 19): every message id has a Vietnamese and an
 * English template filling the same values; every finding is said as an id, which renders in
 * Vietnamese exactly as its message (what the CLI prints) and in English with no template text
 * left Vietnamese.
 */
import * as fs from "fs";
import * as path from "path";
import { chooseFramework, frameworkById, type Framework } from "../../../src/core/catalogue";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { analyseTables, identityTexts } from "../../../src/core/plan/session";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { buildGrid } from "../../../src/core/plan/table";
import { check } from "../../../src/core/validation/check";
import { placeInWords } from "../../../src/core/validation/groups";
import type { Finding } from "../../../src/core/validation/types";
import { MESSAGES, render, whereIn, type MessageId } from "../../../src/core/messages";
import { placeholders } from "../../../src/core/text/template";
import { readableLayouts, STAFF_LAYOUT } from "../../../src/core/plan/layouts";
import { BASES, frameworkOf } from "../../corpus/bases";
import { expectSaidInBoth } from "./said";
import { variant } from "../../corpus/generate";

/** The generated corpus: every base table in 60 variants, checked whole. */
function corpusFindings(): { finding: Finding; tables: ReturnType<typeof analyseTables> }[] {
  return BASES.flatMap((base) =>
    Array.from({ length: 60 }, (_, n) => variant(base, n)).flatMap((v) => {
      const framework = frameworkOf(base);
      const found = [{ key: "t0", where: `Bảng ${n0(v.id)}`, grid: buildGrid(v.rows) }];
      const tables = analyseTables(found, framework);
      const identity = detectPlanIdentity(identityTexts(base.paragraphs, found));
      return check({
        framework,
        level: base.level,
        identity,
        paragraphs: base.paragraphs,
        tables,
      }).map((finding) => ({ finding, tables }));
    })
  );
}
const n0 = (id: string) => (id.length % 3) + 1;

/** The plans in test/fixtures/files (made from the seeds), read as KHCT reads a file. */
async function fileFindings(): Promise<Finding[]> {
  const dir = path.resolve(__dirname, "../../fixtures/files");
  const framework = frameworkById("tt17-2018") as Framework;
  const out: Finding[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => /\.(docx|xlsx)$/.test(f))) {
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(path.join(dir, name))));
    const tables = analyseTables(content.tables, framework);
    const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
    out.push(
      ...check({ framework, level: "tieu-hoc", identity, paragraphs: content.paragraphs, tables })
    );
  }
  return out;
}

describe("the core's messages", () => {
  it("fill the same values in Vietnamese and English; only English uses plural forms", () => {
    for (const [id, t] of Object.entries(MESSAGES)) {
      expect({ id, en: placeholders(t.en) }).toEqual({ id, en: placeholders(t.vi) });
      expect(t.vi).not.toMatch(/, plural,/);
    }
  });

  it("say every finding as an id: in Vietnamese exactly its message, in English without Vietnamese template words", async () => {
    const all = [
      ...corpusFindings(),
      ...(await fileFindings()).map((finding) => ({ finding, tables: [] })),
    ];
    const rules = new Set(all.map((f) => f.finding.rule));
    expect(all.length).toBeGreaterThan(100);
    expectSaidInBoth(all.map(({ finding }) => finding));
    // The corpus reaches the rules that were converted (the test can fail).
    for (const rule of ["row-numbers", "required-empty", "criterion-label", "duplicate-row"])
      expect(rules).toContain(rule);
  });

  it("put a finding's place into words in either language", () => {
    const { finding, tables } =
      corpusFindings().find(
        ({ finding }) => finding.location.row !== undefined && finding.criterion !== undefined
      ) ?? {};
    expect(finding).toBeDefined();
    const vi = placeInWords(finding!, tables!, "vi");
    const en = placeInWords(finding!, tables!, "en");
    expect(vi).toMatch(/^Bảng \d+ · hàng \d+ · Tiêu chí [\d.]+$/);
    expect(en).toMatch(/^Table \d+ · row \d+ · Tiêu chí [\d.]+$/);
    expect(whereIn("Trang tính Kế hoạch, từ hàng 14", "en")).toBe("Sheet Kế hoạch, from row 14");
    expect(whereIn("Trang tính Kế hoạch, từ hàng 14", "vi")).toBe(
      "Trang tính Kế hoạch, từ hàng 14"
    );
  });

  it("count in English by the number", () => {
    const many = (count: number) =>
      render(
        {
          id: "row-numbers.many" as MessageId,
          params: { count, list: [], more: "" },
        },
        "en"
      );
    expect(many(1)).toBe("The TT column skips numbers in 1 row ().");
    expect(many(3)).toBe("The TT column skips numbers in 3 rows ().");
  });

  it("say the notes on the framework chosen in both languages", () => {
    const notes = [
      chooseFramework({ level: "tieu-hoc", citedCirculars: ["18/2018/TT-BGDĐT"] }),
      chooseFramework({ level: "tieu-hoc", override: "tt19-2018" }),
      chooseFramework({
        level: "tieu-hoc",
        schoolYear: parseSchoolYear("2026-2027"),
        byDate: true,
      }),
      chooseFramework({ level: "mam-non", successorForm: true }),
    ].flatMap((c) => c.notes);
    expect(new Set(notes.map((n) => n.code)).size).toBeGreaterThanOrEqual(3);
    for (const note of notes) {
      expect(render(note.said, "vi")).toBe(note.message);
      expect(render(note.said, "en")).not.toMatch(/\{|không|Kế hoạch|thông tư/);
    }
  });

  it("name every table layout in English too", () => {
    for (const layout of [...readableLayouts(), STAFF_LAYOUT]) {
      expect({ id: layout.id, en: layout.nameEn.replace(/M(ức|ục)( [\dIVX, ]+)?/g, "") }).toEqual({
        id: layout.id,
        en: expect.not.stringMatching(
          /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu
        ),
      });
      expect(layout.nameEn.length).toBeGreaterThan(5);
    }
  });
});
