/**
 * Findings grouped by cause (issue 19): what differs between findings of one cause (numbers,
 * quoted texts) does not split them; a different rule or severity does.
 */
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { analyseTables } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import { causeOf, groupFindings, placeInWords } from "../../../src/core/validation/groups";
import { findingKey, isDismissed, legacyFindingKey } from "../../../src/core/validation/check";
import type { Finding } from "../../../src/core/validation/types";
import { told, type Said } from "../../../src/core/messages";
import { STANDARD_HEADER } from "../../fixtures/tables";

const f = (
  rule: string,
  words: { message: string; said: Said },
  extra: Partial<Finding> = {}
): Finding => ({
  rule,
  severity: "warning",
  ...words,
  location: {},
  ...extra,
});
const text = (message: string) => told("as-is", { text: message });

describe("grouping findings by cause", () => {
  it("the message id is the cause (numbers and quoted texts do not split it); rule and severity do; order of first appearance", () => {
    const findings = [
      f("numbering", told("row-numbers.one", { written: 1, expected: 2 })),
      f("label", told("criterion-label", { written: "Tiêu chí 1. 2", label: "Tiêu chí 1.2" }), {
        fix: [{ table: "t", row: 1, col: 1, expected: "Tiêu chí 1. 2", text: "Tiêu chí 1.2" }],
      }),
      f("numbering", told("row-numbers.one", { written: 7, expected: 10 })),
      f("label", told("criterion-label", { written: "Tiêu chí 3. 10", label: "Tiêu chí 3.10" }), {
        fix: [{ table: "t", row: 5, col: 1, expected: "Tiêu chí 3. 10", text: "Tiêu chí 3.10" }],
      }),
      f("numbering", told("row-numbers.one", { written: 7, expected: 10 }), { severity: "error" }),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.rule, g.severity, g.findings.length, g.fixes.length])).toEqual([
      ["numbering", "warning", 2, 0],
      ["label", "warning", 2, 2],
      ["numbering", "error", 1, 0],
    ]);
    expect(causeOf(findings[0]!)).toBe(causeOf(findings[2]!));
  });

  it("the place in words: table, row, criterion; a paragraph; nothing for the whole document", () => {
    const tt17 = frameworkById("tt17-2018") as Framework;
    const tables = analyseTables(
      [
        {
          key: "t0",
          where: "Bảng 2",
          grid: gridFromStrings([
            [...STANDARD_HEADER],
            ["", "Tiêu chí 1.4", "", "", "", "", "", "", ""],
          ]),
        },
      ],
      tt17
    );
    expect(placeInWords(f("x", text("m"), { location: { table: "t0", row: 1 } }), tables)).toBe(
      "Bảng 2 · hàng 2 · Tiêu chí 1.4"
    );
    expect(
      placeInWords(
        f("x", text("m"), { location: { table: "t0", row: 0 }, criterion: "2.1" }),
        tables
      )
    ).toBe("Bảng 2 · hàng 1 · Tiêu chí 2.1");
    expect(placeInWords(f("x", text("m"), { location: { paragraph: 11 } }), tables)).toBe(
      "Đoạn 12"
    );
    expect(placeInWords(f("x", text("m")), tables)).toBe("");
  });
});

describe("the key a dismissal is stored under", () => {
  it("is the rule, criterion and place — not the wording; a row moved by an insertion keeps it when a criterion is named", () => {
    const base = f(
      "label",
      told("criterion-label", { written: "Tiêu chí 1. 2", label: "Tiêu chí 1.2" }),
      {
        criterion: "1.2",
        location: { table: "t0", row: 4, column: 1 },
      }
    );
    const reworded = { ...base, message: "Nhãn “Tiêu chí 1. 2” sai dạng (KHCT đã đổi lời)." };
    const moved = { ...base, location: { table: "t0", row: 7, column: 1 } };
    expect(findingKey(reworded)).toBe(findingKey(base));
    expect(findingKey(moved)).toBe(findingKey(base));
    expect(findingKey({ ...base, rule: "other" })).not.toBe(findingKey(base));
    expect(findingKey({ ...base, criterion: "1.3" })).not.toBe(findingKey(base));
    // Without a criterion the row is the place.
    const row = f("cells", text("Ô trống"), { location: { table: "t0", row: 4, column: 3 } });
    expect(findingKey({ ...row, location: { table: "t0", row: 5, column: 3 } })).not.toBe(
      findingKey(row)
    );
  });

  it("a finding dismissed under the old key (rule, criterion, message) stays dismissed", () => {
    const finding = f("label", text("m"), { criterion: "1.2", location: { table: "t0", row: 1 } });
    expect(isDismissed(finding, new Set([legacyFindingKey(finding)]))).toBe(true);
    expect(isDismissed(finding, new Set([findingKey(finding)]))).toBe(true);
    expect(isDismissed(finding, new Set(["00000000"]))).toBe(false);
  });
});
