/**
 * Random plan tables and fill requests for property-based tests (fast-check): present criteria,
 * missing standards, filled and empty cells, free rows, sections or not, shuffled.
 */
import fc from "fast-check";
import { criteria, frameworkById, type Framework } from "../../../src/core/catalogue";
import { recognizeHeader } from "../../../src/core/plan/header";
import { readPlanTable } from "../../../src/core/plan/rows";
import { gridFromStrings } from "../../../src/core/plan/table";
import { criterionRowTemplate, type RowTemplate } from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { STANDARD_HEADER } from "../../fixtures/tables";

export const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
export const HEADER = [...STANDARD_HEADER];

/** A plan table of plain strings, read as the core reads it. */
export function planTableOf(rows: readonly (readonly string[])[]) {
  const grid = gridFromStrings(rows);
  const header = recognizeHeader(grid);
  if (!header.ok) throw new Error(header.reason);
  return readPlanTable(grid, header.match, tt17);
}

export const ALL = criteria(tt17).map((c) => c.id);

export const tableArb = fc.record({
  present: fc.subarray(ALL),
  standards: fc.subarray(["1", "2", "3", "4", "5"]),
  sections: fc.boolean(),
  filled: fc.array(
    fc.tuple(fc.nat(40), fc.integer({ min: 2, max: 8 }), fc.string({ minLength: 1, maxLength: 6 })),
    { maxLength: 30 }
  ),
  extras: fc.array(fc.tuple(fc.nat(40), fc.constantFrom("", "Ghi chú riêng", "x")), {
    maxLength: 4,
  }),
  shuffle: fc.boolean(),
  seed: fc.nat(),
});

export interface TableSpec {
  readonly present: readonly string[];
  readonly standards: readonly string[];
  readonly sections: boolean;
  readonly filled: readonly (readonly [number, number, string])[];
  readonly extras: readonly (readonly [number, string])[];
  readonly shuffle: boolean;
  readonly seed: number;
}

export function randomTable(spec: TableSpec): string[][] {
  const body: string[][] = [];
  for (const s of ["1", "2", "3", "4", "5"]) {
    if (spec.standards.includes(s))
      body.push([
        s,
        `Tiêu chuẩn ${s}: ${tt17.standards[Number(s) - 1]?.title}`,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ]);
    for (const id of spec.present.filter((id) => id.startsWith(`${s}.`)))
      body.push(["", `Tiêu chí ${id}`, "", "", "", "", "", "", ""]);
  }
  if (spec.shuffle)
    body.sort(
      (a, b) =>
        ((a.join("").length * 31 + spec.seed) % 7) - ((b.join("").length * 31 + spec.seed) % 7)
    );
  for (const [at, text] of spec.extras)
    body.splice(at % (body.length + 1), 0, ["", "", "", text, "", "", "", "", ""]);
  for (const [r, c, text] of spec.filled) {
    const row = body[r % Math.max(body.length, 1)];
    if (row && !/^(Tiêu chuẩn|MỨC)/.test(row[1] ?? "")) row[c] = text;
  }
  const rows = [
    HEADER,
    ...(spec.sections ? [["MỨC 1, 2, 3", "", "", "", "", "", "", "", ""]] : []),
    ...body,
  ];
  return rows;
}

export const requestArb = fc
  .subarray(ALL, { minLength: 1 })
  .map((ids) =>
    ids
      .map((id) => criterionRowTemplate(tt17, id, 2, 1, year))
      .filter((t): t is RowTemplate => t !== null)
  );
