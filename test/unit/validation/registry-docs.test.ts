/**
 * The registry, the README's rule table and the "fixable" flags agree (as markdownlint's README
 * test does): a rule added, renamed or made fixable shows in the documentation.
 */
import * as fs from "fs";
import * as path from "path";
import { tt57Plan } from "../../corpus/tt57";
import { RULES } from "../../../src/core/validation/registry";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables } from "../../../src/core/plan/session";
import { buildGrid, gridFromStrings } from "../../../src/core/plan/table";
import { check } from "../../../src/core/validation/check";
import { STANDARD_2021 } from "../../fixtures/tables";

const README = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");

describe("README rule table", () => {
  const rows = [...README.matchAll(/^\| `([a-z0-9-]+)` \| (.+?) \| (có|—) \|$/gm)].map((m) => ({
    id: m[1],
    description: m[2],
    fixable: m[3] === "có",
  }));

  it("lists every rule of the registry, in order, with its description and fixable flag", () => {
    expect(rows).toEqual(
      RULES.map((r) => ({ id: r.id, description: r.description, fixable: r.fixable }))
    );
  });
});

describe("fixable flags", () => {
  it("only fixable rules carry fixes, and every fixable rule has one on a plan with all its mistakes", () => {
    const tt17 = frameworkById("tt17-2018") as Framework;
    const progress = [
      [
        "Tiêu chuẩn",
        "Tiêu chí",
        "TT",
        "Nội dung kế hoạch",
        "Thời gian dự kiến",
        "Người chịu trách nhiệm",
        "Tiến độ thực hiện",
        "Kết quả",
        "Ghi chú",
      ],
      ["1", "tiêu chí 1.1: Phương hướng", "1", "Việc một", "Tháng 9", "A", "", "", ""],
      ["1", "Tiêu chí 1.2: Hội đồng sư phạm", "3", "Việc hai", "Tháng 10", "B", "", "", ""],
    ];
    const tables = analyseTables(
      [
        { key: "a", where: "Bảng 1", grid: buildGrid(STANDARD_2021) },
        { key: "b", where: "Bảng 2", grid: gridFromStrings(progress) },
      ],
      tt17
    );
    const findings = check({
      framework: tt17,
      level: "tieu-hoc",
      identity: detectPlanIdentity([]),
      paragraphs: [],
      tables,
    });
    // A plan on Thông tư 57/2026's form with its fixable mistakes: a 2018 standard title, a status
    // of the same meaning in other words.
    const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;
    const form = tt57Plan();
    (form.tables[0] as string[][])[1]![1] = "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường";
    (form.tables[1] as string[][])[1]![9] = "Đã hoàn thành";
    findings.push(
      ...check({
        framework: tt57,
        level: "tieu-hoc",
        identity: detectPlanIdentity(form.paragraphs),
        paragraphs: form.paragraphs,
        tables: analyseTables(
          form.tables.map((rows, i) => ({
            key: `t${i}`,
            where: `Bảng ${i + 1}`,
            grid: gridFromStrings(rows),
          })),
          tt57
        ),
      })
    );
    const withFix = new Set(findings.filter((f) => f.fix).map((f) => f.rule));
    const fixable = new Set(RULES.filter((r) => r.fixable).map((r) => r.id));
    expect([...withFix].sort()).toEqual([...fixable].sort());
  });
});
