import {
  chooseFramework,
  criteria,
  defaultFramework,
  findCriterion,
  frameworkById,
  indicatorsToReach,
  parseCriterionRef,
  SearchIndex,
  CATALOGUE,
  formatDate,
  circularKey,
  indicatorChange,
  indicatorsInForce,
  levelIndicators,
} from "../../../src/core/catalogue";
import type { Criterion, Framework } from "../../../src/core/catalogue";
import { criterionRowTemplate } from "../../../src/core/plan/templates";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";

const tt17 = frameworkById("tt17-2018") as Framework;
const tt19 = frameworkById("tt19-2018") as Framework;

describe("parseCriterionRef", () => {
  it.each([
    ["Tiêu chí 1.2", "1.2", "label", true],
    ["tiêu chí 2. 2", "2.2", "label", false],
    ["Tiêu chí 2 .2", "2.2", "label", false],
    ["TIÊU CHÍ 3.6", "3.6", "label", false],
    ["Tieu chi 3.6", "3.6", "label", false],
    ["TC 2.2", "2.2", "abbreviation", false],
    ["TC2.2", "2.2", "abbreviation", false],
    ["2.2", "2.2", "bare", true],
    ["Tiêu chí 1.10", "1.10", "label", true],
    ["Tiêu chí số 1.3", "1.3", "label", false],
    ["Tiêu chí 2,2", "2.2", "label", false],
  ])("%s -> %s", (input, id, form, canonical) => {
    const parsed = parseCriterionRef(input);
    expect(parsed).toMatchObject({
      ok: true,
      ref: { kind: "criterion", id },
      form,
      canonical,
      label: `Tiêu chí ${id}`,
    });
  });

  it("splits off a title after the label", () => {
    expect(
      parseCriterionRef("Tiêu chí 1.2: Hội đồng trường (Hội đồng quản trị đối với trường tư thục)")
    ).toMatchObject({
      ok: true,
      rest: "Hội đồng trường (Hội đồng quản trị đối với trường tư thục)",
    });
    expect(parseCriterionRef("Tiêu chí 1.10. Đảm bảo an ninh trật tự")).toMatchObject({
      ok: true,
      ref: { id: "1.10" },
      rest: "Đảm bảo an ninh trật tự",
    });
  });

  it("reads level-4 references under the MỨC 4 heading only", () => {
    expect(parseCriterionRef("Tiêu chí 3", { section: "level4", framework: tt17 })).toMatchObject({
      ok: true,
      ref: { kind: "level4", id: "3" },
      label: "Tiêu chí 3",
      level4: { id: "3", text: null },
    });
    expect(parseCriterionRef("Tiêu chí 3")).toMatchObject({
      ok: false,
      code: "needs-criterion-number",
    });
    expect(parseCriterionRef("Tiêu chí 6", { section: "level4", framework: tt17 })).toMatchObject({
      ok: false,
      code: "unknown-level4",
    });
    expect(
      parseCriterionRef("Tiêu chí 2", {
        section: "level4",
        framework: frameworkById("tt57-2026-pho-thong"),
      })
    ).toMatchObject({ ok: false, code: "no-level4" });
    // Mức 4 size unknown for trung học: accepted, not checked.
    expect(
      parseCriterionRef("Tiêu chí 6", { section: "level4", framework: frameworkById("tt18-2018") })
    ).toMatchObject({ ok: true });
  });

  it("checks existence for the school level, with the reason", () => {
    const wrong = parseCriterionRef("Tiêu chí 5.6", { framework: tt19 });
    expect(wrong).toMatchObject({ ok: false, code: "unknown-criterion" });
    expect(!wrong.ok && wrong.reason).toBe(
      "Thông tư 19/2018/TT-BGDĐT không có Tiêu chí 5.6: Tiêu chuẩn 5 có 4 tiêu chí (5.1–5.4)."
    );
    expect(parseCriterionRef("Tiêu chí 6.1", { framework: tt19 })).toMatchObject({
      ok: false,
      code: "unknown-standard",
    });
    expect(
      parseCriterionRef("Tiêu chí 5.6", { framework: frameworkById("tt18-2018") })
    ).toMatchObject({ ok: true, criterion: { title: "Kết quả giáo dục" } });
  });

  it.each([
    "",
    "   ",
    "Giải pháp",
    "abc 1",
    "Tiêu chuẩn 1",
    "Tiêu chí",
    "2025-2026",
    "1, 2",
    "100.000đ",
  ])("rejects %j with a reason", (input) => {
    const parsed = parseCriterionRef(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason.length).toBeGreaterThan(5);
  });
});

