import fc from "fast-check";
import {
  frameworkById,
  criteria,
  type Framework,
  type LevelNumber,
} from "../../../src/core/catalogue";
import { recognizeHeader } from "../../../src/core/plan/header";
import { applyPatch, computeFillPatch, type Patch } from "../../../src/core/plan/patch";
import { readPlanTable } from "../../../src/core/plan/rows";
import { buildGrid, gridFromStrings, type RawCell } from "../../../src/core/plan/table";
import {
  criterionRowTemplate,
  level4RowTemplate,
  PLACEHOLDERS,
  type RowTemplate,
} from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { PROGRESS_2025, STANDARD_2021, STANDARD_HEADER } from "../../fixtures/tables";
import { randomTable, requestArb, tableArb } from "./arbitraries";
import { propertyRuns } from "../../properties";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
const HEADER = [...STANDARD_HEADER];

function tableOf(rows: readonly (readonly string[])[] | RawCell[][]) {
  const grid =
    Array.isArray(rows[0]) && typeof (rows[0] as unknown[])[0] === "string"
      ? gridFromStrings(rows as string[][])
      : buildGrid(rows as RawCell[][]);
  const header = recognizeHeader(grid);
  if (!header.ok) throw new Error(header.reason);
  return readPlanTable(grid, header.match, tt17);
}
const texts = (rows: RawCell[][]) => buildGrid(rows).cells.map((r) => r.map((c) => c.text));
const template = (id: string, target: LevelNumber = 2, current: 0 | LevelNumber = 1) =>
  criterionRowTemplate(tt17, id, target, current, year) as RowTemplate;

describe("row templates", () => {
  it("draw Kết quả cần đạt from the indicators still to reach, and leave what only the school knows as placeholders", () => {
    const t = template("1.1", 3, 1);
    expect(t.values.criterion).toBe("Tiêu chí 1.1");
    expect(t.values.target).toBe(
      "Đạt Mức 2: Nhà trường có các giải pháp giám sát việc thực hiện phương hướng, chiến lược xây dựng và phát triển.\nĐạt Mức 3: Định kỳ rà soát, bổ sung, điều chỉnh phương hướng, chiến lược xây dựng và phát triển. Tổ chức xây dựng phương hướng, chiến lược xây dựng và phát triển có sự tham gia của các thành viên trong Hội đồng trường (Hội đồng quản trị đối với trường tư thục), cán bộ quản lý, giáo viên, nhân viên, cha mẹ học sinh và cộng đồng."
    );
    expect(t.values).toMatchObject({
      solution: PLACEHOLDERS.solution,
      responsible: PLACEHOLDERS.responsible,
      timeframe: "Trong năm học 2025-2026",
      level: "Mức 3",
    });
  });

  it("refuse a level the criterion does not have, a met target, an unknown criterion", () => {
    expect(criterionRowTemplate(tt17, "1.2", 3, 1, year)).toBeNull();
    expect(criterionRowTemplate(tt17, "1.1", 2, 2, year)).toBeNull();
    expect(criterionRowTemplate(tt17, "5.6", 2, 1, year)).toBeNull();
  });

  it("level-4 rows say the criterion's text is not available rather than inventing it", () => {
    expect(level4RowTemplate(tt17, "3", year)?.values.target).toBe("Đạt tiêu chí 3 Mức 4.");
    expect(level4RowTemplate(tt17, "6", year)).toBeNull();
  });
});

