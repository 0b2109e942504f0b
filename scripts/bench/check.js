// Check speed: median time to check a 1,000-row plan (tables recognised, rows read, every rule),
// on the compiled core (lib/).
const { medianMs, compiledCore } = require("./stats");

async function run(report) {
  const core = compiledCore();
  const catalogue = core("core/catalogue");
  const { gridFromStrings } = core("core/plan/table");
  const { analyseTables } = core("core/plan/session");
  const { detectPlanIdentity } = core("core/plan/identity");
  const { check } = core("core/validation/check");

  const framework = catalogue.frameworkById("tt17-2018");
  const ids = catalogue.criteria(framework).map((c) => c.id);
  // A plan that really reaches 1,000 rows: the progress-tracking layout, many tasks per criterion,
  // wording varied from the indicators, with some mistakes (timeframes, budgets, a repeated row).
  const header = core("core/plan/layouts")
    .layoutById("progress")
    .columns.map((c) => c.header);
  const words = catalogue
    .criteria(framework)
    .flatMap((c) => [1, 2, 3].flatMap((l) => (c.levels[l] || []).map((i) => i.text)))
    .join(" ")
    .split(/\s+/);
  const rows = [header];
  for (let n = 0; rows.length < 1000; n++) {
    const id = ids[Math.floor((n * ids.length) / 999)];
    const task = words
      .slice((n * 7) % (words.length - 12), ((n * 7) % (words.length - 12)) + 12)
      .join(" ");
    rows.push([
      id.split(".")[0],
      id,
      String(n + 1),
      task,
      n % 7 ? "Tháng 9 đến tháng 12" : "Năm 2019",
      "Hiệu trưởng",
      n % 3 ? "Đang thực hiện" : "",
      "",
      "",
    ]);
  }
  const paragraphs = [
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
    "Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018",
    "Mức 3: Tổng số 19 tiêu chí, đạt 19/19, tỉ lệ 100%",
  ];
  const once = () => {
    const tables = analyseTables(
      [{ key: "t0", where: "Bảng 1", grid: gridFromStrings(rows) }],
      framework
    );
    return check({
      framework,
      level: "tieu-hoc",
      identity: detectPlanIdentity(paragraphs),
      paragraphs,
      tables,
    });
  };
  const findings = once();
  report("check.1000.median", medianMs(once, 20, 3), "ms");
  report("check.1000.findings", findings.length, "findings");

  // The monitoring report of the same 1,000-row plan ("Theo dõi"): tasks, statuses, overdue, per standard.
  const tracking = core("core/tracking/report");
  const { parseSchoolYear } = core("core/text/schoolYear");
  const analysed = analyseTables(
    [{ key: "t0", where: "Bảng 1", grid: gridFromStrings(rows) }],
    framework
  );
  const year = parseSchoolYear("2025-2026");
  const reportOnce = () =>
    tracking.monitoringReport(tracking.trackedRows(analysed, year, "2025-11-15"), "2025-11-15");
  report("report.1000.median", medianMs(reportOnce, 20, 3), "ms");
  report("report.1000.overdue", reportOnce().total.overdue, "rows");
}

module.exports = { run };
