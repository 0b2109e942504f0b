// Small helpers shared by the benchmarks.
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median time in ms of `runs` calls of `fn`, after `warmup` calls that are not timed. */
function medianMs(fn, runs, warmup = 0) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** Compiles the core into lib/ and returns a require for its modules ("core/plan/table"). */
function compiledCore() {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.lib.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  return (module) => require(path.join(ROOT, "lib", module));
}

module.exports = { ROOT, median, medianMs, compiledCore };
