/**
 * Fill on every plan of the robustness corpus (test/corpus): filling twice changes nothing the
 * second time, no cell the school wrote changes or goes, every inserted row stands inside its
 * standard's rows and its level part, a criterion the table already names (in its own row, in a
 * cell of several, in a Mức 4 group of any form) is never added again, and optional columns are
 * left to the school.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import type { Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { applyPatch, computeFillPatch } from "../../../src/core/plan/patch";
import { analyseTables } from "../../../src/core/plan/session";
import { buildGrid, gridFromStrings, type TableGrid } from "../../../src/core/plan/table";
import {
  criterionRowTemplate,
  isTemplateFiller,
  level4RowTemplate,
  type RowTemplate,
} from "../../../src/core/plan/templates";
import type { PlanTable } from "../../../src/core/plan/rows";
import { BASES, frameworkOf, type CorpusBase } from "../../corpus/bases";
import { variant } from "../../corpus/generate";
import { docxOf, xlsxOf } from "../../corpus/files";
import { readOfficeFile } from "../../../src/hosts/file/read";

const PER_BASE = 72;

function planOf(grid: TableGrid, framework: Framework): PlanTable {
  const [t] = analyseTables([{ key: "t", where: "Bảng 1", grid }], framework);
  if (!t?.table || t.kind !== "plan") throw new Error("not a plan table");
  return t.table;
}

/** What a school asks for: some criteria it has rows for, some it has not, and the Mức 4 list. */
function requests(framework: Framework, base: CorpusBase): RowTemplate[] {
  const year = detectPlanIdentity(base.paragraphs).schoolYear;
  const ids = ["1.1", "1.2", "1.4", "2.2", "2.3", "3.3", "4.1", "5.1"];
  const templates = ids
    .map((id) => criterionRowTemplate(framework, id, 2, 1, year))
    .filter((t): t is RowTemplate => t !== null);
  for (const id of ["1", "2", "3", "4", "5"]) {
    const t = level4RowTemplate(framework, id, year);
    if (t) templates.push(t);
  }
  return templates;
}

const grids = (rows: readonly (readonly string[])[]) => gridFromStrings(rows.map((r) => [...r]));

describe.each(BASES.filter((b) => b.kind === "plan").map((b) => [b.name, b] as const))(
  "fill on %s and its variants",
  (_name, base) => {
    const framework = frameworkOf(base);
    const templates = requests(framework, base);

    it("is idempotent, loses nothing, places every row inside its part, never repeats a criterion", () => {
      for (let n = 0; n < PER_BASE; n++) {
        const v = variant(base, n);
        const grid = buildGrid(v.rows);
        const table = planOf(grid, framework);
        const before = grid.cells.map((r) => r.map((c) => c.text));
        const patch = computeFillPatch(table, templates, framework);
        const applied = applyPatch(before, patch);
        const context = { id: v.id, mutations: v.mutations };

        // No cell the school wrote changes or goes; a set only ever fills an empty cell.
        applied.origins.forEach((origin, r) => {
          if (origin === null) return;
          (before[origin] ?? []).forEach((text, c) => {
            if (text.trim())
              expect({ ...context, cell: applied.rows[r]?.[c] }).toEqual({
                ...context,
                cell: text,
              });
          });
        });

        // Fill ∘ fill = fill.
        const again = computeFillPatch(
          planOf(grids(applied.rows), framework),
          templates,
          framework
        );
        expect({ ...context, ops: again.ops }).toEqual({ ...context, ops: [] });

        // Every criterion row of the result: once per criterion (where the table lists one row
        // per criterion), under its own standard, in its own level part.
        const after = planOf(grids(applied.rows), framework);
        const seen = new Map<string, number>();
        let standard: string | null = null;
        for (const row of after.rows) {
          if (row.kind === "standard") standard = row.standard?.id ?? null;
          if (row.kind !== "criterion" && row.kind !== "level4") continue;
          const inserted = applied.origins[row.index] === null;
          const ids = (row.refs ?? (row.ref ? [row.ref] : [])).map(
            (r) => `${r.ref.kind}:${r.ref.id}`
          );
          for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
          if (!inserted) continue;
          if (row.kind === "level4") {
            expect({ ...context, row: row.index, section: row.section }).toEqual({
              ...context,
              row: row.index,
              section: "level4",
            });
          } else {
            expect({ ...context, row: row.index, section: row.section }).not.toEqual({
              ...context,
              row: row.index,
              section: "level4",
            });
            if (after.header.layout.groupRows && row.ref?.ref.kind === "criterion")
              expect({ ...context, id: row.ref.ref.id, standard }).toEqual({
                ...context,
                id: row.ref.ref.id,
                standard: String(row.ref.ref.standard),
              });
          }
          // Optional columns are the school's: KHCT writes nothing there.
          for (const role of ["budget", "support", "note", "resources", "evidence"] as const) {
            const cell = row.cells[role];
            if (cell)
              expect({ ...context, role, text: cell.text }).toEqual({ ...context, role, text: "" });
          }
        }
        const level4Inserted = applied.origins.filter((o) => o === null).length;
        expect(level4Inserted).toBeGreaterThan(0);
        if (after.header.layout.rowsPerCriterion === "one")
          for (const [id, count] of seen)
            if (count > 1 && !base.errors.some((e) => e.endsWith(id.split(":")[1] ?? "")))
              expect({ ...context, id, count }).toEqual({ ...context, id, count: 1 });
        // What KHCT writes as its own placeholder is visible as such (never invented content).
        patch.ops.forEach((op) => {
          if (op.kind === "set" && ["solution", "responsible"].includes(op.role))
            expect(isTemplateFiller(op.text)).toBe(true);
        });
      }
    });
  }
);

