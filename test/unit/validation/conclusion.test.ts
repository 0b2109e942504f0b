/**
 * Rating rules per framework (tables of results → the school's level, Mức 4 included) and the
 * conclusion check on real plans: the 2025-2026 seed's "Tự đánh giá đạt mức 3" holds against its
 * own summary lines; a claim above what the results give is found, with the rule.
 */
import * as fs from "fs";
import * as path from "path";
import { criteria, frameworkById, rateSchool, type Framework } from "../../../src/core/catalogue";
import type { ResultLevel } from "../../../src/core/catalogue/rating";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import { render } from "../../../src/core/messages";
import { check } from "../../../src/core/validation/check";
import { conclusion } from "../../../src/core/validation/rules/conclusion";
import { statements } from "../../../src/core/validation/rules/document";

const tt17 = frameworkById("tt17-2018") as Framework;
const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;

/** Every criterion at its highest level, then the changes. */
function results(framework: Framework, changes: Record<string, ResultLevel> = {}) {
  return new Map(
    criteria(framework).map((c) => [
      c.id,
      (changes[c.id] ?? Math.min(c.maxLevel, framework.levelCount)) as ResultLevel,
    ])
  );
}

describe("rating rules", () => {
  it("Thông tư 17/2018: the lowest criterion decides, a criterion without Mức 3 counts at Mức 2, Mức 4 needs all its criteria", () => {
    expect(rateSchool(tt17, results(tt17)).level).toBe(3);
    const twoOnly = criteria(tt17).find((c) => c.maxLevel === 2)?.id as string;
    expect(rateSchool(tt17, results(tt17, { [twoOnly]: 2 })).level).toBe(3);
    expect(rateSchool(tt17, results(tt17, { "1.1": 2 }))).toMatchObject({
      level: 2,
      short: "tiêu chí 1.1 chưa đạt Mức 3",
    });
    expect(rateSchool(tt17, results(tt17, { "2.2": 1 })).level).toBe(1);
    expect(rateSchool(tt17, results(tt17, { "5.5": 0 })).level).toBe(0);
    const all = new Map(["1", "2", "3", "4", "5"].map((id) => [id, true]));
    expect(rateSchool(tt17, results(tt17), all).level).toBe(4);
    expect(rateSchool(tt17, results(tt17), new Map([...all, ["3", false]]))).toMatchObject({
      level: 3,
      short: "Mức 4: đạt 4/5 tiêu chí",
    });
    const partial = new Map(results(tt17));
    partial.delete("3.6");
    expect(rateSchool(tt17, partial)).toMatchObject({ level: null, missing: ["3.6"] });
  });

  it("Thông tư 22/2024's repeals count from 25/01/2025: a criterion whose Mức 2 (and 3) is wholly repealed no longer holds the school back", () => {
    const tt18 = frameworkById("tt18-2018") as Framework;
    for (const [framework, top] of [
      [tt17, 3],
      [tt18, 3],
    ] as const) {
      const at1 = results(framework, { "1.5": 1 });
      const before = rateSchool(framework, at1, new Map(), "2024-09-01");
      expect(before).toMatchObject({
        level: 1,
        short: "tiêu chí 1.5 chưa đạt Mức 2",
        notCounted: [],
      });
      expect(rateSchool(framework, at1, new Map(), "2025-01-24").level).toBe(1);
      const on = rateSchool(framework, at1, new Map(), "2025-01-25");
      expect(on.level).toBe(top);
      expect(on.notCounted.join(" ")).toMatch(
        /tiêu chí 1\.5 Mức 2: bãi bỏ từ 25\/01\/2025 theo Thông tư 22\/2024/
      );
      // Without a date (no school year), the 2018 text applies.
      expect(rateSchool(framework, at1).level).toBe(1);
      // 1.5 at 0 is still below Mức 1, which no circular repealed.
      expect(
        rateSchool(framework, results(framework, { "1.5": 0 }), new Map(), "2025-09-01").level
      ).toBe(0);
    }
    // A partial repeal (2.2 Mức 2 a, of a–c) leaves the level counted.
    expect(rateSchool(tt17, results(tt17, { "2.2": 1 }), new Map(), "2025-09-01")).toMatchObject({
      level: 1,
      short: "tiêu chí 2.2 chưa đạt Mức 2",
    });
  });

  it("Thông tư 57/2026 (as apps print it): the 8 mandatory criteria all, and 5 of the other 7", () => {
    const others = criteria(tt57)
      .filter((c) => !c.mandatory)
      .map((c) => c.id);
    expect(criteria(tt57).filter((c) => c.mandatory)).toHaveLength(8);
    expect(rateSchool(tt57, results(tt57)).level).toBe(2);
    const twoOthersAt1 = Object.fromEntries(others.slice(0, 2).map((id) => [id, 1 as ResultLevel]));
    expect(rateSchool(tt57, results(tt57, twoOthersAt1)).level).toBe(2);
    const threeOthersAt1 = Object.fromEntries(
      others.slice(0, 3).map((id) => [id, 1 as ResultLevel])
    );
    expect(rateSchool(tt57, results(tt57, threeOthersAt1))).toMatchObject({
      level: 1,
      short: "chỉ 4/7 tiêu chí còn lại đạt Mức 2 (cần 5)",
    });
    expect(rateSchool(tt57, results(tt57, { "2.1": 1 }))).toMatchObject({
      level: 1,
      short: "tiêu chí bắt buộc 2.1 chưa đạt Mức 2",
    });
    expect(rateSchool(tt57, results(tt57, { [others[0] as string]: 0 })).level).toBe(1);
    expect(rateSchool(tt57, results(tt57)).rule).toMatch(/KHCT chưa đối chiếu văn bản chính thức/);
  });
});

