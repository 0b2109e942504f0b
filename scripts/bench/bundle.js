// Bundle size: the task pane's JavaScript against a bare React + Fluent UI v9 shell built in the
// same run with the same webpack config (production mode), all gzipped at level 9.

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "bench-out");

function build(name, extraEnv) {
  const outDir = path.join("bench-out", name);
  const args = [
    "--mode",
    "production",
    "--env",
    `outDir=${outDir}`,
    ...extraEnv.flatMap((e) => ["--env", e]),
  ];
  execFileSync(path.join(ROOT, "node_modules/.bin/webpack"), args, { cwd: ROOT, stdio: "pipe" });
  const js = fs.readFileSync(path.join(OUT, name, "taskpane.js"));
  return { raw: js.length, gzip: zlib.gzipSync(js, { level: 9 }).length };
}

async function run(report) {
  const taskpane = build("taskpane", []);
  const baseline = build("baseline", ["baseline"]);
  const withoutCatalogue = build("nocatalogue", ["nocatalogue"]);
  report("bundle.taskpane.raw", taskpane.raw / 1024, "KB");
  report("bundle.taskpane.gzip", taskpane.gzip / 1024, "KB");
  report("bundle.baseline.gzip", baseline.gzip / 1024, "KB");
  report("bundle.taskpane.ratio", taskpane.gzip / baseline.gzip, "x");
  // The catalogue's share: the same pane built without the catalogue data, same run, same config.
  report("bundle.catalogue.gzip", (taskpane.gzip - withoutCatalogue.gzip) / 1024, "KB");
}

module.exports = { run };
