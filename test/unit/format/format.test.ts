import { defaultFramework } from "../../../src/core/catalogue";
import { buildStandardPlan } from "../../../src/core/document/standardPlan";
import { paragraphText } from "../../../src/core/document/model";
import { documentParts } from "../../../src/core/format/documentParts";
import { normalizations, normalizeText } from "../../../src/core/format/normalize";
import {
  formatChanges,
  tableFormatTarget,
  type FormatFacts,
} from "../../../src/core/format/planFormat";
import { ND30_PROFILE } from "../../../src/core/format/profile";
import { analyseTables } from "../../../src/core/plan/session";
import { buildGrid, gridFromStrings } from "../../../src/core/plan/table";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { STANDARD_2021, STANDARD_HEADER } from "../../fixtures/tables";

const framework = defaultFramework("tieu-hoc");

describe("text normalisation keeps the words", () => {
  it.each([
    ["Tiêu chí 2. 2", "Tiêu chí 2.2", ["label"]],
    ["tiêu chí 1 .10", "Tiêu chí 1.10", ["label", "label-capital"]],
    ["Trong năm học 2025 - 2026", "Trong năm học 2025-2026", ["year-range"]],
    ["Năm học 2025– 2026  ", "Năm học 2025-2026", ["year-range", "spaces"]],
    ["Hiệu  trưởng,   Phó hiệu trưởng", "Hiệu trưởng, Phó hiệu trưởng", ["spaces"]],
    ["tiêu chuẩn 3: Cơ sở vật chất", "Tiêu chuẩn 3: Cơ sở vật chất", ["label-capital"]],
  ])("%j → %j", (input, output, kinds) => {
    expect(normalizeText(input)).toEqual({ text: output, kinds });
  });

  it.each([
    "Tiêu chí 2.2",
    "Giai đoạn 2022 - 2025", // not one school year: left alone
    "Đạt 3. 5 điểm", // not a label
    "  Thụt đầu dòng", // leading spaces are the user's layout
  ])("leaves %j alone", (text) => {
    expect(
      normalizeText(text).kinds.filter((k) => k !== "spaces" || /\S {2,}\S| +$/.test(text))
    ).toEqual([]);
  });

  it("lists the cells of a plan table to rewrite, with what they hold now", () => {
    const grid = gridFromStrings([
      [...STANDARD_HEADER],
      ["MỨC 1, 2, 3", "", "", "", "", "", "", "", ""],
      [
        "",
        "Tiêu chí 1. 4",
        "Đạt  Mức 2",
        "Sinh hoạt chuyên môn",
        "Tổ trưởng",
        "Năm học 2025 - 2026",
        "Không",
        "",
        "",
      ],
    ]);
    const tables = analyseTables([{ key: "t", where: "Bảng 1", grid }], framework);
    expect(normalizations(tables)).toEqual([
      {
        table: "t",
        row: 2,
        col: 1,
        expected: "Tiêu chí 1. 4",
        text: "Tiêu chí 1.4",
        kinds: ["label"],
      },
      { table: "t", row: 2, col: 2, expected: "Đạt  Mức 2", text: "Đạt Mức 2", kinds: ["spaces"] },
      {
        table: "t",
        row: 2,
        col: 5,
        expected: "Năm học 2025 - 2026",
        text: "Năm học 2025-2026",
        kinds: ["year-range"],
      },
    ]);
  });
});

describe("the parts of the administrative format", () => {
  it("finds every part in KHCT's own standard plan", () => {
    const model = buildStandardPlan({
      level: "tieu-hoc",
      year: parseSchoolYear("2025-2026")!,
      framework,
    });
    const texts = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === "paragraph"
          ? [paragraphText(b)]
          : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs.map(paragraphText)))
      )
    );
    expect(documentParts(texts).missing).toEqual([]);
  });

  it("reports what a plan without header block and signature lacks", () => {
    const { missing, present } = documentParts([
      "TRƯỜNG TIỂU HỌC HOA SEN",
      "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026",
      "Nơi nhận:",
    ]);
    expect(present).toEqual(["title", "noiNhan"]);
    expect(missing.map((p) => p.id)).toEqual([
      "quocHieu",
      "tieuNgu",
      "number",
      "dateLine",
      "signature",
    ]);
  });
});

describe("plan table format and the preview of changes", () => {
  const tables = analyseTables(
    [{ key: "t", where: "Bảng 1", grid: buildGrid(STANDARD_2021) }],
    framework
  );
  const target = tableFormatTarget(tables[0]!, ND30_PROFILE)!;

  it("bold header, section and standard rows; TT narrow; widths sum to 1", () => {
    expect(target.headerRows).toBe(1);
    expect(target.boldRows.slice(0, 3)).toEqual([0, 1, 2]);
    expect(target.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(target.widths[0]).toBeLessThan(Math.min(...target.widths.slice(1)));
    expect(target.spanRows[0]).toEqual({ row: 1, from: 0 });
  });

  const clean: FormatFacts = {
    bodyFonts: ["Times New Roman"],
    bodySizes: [14],
    tableFont: "Times New Roman",
    tablePt: 12,
    headerRepeat: 1,
    boldRows: target.boldRows,
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    print: null,
  };

  it("a document already in the format needs only the table look that cannot be read", () => {
    expect(formatChanges(clean, target, ND30_PROFILE, [], "word", true).map((c) => c.id)).toEqual([
      "borders",
      "widths",
    ]);
  });

  it("lists only what differs: borders and widths already right are not listed again", () => {
    const known = {
      ...clean,
      borders: true,
      widths: target.widths,
      orientation: "landscape" as const,
    };
    expect(formatChanges(known, target, ND30_PROFILE, [], "word", true)).toEqual([]);
  });

  it("a table whose longest words do not fit upright asks for a landscape page, by hand", () => {
    expect(target.orientation).toBe("landscape");
    const upright = {
      ...clean,
      borders: true,
      widths: target.widths,
      orientation: "portrait" as const,
    };
    const changes = formatChanges(upright, target, ND30_PROFILE, [], "word", true);
    expect(changes.map((c) => [c.id, Boolean(c.manual)])).toEqual([["landscape", true]]);
  });

  it("says what is off, and what must be done by hand where the API cannot", () => {
    const changes = formatChanges(
      {
        ...clean,
        bodyFonts: ["Arial", "Times New Roman"],
        bodySizes: [12, 14],
        headerRepeat: 0,
        marginsMm: null,
      },
      target,
      ND30_PROFILE,
      [],
      "word",
      false
    );
    expect(changes.find((c) => c.id === "body-font")?.label).toBe(
      "Phông chữ thân văn bản: Arial → Times New Roman"
    );
    expect(changes.find((c) => c.id === "body-size")?.label).toMatch(/12 → 14/);
    expect(changes.find((c) => c.id === "header-repeat")).toBeTruthy();
    expect(changes.find((c) => c.id === "margins")?.manual).toMatch(
      /Bố cục \(Layout\) › Lề \(Margins\)/
    );
  });
});
