// Catalogue search speed: median time per query over the three 2018 circulars, on the compiled
// core (lib/, built by `npm run build:lib`).

const { median, compiledCore } = require("./stats");

const QUERIES = [
  "thu vien",
  "an ninh",
  "1.10",
  "co so vat chat",
  "hoi dong truong",
  "giao vien",
  "tc 2.2",
  "ke hoach",
  "khuyet tat",
  "dang",
  "cha me hoc sinh",
  "xyzzy",
];

async function run(report) {
  const core = compiledCore();
  const { SearchIndex, CATALOGUE } = core("core/catalogue");
  const ids = ["tt17-2018", "tt18-2018", "tt19-2018"];
  const index = new SearchIndex(CATALOGUE.frameworks.filter((f) => ids.includes(f.id)));
  for (let i = 0; i < 200; i++) for (const q of QUERIES) index.search(q); // warm-up
  const times = [];
  for (let round = 0; round < 300; round++) {
    for (const q of QUERIES) {
      const start = process.hrtime.bigint();
      index.search(q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  report("catalogue.search.median", median(times), "ms");
  report(
    "catalogue.search.p95",
    [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)],
    "ms"
  );
}

module.exports = { run };
