import * as fs from "fs";
import * as path from "path";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import {
  parseSettings,
  serializeSettings,
  SETTINGS_MAX_LENGTH,
} from "../../../src/core/plan/settings";

const SEEDS = path.resolve(__dirname, "../../fixtures/seeds");
/** The seeds are text extracted from PDF, one printed line per line; a blank line ends a paragraph. */
const seed = (name: string) =>
  fs
    .readFileSync(path.join(SEEDS, name), "utf8")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " "));

describe("detectPlanIdentity on real plans", () => {
  it("tiểu học 2025-2026 (Thanh Luông)", () => {
    const identity = detectPlanIdentity(seed("tieu-hoc-2025-2026.txt"));
    expect(identity.level).toBe("tieu-hoc");
    expect(identity.conflicting).toBe(false);
    expect(identity.schoolName).toBe("Trường Tiểu học Thanh Luông");
    expect(identity.schoolYear?.text).toBe("2025-2026"); // the title writes "NĂM HỌC 2025- 2026"
    expect(identity.citedCirculars).toEqual(
      expect.arrayContaining([
        "17/2018/TT-BGDĐT",
        "22/2024/TT-BGDĐT",
        "18/2018/TT-BGDĐT",
        "19/2018/TT-BGDĐT",
      ])
    );
  });

  it("tiểu học giai đoạn 2022-2025 (Bắc Hưng, header block in capitals)", () => {
    const identity = detectPlanIdentity(seed("tieu-hoc-giai-doan-2022-2025.txt"));
    expect(identity.level).toBe("tieu-hoc");
    expect(identity.schoolName).toBe("Trường Tiểu học Bắc Hưng");
    expect(identity.period).toEqual({ start: 2022, end: 2025 });
  });

  it("tiểu học 2021-2022: year from the title with an en dash", () => {
    const identity = detectPlanIdentity(seed("tieu-hoc-2021-2022.txt"));
    expect(identity.schoolYear?.text).toBe("2021-2022");
  });
});

describe("detectPlanIdentity", () => {
  it.each([
    ["TRƯỜNG MẦM NON HOA SEN", "mam-non", "Trường Mầm non Hoa Sen"],
    ["Trường THCS Nguyễn Du", "trung-hoc", "Trường THCS Nguyễn Du"],
    ["TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN", "trung-hoc", "Trường Trung học phổ thông Chu Văn An"],
    ["Trường TH&THCS Quang Trung", "trung-hoc", "Trường TH&THCS Quang Trung"],
    ["Trường Mẫu giáo Sơn Ca", "mam-non", "Trường Mẫu giáo Sơn Ca"],
  ])("%s", (line, level, name) => {
    const identity = detectPlanIdentity([line, "Năm học 2024 - 2025"]);
    expect(identity.level).toBe(level);
    expect(identity.schoolName).toBe(name);
    expect(identity.schoolYear?.text).toBe("2024-2025");
  });

  it("reports conflicting evidence and trusts the school's name over a citation", () => {
    const identity = detectPlanIdentity([
      "TRƯỜNG MẦM NON HOA SEN",
      "Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018",
    ]);
    expect(identity.level).toBe("mam-non");
    expect(identity.conflicting).toBe(true);
    expect(identity.evidence.map((e) => e.source)).toEqual(["school-name", "circular"]);
  });

  it("finds nothing in an empty or unrelated document", () => {
    expect(detectPlanIdentity([])).toEqual({
      level: null,
      evidence: [],
      conflicting: false,
      schoolName: null,
      schoolYear: null,
      citedCirculars: [],
      period: null,
      successorForm: false,
    });
    expect(detectPlanIdentity(["Biên bản họp", "năm học 2017-1018"]).schoolYear).toBeNull();
  });
});

describe("plan settings", () => {
  const settings = {
    version: 1,
    level: "tieu-hoc",
    frameworkId: "tt17-2018",
    schoolYear: "2025-2026",
  } as const;

  it("round-trips within the 255 characters of a Word custom property", () => {
    const text = serializeSettings(settings);
    expect(text.length).toBeLessThanOrEqual(SETTINGS_MAX_LENGTH);
    expect(parseSettings(text)).toEqual(settings);
  });

  it.each([
    [undefined],
    [null],
    [42],
    [""],
    ["not json"],
    ['{"v":2,"level":"tieu-hoc","fw":"tt17-2018"}'],
    ['{"v":1,"level":"dai-hoc","fw":"tt17-2018"}'],
    ['{"v":1,"level":"mam-non","fw":"tt17-2018"}'],
    ['{"v":1,"level":"tieu-hoc","fw":"tt99"}'],
    ["x".repeat(300)],
  ])("rejects %j without throwing", (raw) => {
    expect(parseSettings(raw)).toBeNull();
  });

  it("drops an impossible school year but keeps the rest", () => {
    expect(
      parseSettings('{"v":1,"level":"tieu-hoc","fw":"tt17-2018","year":"2017-1018"}')
    ).toMatchObject({ level: "tieu-hoc", schoolYear: null });
  });
});
