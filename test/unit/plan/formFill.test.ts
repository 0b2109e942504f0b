/**
 * Filling Thông tư 57/2026's form (core/plan/formFill.ts): Mục IV gets only the priorities the user
 * picks, Mục V an item for each issue without one; the form's blank rows are used first; what the
 * school wrote is never written over; a second run changes nothing; KHCT's output checks clean.
 */
import fc from "fast-check";
import {
  criteria,
  frameworkById,
  type Framework,
  type LevelNumber,
} from "../../../src/core/catalogue";
import {
  FORM_PLACEHOLDERS as P,
  formRowsPatch,
  issuesPatch,
  linkIssues,
  priorityCandidates,
  proposeItems,
  readIssues,
  type PriorityCandidate,
} from "../../../src/core/plan/formFill";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { applyPatch, type Patch } from "../../../src/core/plan/patch";
import type { AssessmentResults } from "../../../src/core/plan/proposal";
import { analyseTables, identityTexts, type AnalysedTable } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import type { PlanTable } from "../../../src/core/plan/rows";
import { check } from "../../../src/core/validation/check";
import type { AssessedLevel } from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { blankIssues, blankPlan, ISSUES_HEADER, tt57Plan, type Labels } from "../../corpus/tt57";
import { propertyRuns } from "../../properties";

const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;
const year = parseSchoolYear("2026-2027");

const ISSUES = ISSUES_HEADER.long as string[];

function tableOf(rows: string[][]): PlanTable {
  const [analysed] = analyseTables(
    [{ key: "t", where: "Bảng", grid: gridFromStrings(rows) }],
    tt57
  );
  if (!analysed?.table) throw new Error("table not recognised");
  return analysed.table;
}
const apply = (rows: string[][], patch: Patch) => applyPatch(rows, patch).rows;

/** Every criterion at Mức 2 (TT57's top), then the changes. */
function results(changes: Record<string, AssessedLevel>): AssessmentResults {
  return {
    levels: new Map(criteria(tt57).map((c) => [c.id, changes[c.id] ?? c.maxLevel])),
    level4: new Map(),
  };
}

describe("Thông tư 57/2026's form: priorities for Mục IV", () => {
  it("offers the criteria below the target, mandatory ones marked, unassessed apart — and writes only those picked", () => {
    const r = results({ "1.2": 1, "2.1": 0, "3.1": 1 });
    const partial: AssessmentResults = {
      levels: new Map([...r.levels].filter(([id]) => id !== "4.3")),
      level4: new Map(),
    };
    const { candidates, unassessed } = priorityCandidates(tt57, partial, 2, null);
    expect(candidates.map((c) => [c.id, c.current, c.target])).toEqual([
      ["1.2", 1, 2],
      ["2.1", 0, 2],
      ["3.1", 1, 2],
    ]);
    expect(unassessed).toEqual(["4.3"]);
    const mandatory = new Set(
      criteria(tt57)
        .filter((c) => c.mandatory)
        .map((c) => c.id)
    );
    expect(candidates.map((c) => c.mandatory)).toEqual(candidates.map((c) => mandatory.has(c.id)));

    // The user picks two: the form's first two blank rows are written, the third stays blank.
    const rows = blankIssues();
    const picked = candidates.filter((c) => c.id !== "3.1");
    const patch = issuesPatch(tt57, tableOf(rows), picked);
    expect(patch.ops.every((op) => op.kind === "set")).toBe(true);
    const after = apply(rows, patch);
    expect(after.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ["1", `Tiêu chuẩn 1: ${tt57.standards[0]?.title}`, expect.stringMatching(/^Tiêu chí 1\.2: /)],
      ["2", `Tiêu chuẩn 2: ${tt57.standards[1]?.title}`, expect.stringMatching(/^Tiêu chí 2\.1: /)],
      ["3", P.standard, P.criterion],
    ]);
    expect(after[2]?.[3]).toMatch(/^Kết quả tự đánh giá: chưa đạt Mức 1; cần đạt Mức 2/);
    expect(after[1]?.[4]).toBe(P.weakness);
    // Named now: offered as such, and not written again.
    const again = priorityCandidates(tt57, partial, 2, tableOf(after));
    expect(again.candidates.filter((c) => c.named).map((c) => c.id)).toEqual(["1.2", "2.1"]);
    expect(
      issuesPatch(
        tt57,
        tableOf(after),
        again.candidates.filter((c) => c.named)
      ).ops
    ).toEqual([]);
  });

  it("more priorities than blank rows: new rows at the end, numbered on, before trailing empty rows", () => {
    const rows = [...blankIssues(1), ["", "", "", "", "", ""]];
    const { candidates } = priorityCandidates(
      tt57,
      results({ "1.1": 1, "1.3": 1, "2.2": 0 }),
      2,
      null
    );
    const after = apply(rows, issuesPatch(tt57, tableOf(rows), candidates));
    expect(after.map((row) => [row[0], row[2]?.slice(0, 12)])).toEqual([
      ["TT", "Tiêu chí liê"],
      ["1", "Tiêu chí 1.1"],
      ["2", "Tiêu chí 1.3"],
      ["3", "Tiêu chí 2.2"],
      ["", ""],
    ]);
  });

  it("never writes a row or a cell the school wrote", () => {
    const rows = blankIssues(2);
    rows[1] = ["1", "3", "", "Sân chơi hẹp", "Thiếu đồ chơi ngoài trời", P.cause];
    const { candidates } = priorityCandidates(tt57, results({ "1.4": 1 }), 2, null);
    const patch = issuesPatch(tt57, tableOf(rows), candidates);
    const after = apply(rows, patch);
    expect(after[1]).toEqual(rows[1]);
    expect(after[2]?.[2]).toMatch(/^Tiêu chí 1\.4/);
  });
});

