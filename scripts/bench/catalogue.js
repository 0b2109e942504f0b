// Catalogue search speed: median time per query over the three 2018 circulars, on the compiled
// core (lib/, built by `npm run build:lib`).

const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function run(report) {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.lib.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  const { SearchIndex, CATALOGUE } = require(path.join(ROOT, "lib/core/catalogue"));
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