const seed = (name: string) =>
  fs
    .readFileSync(path.resolve(__dirname, "../../fixtures/seeds", name), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " "));

function run(framework: Framework, paragraphs: string[], tables: string[][][] = []) {
  const found = tables.map((rows, i) => ({
    key: `t${i}`,
    where: `Bảng ${i + 1}`,
    grid: gridFromStrings(rows),
  }));
  return check(
    {
      framework,
      level: "tieu-hoc",
      identity: detectPlanIdentity(paragraphs),
      paragraphs,
      tables: analyseTables(found, framework),
    },
    [conclusion]
  );
}

/** A self-assessment table of every criterion of TT17, each marked at the level given (default its highest). */
function assessmentTable(changes: Record<string, ResultLevel> = {}): string[][] {
  const rows = [["Tiêu chí", "Không đạt", "Đạt", "Mức 1", "Mức 2", "Mức 3"]];
  for (const c of criteria(tt17)) {
    const level = changes[c.id] ?? c.maxLevel;
    rows.push([
      `Tiêu chí ${c.id}`,
      level === 0 ? "x" : "",
      "",
      level === 1 ? "x" : "",
      level === 2 ? "x" : "",
      level === 3 ? "x" : "",
    ]);
  }
  return rows;
}

describe("conclusion of the self-assessment", () => {
  it("the 2025-2026 seed's “Tự đánh giá đạt mức 3” holds against its own lines (Mức 4: 3/5)", () => {
    const paragraphs = seed("tieu-hoc-2025-2026.txt");
    expect(paragraphs.some((p) => /Tự đánh giá đạt mức 3/.test(p))).toBe(true);
    expect(run(tt17, paragraphs)).toEqual([]);
    const raised = paragraphs.map((p) =>
      p.replace("Tự đánh giá đạt mức 3", "Tự đánh giá đạt mức 4")
    );
    expect(run(tt17, raised).map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        expect.stringMatching(
          /^“Tự đánh giá đạt mức 4” nhưng theo kết quả \(các dòng tổng hợp .*\) trường đạt Mức 3: Mức 4: đạt 3\/5 tiêu chí\. Quy tắc theo Thông tư 17\/2018/
        ),
      ],
    ]);
  });

  it("against a self-assessment table: a criterion below the claim is named; a lower claim is a hint; chuẩn quốc gia mức độ 2 means Mức 3", () => {
    const claim3 = ["Nhà trường tự đánh giá đạt Mức 3."];
    expect(run(tt17, claim3, [assessmentTable()])).toEqual([]);
    const below = run(tt17, claim3, [assessmentTable({ "3.3": 2 })]);
    expect(below.map((f) => f.message)).toEqual([
      expect.stringMatching(/trường đạt Mức 2: tiêu chí 3\.3 chưa đạt Mức 3/),
    ]);
    expect(
      run(tt17, ["Tự đánh giá đạt Mức 1"], [assessmentTable()]).map((f) => f.severity)
    ).toEqual(["hint"]);
    const cqg = run(
      tt17,
      ["Kết quả tự đánh giá đạt chuẩn quốc gia mức độ 2"],
      [assessmentTable({ "1.1": 2 })]
    );
    expect(cqg.map((f) => f.message)).toEqual([
      expect.stringMatching(/trường đạt Mức 2: tiêu chí 1\.1 chưa đạt Mức 3/),
    ]);
  });

  it("rated on the plan's school year: 1.5 at Mức 1 holds a 2024-2025 plan at Mức 1 and not a 2025-2026 one (TT22's repeal)", () => {
    const table = [assessmentTable({ "1.5": 1 })];
    const claim = (year: string) => [
      `Kế hoạch cải tiến chất lượng năm học ${year}`,
      "Nhà trường tự đánh giá đạt Mức 3.",
    ];
    expect(run(tt17, claim("2024-2025"), table).map((f) => f.message)).toEqual([
      expect.stringMatching(/trường đạt Mức 1: tiêu chí 1\.5 chưa đạt Mức 2/),
    ]);
    expect(run(tt17, claim("2025-2026"), table)).toEqual([]);
    // A finding on a later plan names what was not counted.
    const low = run(tt17, claim("2025-2026"), [assessmentTable({ "1.5": 1, "3.3": 2 })]);
    expect(low.map((f) => f.message)).toEqual([
      expect.stringMatching(/Không tính: tiêu chí 1\.5 Mức 2: bãi bỏ từ 25\/01\/2025/),
    ]);
    // The same in English, for the pane.
    expect(low.map((f) => render(f.said!, "en"))).toEqual([
      "“tự đánh giá đạt Mức 3”, but from the results (Table 1) the school is at Mức 2: criteria 3.3 are not at Mức 3. Rule under Circular 17/2018/TT-BGDĐT: a school is at Mức n when every criterion meets every indicator of Mức 1 to Mức n (a criterion without Mức 3 counts at its highest level); Mức 4 when it is at Mức 3 and meets every Mức 4 criterion. Not counted: criterion 1.5 Mức 2: repealed from 25/01/2025 by Circular 22/2024/TT-BGDĐT (from a secondary source, not checked against the official text).",
    ]);
  });

  it("a table without every criterion cannot confirm the claim, and says which are missing", () => {
    const table = assessmentTable().filter((r) => r[0] !== "Tiêu chí 5.5");
    expect(
      run(tt17, ["Tự đánh giá đạt mức 3"], [table]).map((f) => [f.severity, f.message])
    ).toEqual([["hint", expect.stringMatching(/chưa có kết quả của tiêu chí 5\.5/)]]);
  });
});

