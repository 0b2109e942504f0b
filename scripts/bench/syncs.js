// Sync counts through the host adapters, on the recording fakes (compiled with tsconfig.bench.json).
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");

async function run(report) {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.bench.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  await require(path.join(ROOT, "bench-out/lib/scripts/bench/syncs.js")).run(report);
}

module.exports = { run };