describe("fill through the file adapter (khct fill on .docx and .xlsx variants)", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-fill-corpus-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Results: the requested criteria at Mức 1 (so target Mức 2 proposes them), Mức 4 not met.
  const results = JSON.stringify({
    levels: { "1.1": 1, "1.2": 1, "1.4": 1, "2.2": 1, "2.3": 1, "3.3": 1, "4.1": 1, "5.1": 1 },
    level4: { "1": false, "2": false, "3": false },
  });

  it("a second fill of the filled file finds nothing to do, and every text of the school is kept", async () => {
    const resultsFile = path.join(dir, "ket-qua.json");
    fs.writeFileSync(resultsFile, results);
    const sample = BASES.filter((b) => b.kind === "plan").flatMap((base) =>
      Array.from({ length: PER_BASE }, (_, n) => variant(base, n)).filter((_, n) => n % 8 === 3)
    );
    for (const v of sample) {
      const base = BASES.find((b) => b.name === v.base) as CorpusBase;
      for (const kind of ["docx", "xlsx"] as const) {
        const input = path.join(dir, `${v.id.replace(/[^a-z0-9-]/gi, "_")}.${kind}`);
        const bytes =
          kind === "docx"
            ? await docxOf(base.paragraphs, v.rows)
            : await xlsxOf(base.paragraphs, v.rows, v.origin);
        fs.writeFileSync(input, bytes);
        const once = input.replace(`.${kind}`, `-1.${kind}`);
        const twice = input.replace(`.${kind}`, `-2.${kind}`);
        const fill = (from: string, to: string) =>
          run([
            "fill",
            from,
            "--target-level",
            "2",
            "--results",
            resultsFile,
            "--out",
            to,
            "--force",
          ]);
        const first = await fill(input, once);
        expect({ id: v.id, kind, exit: first.exitCode, err: first.stderr ?? "" }).toEqual({
          id: v.id,
          kind,
          exit: 0,
          err: "",
        });
        expect(first.stdout).toMatch(/chèn [1-9]\d* hàng/);
        const second = await fill(once, twice);
        expect({ id: v.id, kind, out: second.stdout }).toEqual({
          id: v.id,
          kind,
          out: expect.stringContaining("không có gì để điền, không ghi tệp"),
        });
        // Every non-empty text of the original table is still in the filled file's table.
        const original = await readOfficeFile(bytes);
        const filled = await readOfficeFile(new Uint8Array(fs.readFileSync(once)));
        const textsOf = (f: typeof original) =>
          f.tables
            .flatMap((t) => t.grid.cells.flatMap((r) => r.map((c) => c.text.trim())))
            .filter(Boolean);
        const kept = new Set(textsOf(filled));
        expect({ id: v.id, kind, lost: textsOf(original).filter((t) => !kept.has(t)) }).toEqual({
          id: v.id,
          kind,
          lost: [],
        });
      }
    }
  });
});