describe("counts after Thông tư 22/2024's repeals", () => {
  it("a 2025-2026 plan's “Mức 2: tổng số 27 tiêu chí” is a hint (26 after the repeal, source unverified), not an error; 26 too; 25 is an error", () => {
    const statementOf = (paragraphs: string[]) =>
      check(
        {
          framework: tt17,
          level: "tieu-hoc",
          identity: detectPlanIdentity(paragraphs),
          paragraphs,
          tables: [],
        },
        [statements]
      ).map((f) => [f.severity, f.message]);
    const year = "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026";
    expect(
      statementOf([year, "- Mức 2: Tổng số 27 tiêu chí, trong đó số tiêu chí đạt 27/27"])
    ).toEqual([
      [
        "hint",
        expect.stringMatching(
          /theo Thông tư 17\/2018\/TT-BGDĐT là 27; Thông tư 22\/2024 .* bãi bỏ Mức 2 của tiêu chí 1\.5 theo nguồn thứ cấp, nên có thể chỉ còn 26/
        ),
      ],
    ]);
    expect(statementOf([year, "- Mức 2: Tổng số 26 tiêu chí"]).map((f) => f[0])).toEqual(["hint"]);
    expect(statementOf([year, "- Mức 2: Tổng số 25 tiêu chí"]).map((f) => f[0])).toEqual(["error"]);
    // Before the repeal: 27 is simply right.
    expect(statementOf(["NĂM HỌC 2023-2024", "- Mức 2: Tổng số 27 tiêu chí"])).toEqual([]);
  });
});
