// Patch computation speed: median time to read a 1,000-row plan table (header recognition, row
// reading) and compute the fill patch for every criterion of Thông tư 17 (27 rows) and Mức 4.
// Runs on the compiled core (lib/).

const { median, compiledCore } = require("./stats");

/** A 1,000-row plan: every other criterion present, each followed by task rows, some cells filled. */
function bigTable(catalogue, rowsWanted, header) {
  const framework = catalogue.frameworkById("tt17-2018");
  const ids = catalogue.criteria(framework).map((c) => c.id);
  const rows = [header, ["MỨC 1, 2, 3", "", "", "", "", "", "", "", ""]];
  const perCriterion = Math.ceil(rowsWanted / ids.length);
  let standard = "";
  ids.forEach((id, i) => {
    const s = id.split(".")[0];
    if (s !== standard) {
      standard = s;
      rows.push([
        s,
        `Tiêu chuẩn ${s}: ${framework.standards[Number(s) - 1].title}`,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ]);
    }
    if (i % 2 === 0)
      rows.push(["", `Tiêu chí ${id}`, "Kết quả", "", "Hiệu trưởng", "", "", "", ""]);
    for (let k = 0; k < perCriterion - 1 && rows.length < rowsWanted; k++)
      rows.push(["", "", "", `Việc ${k}`, "", "Tháng 9", "", "", ""]);
  });
  while (rows.length < rowsWanted) rows.push(["", "", "", "", "", "", "", "", ""]);
  return { framework, rows: rows.slice(0, rowsWanted) };
}

async function run(report) {
  const core = compiledCore();
  const layouts = core("core/plan/layouts");
  const HEADER = layouts.createdColumns(layouts.layoutById("standard")).map((c) => c.header);
  const catalogue = core("core/catalogue");
  const { gridFromStrings } = core("core/plan/table");
  const { recognizeHeader } = core("core/plan/header");
  const { readPlanTable } = core("core/plan/rows");
  const { computeFillPatch } = core("core/plan/patch");
  const { criterionRowTemplate, level4RowTemplate } = core("core/plan/templates");
  const { parseSchoolYear } = core("core/text/schoolYear");

  const { framework, rows } = bigTable(catalogue, 1000, HEADER);
  const year = parseSchoolYear("2025-2026");
  const templates = catalogue
    .criteria(framework)
    .map((c) => criterionRowTemplate(framework, c.id, c.maxLevel, 1, year))
    .concat(["1", "2", "3", "4", "5"].map((id) => level4RowTemplate(framework, id, year)))
    .filter(Boolean);
  const once = () => {
    const grid = gridFromStrings(rows);
    const header = recognizeHeader(grid);
    if (!header.ok) throw new Error(header.reason);
    return computeFillPatch(readPlanTable(grid, header.match, framework), templates, framework);
  };
  const patch = once();
  for (let i = 0; i < 5; i++) once();
  const times = [];
  for (let i = 0; i < 40; i++) {
    const start = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  report("patch.1000.median", median(times), "ms");
  report("patch.1000.ops", patch.ops.length, "ops");
}

module.exports = { run };
