import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { readAssessment } from "../../../src/core/plan/assessment";
import { recognizeHeader } from "../../../src/core/plan/header";
import { proposeRows } from "../../../src/core/plan/proposal";
import { readPlanTable } from "../../../src/core/plan/rows";
import { buildGrid, type RawCell } from "../../../src/core/plan/table";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { ASSESSMENT_2022, ASSESSMENT_LEVEL4_2022 } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;

function assessmentOf(rows: RawCell[][]) {
  const grid = buildGrid(rows);
  const header = recognizeHeader(grid);
  if (!header.ok) throw new Error(header.reason);
  return readAssessment(readPlanTable(grid, header.match, tt17));
}

describe("reading the self-assessment tables of a real plan", () => {
  it("reads each criterion's result from its mark", () => {
    const { results, rows } = assessmentOf(ASSESSMENT_2022);
    expect(Object.fromEntries(results.levels)).toEqual({
      "1.1": 1,
      "1.2": 1,
      "1.4": 0,
      "2.2": 0,
      "2.3": 1,
      "3.3": 0,
      "3.6": 1,
    });
    expect(rows.find((r) => r.id === "2.3")?.marked).toEqual(["pass"]);
  });

  it("reads the Mức 4 table", () => {
    const { results } = assessmentOf(ASSESSMENT_LEVEL4_2022);
    expect(Object.fromEntries(results.level4)).toEqual({ 1: false, 2: false, 3: false });
  });

  it("reports a row marked twice or not at all", () => {
    const rows = [
      ...ASSESSMENT_2022.slice(0, 2),
      [
        { text: "Tiêu chí 1.1" },
        { text: "x" },
        { text: "" },
        { text: "X" },
        { text: "" },
        { text: "" },
        { text: "" },
      ],
      [{ text: "Tiêu chí 1.2" }],
    ];
    const read = assessmentOf(rows);
    expect(read.rows.map((r) => [r.id, r.marked])).toEqual([
      ["1.1", ["fail", "level1"]],
      ["1.2", []],
    ]);
  });
});

describe("proposeRows", () => {
  it("proposes a row for every criterion below the target, capped at the criterion's own highest level", () => {
    const { results } = assessmentOf(ASSESSMENT_2022);
    const { proposals, unassessed } = proposeRows(tt17, results, {
      target: 3,
      year: parseSchoolYear("2025-2026"),
    });
    expect(proposals.map((p) => [p.template.id, p.current, p.template.target])).toEqual([
      ["1.1", 1, 3],
      ["1.2", 1, 2], // 1.2 has no Mức 3
      ["1.4", 0, 3],
      ["2.2", 0, 3],
      ["2.3", 1, 3],
      ["3.3", 0, 3],
      ["3.6", 1, 3],
    ]);
    expect(unassessed).toHaveLength(27 - 7);
    expect(proposals.every((p) => p.selected)).toBe(true);
  });

  it("takes per-criterion targets and adds the unmet Mức 4 criteria on request", () => {
    const { results } = assessmentOf(ASSESSMENT_2022);
    const level4 = assessmentOf(ASSESSMENT_LEVEL4_2022).results.level4;
    const { proposals } = proposeRows(
      tt17,
      { levels: results.levels, level4 },
      { target: 2, year: null, targets: new Map([["1.1", 1]]), includeLevel4: true }
    );
    expect(proposals.map((p) => p.template.id)).toEqual([
      "1.2",
      "1.4",
      "2.2",
      "2.3",
      "3.3",
      "3.6",
      "1",
      "2",
      "3",
      "4",
      "5",
    ]);
    // No school year known: a placeholder the check reports, never a time without its year.
    expect(proposals.find((p) => p.template.id === "1.4")?.template.values.timeframe).toBe(
      "[Ghi thời gian thực hiện]"
    );
  });
});