describe("search", () => {
  const index = new SearchIndex(CATALOGUE.frameworks);
  const top = (query: string, frameworkIds = ["tt17-2018"]) =>
    index.search(query, { frameworkIds })[0];

  it("finds by unaccented words", () => {
    expect(top("thu vien")).toMatchObject({ criterion: { id: "3.6" }, field: "title" });
    expect(top("an ninh")?.criterion.id).toBe("1.10");
    expect(top("THƯ VIỆN")?.criterion.id).toBe("3.6");
    expect(top("dang")?.criterion.title).toMatch(/Đảng/); // đ as d, prefix while typing
  });

  it("finds by id and by label", () => {
    expect(
      index.search("1.10", { frameworkIds: ["tt17-2018"] }).map((h) => h.criterion.id)
    ).toEqual(["1.10"]);
    expect(top("tc 3.6")?.criterion.id).toBe("3.6");
    expect(index.search("1.10").length).toBe(3); // the three 2018 circulars each have a 1.10
  });

  it("finds words inside indicator texts, and says which level", () => {
    const hit = index.search("khuyet tat", { frameworkIds: ["tt17-2018"] })[0];
    expect(hit?.field).toBe("indicator");
    expect(hit?.level).toBeDefined();
  });

  it("requires every word and returns nothing for nonsense", () => {
    expect(index.search("xyzzy")).toEqual([]);
    expect(index.search("thu vien xyzzy")).toEqual([]);
    expect(index.search("   ")).toEqual([]);
  });
});

