/**
 * The real plans in test/fixtures/seeds, their text and their tables (transcribed in
 * test/fixtures/tables.ts), checked whole: the findings a careful reader expects, written down.
 */
import * as fs from "fs";
import * as path from "path";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { analyseTables } from "../../../src/core/plan/session";
import { buildGrid, type RawCell } from "../../../src/core/plan/table";
import { check } from "../../../src/core/validation/check";
import {
  ASSESSMENT_2022,
  ASSESSMENT_LEVEL4_2022,
  PROGRESS_2025,
  SOLUTIONS_2022,
  STANDARD_2021,
} from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
/**
 * The seeds are PDF text: a blank line ends a paragraph, and so does a heading or list item that
 * starts a line (in the document each is its own paragraph). Markdown marks in one seed are dropped.
 */
const seed = (name: string) =>
  fs
    .readFileSync(path.resolve(__dirname, "../../fixtures/seeds", name), "utf8")
    .replace(/\*\*/g, "")
    .replace(/^[#\s]+(?=\S)/gm, "")
    .split(/\n\s*\n|\n(?=(?:[IVX]{1,4}|\d{1,2})\.\s|- )/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);

function checkSeed(name: string, tables: RawCell[][][]) {
  const paragraphs = seed(name);
  const analysed = analyseTables(
    tables.map((rows, i) => ({ key: `t${i}`, where: `Bảng ${i + 1}`, grid: buildGrid(rows) })),
    tt17
  );
  return check({
    framework: tt17,
    level: "tieu-hoc",
    identity: detectPlanIdentity(paragraphs),
    paragraphs,
    tables: analysed,
  });
}
const summary = (findings: ReturnType<typeof checkSeed>) =>
  findings.map((f) => `${f.severity} ${f.rule}${f.criterion ? ` ${f.criterion}` : ""}`);

describe("seed plans", () => {
  it("tiểu học 2025-2026 (progress layout): no false Lỗi; sections IV–V missing, two summer starts", () => {
    const findings = checkSeed("tieu-hoc-2025-2026.txt", [PROGRESS_2025]);
    expect(findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`)).toEqual([
      "warning section-numbering: Mục VI đứng sau mục III: thiếu mục IV.",
      // One cause, one finding, its rows listed.
      "warning timeframe: 2 dòng bắt đầu trong hè mà không ghi năm: Tiêu chí 1.1 (“Tháng 6 đến tháng 9 hằng năm.”), Tiêu chí 1.2 (“Tháng 8 đến tháng 12 hằng năm.”); nếu là hè trước năm học 2025-2026 thì là thời gian chuẩn bị — nên ghi rõ năm (ví dụ “tháng 8/2025”).",
      // The plan counts 27 criteria at Mức 2 after Thông tư 22/2024 repealed 1.5's: said, not an error.
      "hint statement: “Mức 2: tổng số 27 tiêu chí” — theo Thông tư 17/2018/TT-BGDĐT là 27; Thông tư 22/2024 (hiệu lực 25/01/2025) bãi bỏ Mức 2 của tiêu chí 1.5 theo nguồn thứ cấp, nên có thể chỉ còn 26. KHCT chưa đối chiếu văn bản chính thức nên không coi con số nào là lỗi.",
    ]);
  });

  it("tiểu học giai đoạn 2022-2025: section IV repeated after V, a heading 2 missing, budgets totalled; years within the period", () => {
    const findings = checkSeed("tieu-hoc-giai-doan-2022-2025.txt", [
      ASSESSMENT_2022,
      ASSESSMENT_LEVEL4_2022,
      SOLUTIONS_2022,
    ]);
    expect(findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`)).toEqual([
      "warning section-numbering: Mục IV lặp lại hoặc lùi số (sau mục V).",
      "hint section-numbering: Trong mục II, đề mục 3. đứng sau 1.",
      "hint budget: Tổng kinh phí dự kiến (các khoản một lần): 4.100.000.000 đồng.",
    ]);
  });

  it("tiểu học 2021-2022 (standard layout): a preschool title, standard 5 numbered 4, sections IV–V missing", () => {
    const findings = checkSeed("tieu-hoc-2021-2022.txt", [STANDARD_2021]);
    expect(summary(findings)).toEqual([
      "error standard-title",
      "error standard-numbering",
      "warning section-numbering",
    ]);
  });
});