describe("Thông tư 57/2026's form: items for Mục V", () => {
  it("an item for each issue without one: goal and indicator from the criterion's text, the rest for the school", () => {
    const r = results({ "1.2": 1, "2.1": 0 });
    const { candidates } = priorityCandidates(tt57, r, 2, null);
    const issues = apply(blankIssues(), issuesPatch(tt57, tableOf(blankIssues()), candidates));
    const items = proposeItems(tt57, tableOf(issues), tableOf(blankPlan()), {
      target: 2,
      year,
      results: r,
    });
    expect(items.map((i) => i.label)).toEqual([
      "Vấn đề 1 (tiêu chí 1.2)",
      "Vấn đề 2 (tiêu chí 2.1)",
    ]);
    const c12 = criteria(tt57).find((c) => c.id === "1.2");
    expect(items[0]?.values).toMatchObject({
      content: `Tiêu chí 1.2: ${c12?.title}`,
      target: "Tiêu chí 1.2 đạt Mức 2",
      indicator: expect.stringMatching(/^Đạt Mức 2: /),
      solution: P.solution,
      timeframe: "Trong năm học 2026-2027",
    });
    // From 0, the indicator names Mức 1 and Mức 2.
    expect(items[1]?.values.indicator).toMatch(/^Đạt Mức 1: [^]*\nĐạt Mức 2: /);
    const plan = apply(blankPlan(), formRowsPatch(tableOf(blankPlan()), items));
    // Once written, the issues have their items: nothing more to propose.
    expect(proposeItems(tt57, tableOf(issues), tableOf(plan), { target: 2, year })).toEqual([]);
  });

  it("without results, the level is read from Mục IV's “Đánh giá hiện trạng”; an issue without a criterion gets its weakness as the content", () => {
    const issues = [
      ISSUES,
      [
        "1",
        "1",
        "1.3",
        "Kết quả tự đánh giá: Mức 1",
        "Hồ sơ lưu trữ chưa số hoá",
        "Thiếu máy quét",
      ],
      ["2", "4", "", "Sân trường", "Sân trường thiếu bóng mát", "Chưa có kinh phí"],
    ];
    const items = proposeItems(tt57, tableOf(issues), tableOf(blankPlan(0)), { target: 2, year });
    expect(items.map((i) => [i.values.content, i.values.target])).toEqual([
      ["Tiêu chí 1.3: Hồ sơ lưu trữ chưa số hoá", "Tiêu chí 1.3 đạt Mức 2"],
      ["Sân trường thiếu bóng mát", P.target],
    ]);
  });

  it("links an issue to an item by criterion code, by wording, or by order", () => {
    const issue = (codes: string[], words: string) => ({ codes, words });
    expect(linkIssues([issue(["1.4"], "")], ["Đổi mới sinh hoạt (tiêu chí 1.4)"])).toEqual([true]);
    expect(
      linkIssues([issue([], "Câu lạc bộ kỹ năng sống ít học sinh")], ["Mở câu lạc bộ kỹ năng sống"])
    ).toEqual([true]);
    // Two tables that never refer to each other, as many items as issues: read in order.
    expect(linkIssues([issue([], "A b"), issue([], "C d")], ["x y", "z w"])).toEqual([true, true]);
    expect(linkIssues([issue(["1.4"], ""), issue([], "Thư viện")], ["tiêu chí 1.4"])).toEqual([
      true,
      false,
    ]);
  });
});

