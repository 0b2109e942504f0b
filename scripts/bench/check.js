// Check speed: median time to check a 1,000-row plan (tables recognised, rows read, every rule),
// on the compiled core (lib/).
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const HEADER = [
  "TT",
  "Tiêu chuẩn, tiêu chí",
  "Kết quả cần đạt (so với hiện trạng)",
  "Công việc/giải pháp cần thực hiện",
  "Chủ trì và phối hợp thực hiện",
  "Thời gian thực hiện và hoàn thành",
  "Dự kiến kinh phí",
  "Điều kiện hỗ trợ khác",
  "Ghi chú",
];

async function run(report) {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.lib.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  const catalogue = require(path.join(ROOT, "lib/core/catalogue"));
  const { gridFromStrings } = require(path.join(ROOT, "lib/core/plan/table"));
  const { analyseTables } = require(path.join(ROOT, "lib/core/plan/session"));
  const { detectPlanIdentity } = require(path.join(ROOT, "lib/core/plan/identity"));
  const { check } = require(path.join(ROOT, "lib/core/validation/check"));

  const framework = catalogue.frameworkById("tt17-2018");
  const ids = catalogue.criteria(framework).map((c) => c.id);
  const rows = [HEADER, ["MỨC 1, 2, 3", "", "", "", "", "", "", "", ""]];
  let n = 0;
  while (rows.length < 1000) {
    const id = ids[n % ids.length];
    rows.push([
      "",
      `Tiêu chí ${id}`,
      `Kết quả ${n} của tiêu chí ${id}`,
      `Giải pháp số ${n} cho ${id} với nội dung riêng`,
      "Hiệu trưởng",
      n % 7 ? "Tháng 9 đến tháng 12" : "Năm 2019",
      n % 5 ? "5 triệu đồng" : "khoảng 5",
      "",
      "",
    ]);
    n++;
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
  for (let i = 0; i < 3; i++) once();
  const times = [];
  for (let i = 0; i < 20; i++) {
    const start = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  report("check.1000.median", median(times), "ms");
  report("check.1000.findings", findings.length, "findings");
}

module.exports = { run };