describe("indicatorsToReach", () => {
  const c11 = findCriterion(tt17, "1.1")?.criterion;
  const c12 = findCriterion(tt17, "1.2")?.criterion;
  it("lists the levels above the current one up to the target", () => {
    expect(indicatorsToReach(c11!, 3, 1)?.map((r) => r.level)).toEqual([2, 3]);
    expect(indicatorsToReach(c11!, 2, 0)?.map((r) => [r.level, r.indicators.length])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(indicatorsToReach(c11!, 2, 2)).toEqual([]);
  });
  it("refuses a level the criterion does not have", () => {
    expect(c12?.maxLevel).toBe(2);
    expect(indicatorsToReach(c12!, 3)).toBeNull();
  });
});

describe("chooseFramework", () => {
  it("defaults to the level's 2018 circular", () => {
    expect(chooseFramework({ level: "mam-non" })).toMatchObject({
      framework: { id: "tt19-2018" },
      reason: "default",
      notes: [],
    });
    expect(defaultFramework("trung-hoc").id).toBe("tt18-2018");
  });

  it("follows the circular the plan cites, and says when it does not fit the level", () => {
    expect(
      chooseFramework({
        level: "tieu-hoc",
        citedCirculars: ["17/2018/TT-BGDĐT", "22/2024/TT-BGDĐT"],
      })
    ).toMatchObject({ framework: { id: "tt17-2018" }, reason: "cited" });
    const mismatch = chooseFramework({ level: "mam-non", citedCirculars: ["17/2018/TT-BGDĐT"] });
    expect(mismatch.framework.id).toBe("tt19-2018");
    expect(mismatch.notes.map((n) => n.code)).toEqual(["circular-level-mismatch"]);
  });

  it("chooses 57/2026 when the plan cites it, and marks it unverified", () => {
    const choice = chooseFramework({ level: "trung-hoc", citedCirculars: ["57/2026/TT-BGDĐT"] });
    expect(choice.framework.id).toBe("tt57-2026-pho-thong");
    expect(choice.notes.map((n) => n.code)).toEqual(["unverified"]);
  });

  it("mentions the successor for a school year after it was issued", () => {
    expect(
      chooseFramework({ level: "tieu-hoc", schoolYear: parseSchoolYear("2025-2026") }).notes
    ).toEqual([]);
    expect(
      chooseFramework({ level: "tieu-hoc", schoolYear: parseSchoolYear("2026-2027") }).notes.map(
        (n) => n.code
      )
    ).toEqual(["successor"]);
  });

  it("lets the user override", () => {
    expect(
      chooseFramework({
        level: "tieu-hoc",
        override: "tt57-2026-pho-thong",
        citedCirculars: ["17/2018"],
      })
    ).toMatchObject({ framework: { id: "tt57-2026-pho-thong" }, reason: "user" });
    expect(
      chooseFramework({ level: "mam-non", override: "tt17-2018" }).notes.map((n) => n.code)
    ).toContain("user-framework-level-mismatch");
    expect(chooseFramework({ level: "mam-non", override: "nope" }).framework.id).toBe("tt19-2018");
  });

  it("formats dates and circular keys the Vietnamese way", () => {
    expect(formatDate("2026-07-07")).toBe("07/7/2026");
    expect(circularKey("Thông tư số 17/2018/TT-BGD&ĐT")).toBe("17/2018");
  });

  it("gives every criterion of every framework a title", () => {
    for (const framework of CATALOGUE.frameworks)
      for (const c of criteria(framework)) expect(c.title.trim()).not.toBe("");
  });
});

describe("repeals and suspensions by date (Thông tư 22/2024 from 25/01/2025, Thông tư 29/2021 from 20/10/2021)", () => {
  const c15 = findCriterion(tt17, "1.5")?.criterion as Criterion;
  const c22 = findCriterion(tt17, "2.2")?.criterion as Criterion;

  it("keeps the 2018 text, and says what applies on a date", () => {
    expect(levelIndicators(c15, 2)?.map((i) => i.key)).toEqual(["a", "b", "c"]);
    expect(indicatorChange(c15, 2, "a", null)).toBeNull();
    expect(indicatorChange(c15, 2, "a", "2024-09-01")).toBeNull();
    expect(indicatorChange(c15, 2, "a", "2025-01-25")).toMatchObject({
      by: "22/2024/TT-BGDĐT",
      action: "repealed",
    });
    expect(indicatorChange(c22, 2, "a", "2022-09-01")).toMatchObject({
      by: "29/2021/TT-BGDĐT",
      action: "suspended",
    });
    expect(indicatorChange(c22, 2, "a", "2025-09-01")).toMatchObject({
      by: "22/2024/TT-BGDĐT",
      action: "repealed",
    });
    const keys = (levelIndicators(c22, 2) ?? []).map((i) => i.key);
    expect(indicatorsInForce(c22, 2, "2025-09-01")?.map((i) => i.key)).toEqual(
      keys.filter((k) => k !== "a")
    );
    expect(indicatorsInForce(c22, 2, "2022-09-01")?.map((i) => i.key)).toEqual(keys);
  });

  it("a plan from 2025-2026 is not asked to reach a repealed indicator; a 2024-2025 plan still is", () => {
    const y2024 = parseSchoolYear("2024-2025");
    const y2025 = parseSchoolYear("2025-2026");
    expect(criterionRowTemplate(tt17, "1.5", 2, 1, y2024)?.values.target).toMatch(
      /^Đạt Mức 2: a\) Trường có không quá 30/
    );
    expect(criterionRowTemplate(tt17, "1.5", 2, 1, y2025)).toBeNull();
    expect(criterionRowTemplate(tt17, "2.2", 2, 1, y2024)?.values.target).toMatch(
      /trên chuẩn trình độ đào tạo/
    );
    expect(criterionRowTemplate(tt17, "2.2", 2, 1, y2025)?.values.target).not.toMatch(
      /trên chuẩn trình độ đào tạo/
    );
  });
});
