/**
 * The catalogue matches the repository's copy of the reference transcription (reference/catalogue)
 * exactly: counts, ids, titles, indicator texts, gaps. `npm run reference:refresh` updates that copy
 * from the steering folder beside a checkout; nothing here reads outside the repository.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOGUE, counts, criteria, frameworkById } from "../../../src/core/catalogue";
import type { Framework } from "../../../src/core/catalogue";

const { build, REFERENCE_DIR } = require("../../../scripts/build-catalogue.js") as {
  build: () => unknown;
  REFERENCE_DIR: string;
};

const referenceFile = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, name), "utf8"));

describe("catalogue data", () => {
  it("is exactly what the build script makes from the reference (no hand edits, no drift)", () => {
    expect(path.relative(path.resolve(__dirname, "../../.."), REFERENCE_DIR)).toBe(
      path.join("reference", "catalogue")
    );
    expect(JSON.parse(JSON.stringify(build()))).toEqual(CATALOGUE);
  });

  it.each([
    ["tt17-2018", "tt17-tieu-hoc.json"],
    ["tt18-2018", "tt18-trung-hoc.json"],
    ["tt19-2018", "tt19-mam-non.json"],
  ])("%s has the reference's counts", (id, file) => {
    const reference = referenceFile(file);
    const framework = frameworkById(id) as Framework;
    const c = counts(framework);
    expect(c.criteria).toBe(reference.counts.criteria);
    expect(c.criteriaPerStandard).toEqual(reference.counts.criteriaPerStandard);
    expect(c.criteriaAtLevel[3]).toBe(reference.counts.criteriaWithLevel3);
    expect(c.indicatorsAtLevel).toEqual({
      1: reference.counts.indicatorsPerLevel["1"],
      2: reference.counts.indicatorsPerLevel["2"],
      3: reference.counts.indicatorsPerLevel["3"],
    });
  });

  it("tiểu học: 27 criteria (10/4/6/2/5), 19 with a Mức 3, 5 at Mức 4", () => {
    const c = counts(frameworkById("tt17-2018") as Framework);
    expect(c).toMatchObject({
      standards: 5,
      criteria: 27,
      criteriaPerStandard: { 1: 10, 2: 4, 3: 6, 4: 2, 5: 5 },
      criteriaAtLevel: { 1: 27, 2: 27, 3: 19 },
      level4: 5,
    });
  });

  it("trung học 28 criteria with 20 at Mức 3; mầm non 25 with 19; their Mức 4 size is unknown", () => {
    expect(counts(frameworkById("tt18-2018") as Framework)).toMatchObject({
      criteria: 28,
      criteriaAtLevel: { 3: 20 },
      level4: null,
    });
    expect(counts(frameworkById("tt19-2018") as Framework)).toMatchObject({
      criteria: 25,
      criteriaAtLevel: { 3: 19 },
      level4: null,
    });
  });

  it("57/2026: 4 standards, 15 criteria (4+3+5+3), 2 levels, 8 mandatory, per annex", () => {
    for (const id of ["tt57-2026-mam-non", "tt57-2026-pho-thong"]) {
      const framework = frameworkById(id) as Framework;
      expect(counts(framework)).toMatchObject({
        standards: 4,
        criteria: 15,
        criteriaPerStandard: { 1: 4, 2: 3, 3: 5, 4: 3 },
        criteriaAtLevel: { 1: 15, 2: 15, 3: 0 },
        level4: 0,
        mandatory: 8,
      });
      expect(framework.levelCount).toBe(2);
      expect(framework.verified).toBe(false);
      expect(
        criteria(framework)
          .filter((c) => c.mandatory)
          .map((c) => c.id)
      ).toEqual(["1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]);
    }
    expect(frameworkById("tt57-2026-pho-thong")?.schoolLevels).toEqual(["tieu-hoc", "trung-hoc"]);
  });

  it("has unique ids, Mức 1 and Mức 2 for every criterion, ids in order", () => {
    for (const framework of CATALOGUE.frameworks) {
      const ids = criteria(framework).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      framework.standards.forEach((standard, s) => {
        expect(standard.id).toBe(String(s + 1));
        standard.criteria.forEach((criterion, i) => {
          expect(criterion.id).toBe(`${s + 1}.${i + 1}`);
          expect(criterion.levels[1].length).toBeGreaterThan(0);
          expect(criterion.levels[2].length).toBeGreaterThan(0);
          expect(criterion.maxLevel).toBe(criterion.levels[3] ? 3 : 2);
        });
      });
    }
  });

  it("keeps every text in Unicode NFC", () => {
    const texts: string[] = [];
    JSON.stringify(CATALOGUE, (_key, value) => {
      if (typeof value === "string") texts.push(value);
      return value;
    });
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((t) => t !== t.normalize("NFC"))).toEqual([]);
  });

  it("keeps a gap a gap: Mức 4 texts of tiểu học are null, not invented", () => {
    const level4 = frameworkById("tt17-2018")?.level4;
    expect(level4?.criteria.map((c) => c.text)).toEqual([null, null, null, null, null]);
    expect(frameworkById("tt17-2018")?.gaps.join(" ")).toMatch(/TT22\/2024/);
  });

  it("takes the reference's evident-slip corrections and keeps the other suspected slips verbatim, flagged", () => {
    const c16 = frameworkById("tt17-2018")?.standards[0]?.criteria[5];
    // Corrected in the reference (2026-12, textCorrections K6/K7): the text here follows it.
    expect(c16?.levels[1][1]?.text).toContain("quy chế chi tiêu nội bộ");
    expect(c16?.levels[1][2]?.text).toMatch(/để phục vụ các hoạt động giáo dục$/);
    // Kept as echoed by real plans (K6/K8), and said so.
    expect(c16?.levels[1][1]?.text).toContain("báo cáo tài chính và cơ sở vật chất");
    expect(c16?.flags).toMatch(/Kept verbatim/);
    const reference = referenceFile("tt17-tieu-hoc.json");
    const corrections = reference.standards
      .flatMap((s: { criteria: unknown[] }) => s.criteria)
      .flatMap((c: { textCorrections?: { corrected: string }[] }) => c.textCorrections ?? []);
    expect(corrections.length).toBeGreaterThanOrEqual(4);
    const texts = JSON.stringify(frameworkById("tt17-2018"));
    for (const c of corrections) expect(texts).toContain(c.corrected);
  });

  it("carries every repeal and suspension of the reference, as recorded, the 2018 text kept", () => {
    const files = {
      "tt17-2018": "tt17-tieu-hoc.json",
      "tt18-2018": "tt18-trung-hoc.json",
      "tt19-2018": "tt19-mam-non.json",
    };
    let seen = 0;
    for (const [id, file] of Object.entries(files)) {
      const framework = frameworkById(id) as Framework;
      const ref = referenceFile(file) as {
        standards: {
          criteria: {
            id: string;
            amendments?: {
              by: string;
              effective: string;
              action: string;
              level: string;
              keys: string[];
              confidence: string;
            }[];
          }[];
        }[];
      };
      for (const c of ref.standards.flatMap((s) => s.criteria)) {
        const expected = (c.amendments ?? [])
          .filter((a) => a.action === "repealed" || a.action === "suspended")
          .map((a) => ({
            by: a.by,
            effective: a.effective,
            action: a.action,
            level: Number(a.level),
            keys: a.keys,
            confidence: a.confidence,
          }));
        const criterion = criteria(framework).find((x) => x.id === c.id);
        expect({ id, criterion: c.id, changes: criterion?.changes ?? [] }).toEqual({
          id,
          criterion: c.id,
          changes: expected,
        });
        seen += expected.length;
      }
    }
    // TT17 1.5 (1), 2.2 (4); TT18 1.5 (2), 2.2 (2 suspended + 1 repealed); TT19 2.2 (2 suspended).
    expect(seen).toBeGreaterThanOrEqual(10);
    expect(
      criteria(frameworkById("tt17-2018") as Framework).find((c) => c.id === "1.5")?.levels[2]
    ).toHaveLength(3);
  });

  it("standard titles differ by level where the circulars differ", () => {
    expect(frameworkById("tt17-2018")?.standards[4]?.title).toBe(
      "Hoạt động giáo dục và kết quả giáo dục"
    );
    expect(frameworkById("tt19-2018")?.standards[4]?.title).toBe(
      "Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ"
    );
    expect(frameworkById("tt19-2018")?.standards[1]?.title).toBe(
      "Cán bộ quản lý, giáo viên, nhân viên"
    );
  });
});
