/**
 * The robustness corpus (test/corpus): every base table from the real plans and its generated
 * variants must be recognised (the plan table and the self-assessment table), show the same known
 * mistakes as the unmutated plan, and no new Lỗi — through the core, through real .docx and .xlsx
 * files read by the file adapter, and through `khct check`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables, identityTexts, type FoundTable } from "../../../src/core/plan/session";
import { buildGrid } from "../../../src/core/plan/table";
import { check } from "../../../src/core/validation/check";
import type { Finding } from "../../../src/core/validation/types";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { run } from "../../../src/cli/main";
import { BASES, frameworkOf, type CorpusBase } from "../../corpus/bases";
import { variant, type Variant } from "../../corpus/generate";
import { docxOf, xlsxOf } from "../../corpus/files";

/** Variants per base table: 5 bases × 72 = 360 tables. */
const PER_BASE = 72;

/** "rule:criterion" of every Lỗi. */
const errorsOf = (findings: readonly Finding[]) =>
  [
    ...new Set(
      findings.filter((f) => f.severity === "error").map((f) => `${f.rule}:${f.criterion ?? ""}`)
    ),
  ].sort();

function checkTables(
  base: CorpusBase,
  paragraphs: readonly string[],
  tables: readonly FoundTable[]
) {
  const framework = frameworkOf(base);
  const analysed = analyseTables(tables, framework);
  const identity = detectPlanIdentity(identityTexts(paragraphs, tables));
  const findings = check({ framework, level: base.level, identity, paragraphs, tables: analysed });
  return { analysed, findings, identity };
}

const VARIANTS: Variant[] = BASES.flatMap((base) =>
  Array.from({ length: PER_BASE }, (_, n) => variant(base, n))
);
const baseOf = (v: Variant) => BASES.find((b) => b.name === v.base) as CorpusBase;

function expectUnderstood(
  v: Variant,
  analysed: ReturnType<typeof analyseTables>,
  findings: readonly Finding[]
) {
  const base = baseOf(v);
  const kinds = analysed.map((t) => t.kind);
  expect({ id: v.id, mutations: v.mutations, kinds }).toEqual({
    id: v.id,
    mutations: v.mutations,
    kinds: expect.arrayContaining([base.kind]),
  });
  expect({ id: v.id, mutations: v.mutations, errors: errorsOf(findings) }).toEqual({
    id: v.id,
    mutations: v.mutations,
    errors: [...base.errors].sort(),
  });
  // Nothing left unread; a document holding only a self-assessment is told it has no plan table.
  const unread = findings.filter((f) => f.rule === "table-not-understood" && f.severity !== "hint");
  expect(unread.map((f) => f.location)).toEqual(base.kind === "plan" ? [] : [{}]);
  if (v.duplicated) {
    // Every row twice: one finding for the copies, no renumbering of the rows after them.
    expect(findings.filter((f) => f.rule === "duplicate-row")).toHaveLength(1);
    expect(findings.filter((f) => f.rule === "row-numbers")).toEqual([]);
  }
}

describe("the corpus itself", () => {
  it("has at least 300 variants, every mutation alone and in combination", () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(300);
    const seen = new Set(VARIANTS.flatMap((v) => v.mutations.map((m) => m.replace(/\(.*\)$/, ""))));
    for (const m of [
      "synonyms",
      "forms",
      "extra-column",
      "permuted",
      "duplicated-rows",
      "numbered-headers",
      "title-row",
      "group-header",
      "index-row",
      "merged-group-rows",
      "starts-at-C5",
      "two-row-header",
      "three-row-header",
    ])
      expect(seen).toContain(m);
    // Variant n is the same table on every run.
    expect(variant(BASES[0] as CorpusBase, 37)).toEqual(variant(BASES[0] as CorpusBase, 37));
  });

  it.each(BASES.map((b) => [b.name, b] as const))(
    "%s, unmutated, shows exactly its known mistakes",
    (_name, base) => {
      const rows = [
        base.header.map((text) => ({ text })),
        ...base.body.map((r) => r.map((text) => ({ text }))),
      ];
      const { analysed, findings } = checkTables(base, base.paragraphs, [
        { key: "t0", where: "Bảng 1", grid: buildGrid(rows) },
      ]);
      expect(analysed[0]?.kind).toBe(base.kind);
      expect(errorsOf(findings)).toEqual([...base.errors].sort());
    }
  );
});

describe("every variant, through the core", () => {
  it.each(BASES.map((b) => [b.name] as const))("%s", (name) => {
    for (const v of VARIANTS.filter((x) => x.base === name)) {
      const base = baseOf(v);
      const { analysed, findings } = checkTables(base, base.paragraphs, [
        { key: "t0", where: "Bảng 1", grid: buildGrid(v.rows) },
      ]);
      expectUnderstood(v, analysed, findings);
    }
  });
});

describe("variants as files, through the file adapter", () => {
  // Every fourth variant as .docx and as .xlsx (the .xlsx table at C5 where the variant says so).
  const sample = VARIANTS.filter((_, i) => i % 4 === 0);

  it(`reads ${sample.length} .docx variants`, async () => {
    for (const v of sample) {
      const base = baseOf(v);
      const file = await readOfficeFile(await docxOf(base.paragraphs, v.rows));
      const { analysed, findings } = checkTables(base, file.paragraphs, file.tables);
      expectUnderstood(v, analysed, findings);
    }
  });

  it(`reads ${sample.length} .xlsx variants`, async () => {
    for (const v of sample) {
      const base = baseOf(v);
      const file = await readOfficeFile(await xlsxOf(base.paragraphs, v.rows, v.origin));
      const { analysed, findings } = checkTables(base, file.paragraphs, file.tables);
      expectUnderstood(v, analysed, findings);
    }
  });
});

describe("variants through `khct check`", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "khct-corpus-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("finds the same Lỗi, names the layout, and needs no --level", async () => {
    const sample = VARIANTS.filter((_, i) => i % 24 === 5);
    for (const v of sample) {
      const base = baseOf(v);
      const kind = v.origin.row ? "xlsx" : "docx";
      const file = path.join(dir, `${v.id.replace(/[^a-z0-9-]/gi, "_")}.${kind}`);
      const bytes =
        kind === "xlsx"
          ? await xlsxOf(base.paragraphs, v.rows, v.origin)
          : await docxOf(base.paragraphs, v.rows);
      fs.writeFileSync(file, bytes);
      const result = await run(["check", file, "--json"]);
      const [report] = JSON.parse(result.stdout);
      expect({ id: v.id, level: report.level, exit: result.exitCode }).toEqual({
        id: v.id,
        level: base.level,
        exit: base.errors.length ? 1 : 0,
      });
      if (base.kind === "plan") expect(report.layout).not.toBeNull();
      const errors = [
        ...new Set(
          report.findings
            .filter((f: { severity: string }) => f.severity === "error")
            .map(
              (f: { rule: string; criterion: string | null }) => `${f.rule}:${f.criterion ?? ""}`
            )
        ),
      ].sort();
      expect({ id: v.id, errors }).toEqual({ id: v.id, errors: [...base.errors].sort() });
    }
  });
});