/** The seed-like plan with Mục IV and Mục V replaced, checked as the CLI checks it. */
function checkWith(labels: Labels, issues: string[][], plan: string[][]) {
  const base = tt57Plan(labels);
  const tables = [issues, plan, base.tables[2] as string[][]];
  const found = tables.map((rows, i) => ({
    key: `t${i}`,
    where: `Bảng ${i + 1}`,
    grid: gridFromStrings(rows),
  }));
  const identity = detectPlanIdentity(identityTexts(base.paragraphs, found));
  const analysed: AnalysedTable[] = analyseTables(found, tt57);
  return check({
    framework: tt57,
    level: "tieu-hoc",
    identity,
    paragraphs: base.paragraphs,
    tables: analysed,
  });
}

describe("filling the form, generated", () => {
  it("any results, any pick, any number of blank rows: KHCT's output has no error, every issue has an item, a second fill changes nothing", () => {
    const ids = criteria(tt57).map((c) => c.id);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<AssessedLevel>(0, 1, 2), {
          minLength: ids.length,
          maxLength: ids.length,
        }),
        // Each criterion: not picked (0), picked in the first fill (1), or in a later one (2).
        fc.array(fc.constantFrom(0, 1, 2), { minLength: ids.length, maxLength: ids.length }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<LevelNumber>(1, 2),
        (levels, picks, blanks, target) => {
          const r: AssessmentResults = {
            levels: new Map(ids.map((id, i) => [id, levels[i] as AssessedLevel])),
            level4: new Map(),
          };
          let issues = blankIssues(blanks);
          let plan = blankPlan(blanks);
          const written: string[] = [];
          for (const round of [1, 2]) {
            const { candidates } = priorityCandidates(tt57, r, target, tableOf(issues));
            const chosen: PriorityCandidate[] = candidates.filter(
              (c) => picks[ids.indexOf(c.id)] === round
            );
            written.push(...chosen.map((c) => c.id));
            issues = apply(issues, issuesPatch(tt57, tableOf(issues), chosen));
            const items = proposeItems(tt57, tableOf(issues), tableOf(plan), {
              target,
              year,
              results: r,
            });
            // One item for each issue written in this round, none for earlier ones.
            expect(items.map((i) => /tiêu chí (\d+\.\d+)/.exec(i.label)?.[1])).toEqual(
              chosen.map((c) => c.id)
            );
            plan = apply(plan, formRowsPatch(tableOf(plan), items));
          }
          // Idempotent.
          expect(
            issuesPatch(
              tt57,
              tableOf(issues),
              priorityCandidates(tt57, r, target, tableOf(issues)).candidates.filter(
                (c) => picks[ids.indexOf(c.id)] !== 0
              )
            ).ops
          ).toEqual([]);
          expect(
            proposeItems(tt57, tableOf(issues), tableOf(plan), { target, year, results: r })
          ).toEqual([]);
          expect(readIssues(tableOf(issues)).map((i) => i.codes[0])).toEqual(written);
          const findings = checkWith("long", issues, plan);
          expect(findings.filter((f) => f.severity === "error")).toEqual([]);
          expect(findings.filter((f) => f.rule === "tt57-plan-items")).toEqual([]);
        }
      ),
      { numRuns: propertyRuns(150) }
    );
  });
});