describe("computeFillPatch on a real plan", () => {
  it("completes an existing criterion's empty cells only, and inserts a missing criterion under its standard, in order", () => {
    const table = tableOf(STANDARD_2021);
    const patch = computeFillPatch(
      table,
      [template("1.3"), template("1.1"), template("2.1")],
      tt17
    );
    const after = applyPatch(texts(STANDARD_2021), patch).rows;
    // 1.3 existed: only its empty Ghi chú stays empty (no template value), nothing overwritten.
    expect(patch.ops.filter((op) => op.kind === "set")).toEqual([]);
    const labels = after.map((r) => (r[1] || r[0])?.split("\n")[0]);
    expect(labels.slice(1, 8)).toEqual([
      "MỨC 1, 2, 3",
      "Tiêu chuẩn 1: Tổ chức và quản lý nhà",
      "Tiêu chí 1.1",
      "Tiêu chí 1.2",
      "Tiêu chí 1.3",
      "Tiêu chí 1.4",
      "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên,",
    ]);
    expect(labels[8]).toBe("Tiêu chí 2.1");
    expect(labels[9]).toBe("Tiêu chí 2.2");
  });

  it("creates a missing standard row with the circular's exact title and TT, before the next standard", () => {
    const table = tableOf(STANDARD_2021);
    const patch = computeFillPatch(table, [template("3.6")], tt17);
    const inserts = patch.ops.filter((op) => op.kind === "insert");
    expect(
      inserts.map((op) => op.kind === "insert" && [op.rowKind, op.cells[0], op.cells[1], op.before])
    ).toEqual([
      ["standard", "3", "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học", 8],
      ["criterion", "", "Tiêu chí 3.6", 8],
    ]);
    expect(inserts[0]?.kind === "insert" && inserts[0].mergeFrom).toBe(1);
  });

  it("fills only the empty cells of an existing row, and leaves the optional columns to the school", () => {
    const rows = [
      HEADER,
      ["", "Tiêu chí 1.1", "Kết quả của trường", "", "Hiệu trưởng", "", "", "", ""],
    ];
    const patch = computeFillPatch(tableOf(rows), [template("1.1")], tt17);
    // Budget, other conditions, notes: left empty (a blank there is often deliberate).
    expect(patch.ops.map((op) => op.kind === "set" && [op.role, op.col, op.expected])).toEqual([
      ["solution", 3, ""],
      ["timeframe", 5, ""],
    ]);
  });

  it("builds the whole table in an empty one: section, standards, criteria, MỨC 4", () => {
    const all = criteria(tt17)
      .map((c) => criterionRowTemplate(tt17, c.id, 2, 1, year))
      .filter((t): t is RowTemplate => t !== null);
    const level4 = ["1", "3"].map((id) => level4RowTemplate(tt17, id, year) as RowTemplate);
    const patch = computeFillPatch(tableOf([HEADER]), [...all, ...level4], tt17);
    const after = applyPatch([HEADER], patch).rows;
    // 26 criteria: Thông tư 22/2024 repealed Mức 2 of 1.5 from 25/01/2025, before this 2025-2026 plan.
    expect(after).toHaveLength(1 + 1 + 5 + 26 + 1 + 2);
    expect(after[1]?.[0]).toBe("MỨC 1, 2, 3");
    expect(after[2]?.slice(0, 2)).toEqual(["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"]);
    expect(after[after.length - 3]?.[0]).toBe("MỨC 4");
    expect(after[after.length - 1]?.[1]).toBe("Tiêu chí 3");
  });

  it("progress layout: new rows ordered among the criteria, no standard rows", () => {
    const table = tableOf(PROGRESS_2025);
    const patch = computeFillPatch(table, [template("1.4"), template("1.2")], tt17);
    const inserts = patch.ops.filter((op) => op.kind === "insert");
    expect(
      inserts.map(
        (op) => op.kind === "insert" && [op.cells[0], op.cells[1], op.cells[3], op.before]
      )
    ).toEqual([["1", "Tiêu chí 1.4", PLACEHOLDERS.solution, 4]]);
  });

  it("skips a set whose cell a co-author has filled in the meantime", () => {
    const rows = [HEADER, ["", "Tiêu chí 1.1", "", "", "", "", "", "", ""]];
    const patch = computeFillPatch(tableOf(rows), [template("1.1")], tt17);
    const edited = rows.map((r) => [...r]);
    (edited[1] as string[])[3] = "Giải pháp của cô Hoa";
    const applied = applyPatch(edited, patch);
    expect(applied.rows[1]?.[3]).toBe("Giải pháp của cô Hoa");
    expect(applied.conflicts.map((c) => c.role)).toEqual(["solution"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based: random tables (present criteria, missing standards, filled and empty cells,
// free rows, sections or not, shuffled), random requests.

function run(rows: string[][], templates: RowTemplate[]): { patch: Patch; after: string[][] } {
  const patch = computeFillPatch(tableOf(rows), templates, tt17);
  return { patch, after: applyPatch(rows, patch).rows };
}

describe("computeFillPatch properties (fast-check)", () => {
  const params = { numRuns: propertyRuns(1500), seed: 20261123 };

  it("never changes a non-blank cell, and keeps every original row, in order", () => {
    fc.assert(
      fc.property(tableArb, requestArb, (spec, templates) => {
        const rows = randomTable(spec);
        const patch = computeFillPatch(tableOf(rows), templates, tt17);
        for (const op of patch.ops)
          if (op.kind === "set") expect(rows[op.row]?.[op.col]?.trim()).toBe("");
        const applied = applyPatch(rows, patch);
        expect(applied.origins.filter((o) => o !== null)).toEqual(rows.map((_, i) => i));
        applied.origins.forEach((origin, i) => {
          if (origin === null) return;
          (rows[origin] as string[]).forEach((cell, c) => {
            if (cell.trim() !== "") expect(applied.rows[i]?.[c]).toBe(cell);
          });
        });
      }),
      params
    );
  });

  it("gives every requested criterion a row; a new row stands under its standard row", () => {
    fc.assert(
      fc.property(tableArb, requestArb, (spec, templates) => {
        const { after } = run(randomTable(spec), templates);
        for (const t of templates) {
          const at = after.findIndex((r) => r[1] === `Tiêu chí ${t.id}`);
          expect(at).toBeGreaterThan(0);
          // A criterion already in the table stays where the school put it (validation reports a misplaced one).
          if (spec.present.includes(t.id)) continue;
          const standards = after.slice(0, at).filter((r) => /^Tiêu chuẩn \d/.test(r[1] ?? ""));
          expect(standards.some((r) => r[1]?.startsWith(`Tiêu chuẩn ${t.standardId}:`))).toBe(true);
        }
      }),
      params
    );
  });

  it("is idempotent: filling twice changes nothing the second time", () => {
    fc.assert(
      fc.property(tableArb, requestArb, (spec, templates) => {
        const { after } = run(randomTable(spec), templates);
        expect(computeFillPatch(tableOf(after), templates, tt17).ops).toEqual([]);
      }),
      params
    );
  });

  it("keeps an ordered table ordered", () => {
    fc.assert(
      fc.property(
        tableArb.filter((s) => !s.shuffle),
        requestArb,
        (spec, templates) => {
          const { after } = run(randomTable(spec), templates);
          const keys = after
            .map((r) => /^Tiêu chuẩn (\d+)|^Tiêu chí (\d+)\.(\d+)/.exec(r[1] ?? ""))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => (m[1] ? Number(m[1]) * 100 : Number(m[2]) * 100 + Number(m[3])));
          expect(keys).toEqual([...keys].sort((a, b) => a - b));
        }
      ),
      params
    );
  });
});
