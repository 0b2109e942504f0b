// Small helpers shared by the benchmarks.
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Compiles the core into lib/ and returns a require for its modules ("core/plan/table"). */
function compiledCore() {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.lib.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  return (module) => require(path.join(ROOT, "lib", module));
}

module.exports = { ROOT, median, compiledCore };
