import { run } from "../../../src/cli/main";
import { CATALOGUE } from "../../../src/core/catalogue";

describe("khct catalogue", () => {
  it("prints the level's 2018 circular as JSON: standards, criteria, levels' indicators, the Mức 4 list", async () => {
    const result = await run(["catalogue", "--level", "tieu-hoc", "--json"]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.framework).toMatchObject({
      id: "tt17-2018",
      circular: "17/2018/TT-BGDĐT",
      schoolLevels: ["tieu-hoc"],
      verified: true,
    });
    expect(json.standards).toHaveLength(5);
    expect(json.standards.flatMap((s: { criteria: unknown[] }) => s.criteria)).toHaveLength(27);
    const c12 = json.standards[0].criteria[1];
    expect(c12).toMatchObject({ id: "1.2", maxLevel: 2, levels: { 3: null } });
    expect(c12.levels[1].map((i: { key: string }) => i.key)).toEqual(["a", "b", "c"]);
    expect(json.level4).toEqual({
      count: 5,
      criteria: [1, 2, 3, 4, 5].map((n) => ({ id: String(n), text: null })),
    });
    expect(json.counts.criteriaAtLevel).toEqual({ 1: 27, 2: 27, 3: 19 });
  });

  it("prints the same text as the catalogue, to the letter", async () => {
    const json = JSON.parse((await run(["catalogue", "--level", "mam-non", "--json"])).stdout);
    const framework = CATALOGUE.frameworks.find((f) => f.id === "tt19-2018");
    expect(json.standards.map((s: { title: string }) => s.title)).toEqual(
      framework?.standards.map((s) => s.title)
    );
    expect(json.standards[2].criteria[0].levels[1]).toEqual(
      framework?.standards[2]?.criteria[0]?.levels[1]
    );
  });

  it("takes a framework id, and prints readable Vietnamese text by default", async () => {
    const text = await run(["catalogue", "--framework", "tt57-2026-pho-thong"]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^Thông tư 57\/2026\/TT-BGDĐT ngày 07\/7\/2026, Phụ lục II/);
    expect(text.stdout).toContain(
      "Tiêu chí 1.3: Quản lý kế hoạch, nguồn lực, thông tin và dữ liệu (bắt buộc)"
    );
    expect(text.stdout).toContain("chưa đối chiếu với văn bản chính thức");
    expect((await run(["catalogue", "--level", "trung-hoc"])).stdout).toContain(
      "(số lượng và nguyên văn chưa có trong dữ liệu)"
    );
  });

  it.each([
    [["catalogue"], /Thiếu --level/],
    [["catalogue", "--level", "dai-hoc"], /Cấp học “dai-hoc” không hợp lệ/],
    [["catalogue", "--level"], /cần một giá trị/],
    [["catalogue", "--level", "tieu-hoc", "--bogus"], /tùy chọn không hợp lệ “--bogus”/],
    [["catalogue", "--framework", "tt99"], /Không có khung tiêu chí “tt99”/],
    [
      ["catalogue", "--level", "mam-non", "--framework", "tt17-2018"],
      /không áp dụng cho cấp mam-non/,
    ],
    [["frobnicate"], /Không có lệnh “frobnicate”/],
  ])("%j is a usage error with exit code 2 and a Vietnamese reason", async (argv, message) => {
    const result = await run(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Cách dùng");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
