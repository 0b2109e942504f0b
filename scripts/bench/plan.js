// Patch computation speed: median time to read a 1,000-row plan table (header recognition, row
// reading) and compute the fill patch for every criterion of Thông tư 17 (27 rows) and Mức 4.
// Runs on the compiled core (lib/).

const { medianMs, compiledCore } = require("./stats");

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
  report("patch.1000.median", medianMs(once, 40, 5), "ms");
  report("patch.1000.ops", patch.ops.length, "ops");

  // Undo of that fill on the 1,000-row table after a co-author inserted 20 rows at the top of the
  // body: finding every touched row again and planning the guarded edits and removals.
  const { applyPatch } = core("core/plan/patch");
  const { fillChange, planRevert } = core("core/history/change");
  const grid = gridFromStrings(rows);
  const after = applyPatch(rows, patch).rows;
  const change = fillChange("t", grid, patch, []);
  const blank = rows[0].map(() => "");
  const moved = [
    after[0],
    ...Array.from({ length: 20 }, (_, i) => blank.map((_, c) => (c === 3 ? `Dòng thêm ${i}` : ""))),
    ...after.slice(1),
  ];
  const now = [{ key: "t", grid: gridFromStrings(moved) }];
  const revert = () => planRevert(now, change);
  const plan = revert();
  if (plan.refused.length > 0) throw new Error("undo refused rows on an untouched table");
  report("undo.plan.1000.median", medianMs(revert, 20), "ms");
  report("undo.plan.1000.rows", change.rows.length, "rows");
}

module.exports = { run };
