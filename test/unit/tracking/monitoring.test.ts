/**
 * Mục VI of Thông tư 57/2026's form: the review of a time point written from the tracked items into
 * the row of that time (the form's blank row, or a new one), never over a result already written.
 */
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { FORM_PLACEHOLDERS as P } from "../../../src/core/plan/formFill";
import { applyPatch } from "../../../src/core/plan/patch";
import { analyseTables } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import { reviewPatch, reviewTime, reviewValues } from "../../../src/core/tracking/monitoring";
import { monitoringReport, trackedRows } from "../../../src/core/tracking/report";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { check } from "../../../src/core/validation/check";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { identityTexts } from "../../../src/core/plan/session";
import { blankMonitoring, blankPlan, MONITORING_HEADER, tt57Plan } from "../../corpus/tt57";

const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;
const year = parseSchoolYear("2026-2027");
const MONITORING = MONITORING_HEADER.long as string[];
const tableOf = (rows: string[][]) => {
  const [t] = analyseTables([{ key: "m", where: "Bảng 3", grid: gridFromStrings(rows) }], tt57);
  if (!t?.table || t.kind !== "monitoring") throw new Error("not a monitoring table");
  return t.table;
};

describe("Mục VI: the review of a time point", () => {
  it("the time point of a date: semester I until the end of January, then the year's end", () => {
    expect(reviewTime("2026-12-02", year)).toBe("Cuối học kỳ I");
    expect(reviewTime("2027-01-31", year)).toBe("Cuối học kỳ I");
    expect(reviewTime("2027-02-01", year)).toBe("Cuối năm học");
    expect(reviewTime("2027-05-25", year)).toBe("Cuối năm học");
    expect(reviewTime("2026-10-01", null)).toBe("Cuối học kỳ I");
    expect(reviewTime("2027-04-01", null)).toBe("Cuối năm học");
  });

  it("writes what was reviewed and the result from the plan's items, into the time's row; KHCT's output checks clean; not twice", () => {
    const plan = tt57Plan();
    const analysed = analyseTables(
      plan.tables.map((rows, i) => ({
        key: `t${i}`,
        where: `Bảng ${i + 1}`,
        grid: gridFromStrings(rows),
      })),
      tt57
    );
    const rows = trackedRows(analysed, year, "2026-12-02");
    const report = monitoringReport(rows, "2026-12-02");
    const values = reviewValues(rows, report);
    // The seed plan: one item done, one in progress, one not done.
    expect(values).toEqual({
      monitored: "Mức độ thực hiện 3 việc cải tiến ở Mục V, đến ngày 02/12/2026",
      result: expect.stringMatching(
        /^Hoàn thành 1\/3 việc; đang thực hiện 1; chưa hoàn thành 1\. .*Chưa xong: Việc 1, Việc 2\.$/
      ),
    });
    const table = blankMonitoring();
    const planned = reviewPatch(tableOf(table), reviewTime("2026-12-02", year), values);
    if (planned.kind !== "patch") throw new Error("expected a patch");
    const after = applyPatch(table, planned.patch).rows;
    expect(after[1]).toEqual(["Cuối học kỳ I", values.monitored, values.result, "", P.assessor]);
    expect(after[2]).toEqual(table[2]);
    expect(reviewPatch(tableOf(after), "Cuối học kỳ I", values)).toEqual({
      kind: "written",
      row: 1,
    });
    // The plan with this Mục VI: no error, no finding of the form's monitoring rule.
    const tables = [plan.tables[0] as string[][], plan.tables[1] as string[][], after];
    const found = tables.map((r, i) => ({
      key: `t${i}`,
      where: `Bảng ${i + 1}`,
      grid: gridFromStrings(r),
    }));
    const findings = check({
      framework: tt57,
      level: "tieu-hoc",
      identity: detectPlanIdentity(identityTexts(plan.paragraphs, found)),
      paragraphs: plan.paragraphs,
      tables: analyseTables(found, tt57),
    });
    expect(findings.filter((f) => f.severity === "error" || f.rule === "tt57-monitoring")).toEqual(
      []
    );
  });

  it("a table without the time's row gets a new row after its last one; a result the school wrote is never overwritten", () => {
    const only = [
      MONITORING,
      ["Cuối học kỳ I", "Tiến độ", "Xong 2/3", "", "Hiệu trưởng"],
      ["", "", "", "", ""],
    ];
    expect(reviewPatch(tableOf(only), "Cuối học kỳ I", { result: "x" }).kind).toBe("written");
    const planned = reviewPatch(tableOf(only), "Cuối năm học", { monitored: "m", result: "r" });
    if (planned.kind !== "patch") throw new Error("expected a patch");
    expect(applyPatch(only, planned.patch).rows).toEqual([
      MONITORING,
      only[1],
      ["Cuối năm học", "m", "r", "", P.assessor],
      ["", "", "", "", ""],
    ]);
  });

  it("the form's blank item rows are not tracked as items", () => {
    const items = blankPlan(1);
    const analysed = analyseTables(
      [{ key: "p", where: "Bảng 2", grid: gridFromStrings(items) }],
      tt57
    );
    expect(trackedRows(analysed, year, "2026-12-02")).toEqual([]);
  });
});
