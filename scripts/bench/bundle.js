// Bundle size: the task pane's JavaScript against a bare React + Fluent UI v9 shell built in the
// same run with the same webpack config (production mode), all gzipped at level 9.
//
// "initial" is the entry chunk (webpack's initial chunk): what the browser loads before the pane's
// first paint (header, language, banners). The rest of the pane is requested at that paint: the
// workspace (core, catalogue, file card, first panel) and, inside Office, the Word/Excel adapters.
// Both totals are reported beside it so the split is not mistaken for a smaller pane.

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "bench-out");

function gzip(file) {
  const js = fs.readFileSync(file);
  return { raw: js.length, gzip: zlib.gzipSync(js, { level: 9 }).length };
}

function build(name, extraEnv) {
  const outDir = path.join("bench-out", name);
  const statsFile = path.join(OUT, `${name}.stats.json`);
  const args = [
    "--mode",
    "production",
    "--env",
    `outDir=${outDir}`,
    ...extraEnv.flatMap((e) => ["--env", e]),
    `--json=${statsFile}`,
  ];
  execFileSync(path.join(ROOT, "node_modules/.bin/webpack"), args, { cwd: ROOT, stdio: "pipe" });
  const stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
  const dir = path.join(OUT, name);
  /** The gzipped size of a set of chunk groups' files, each file counted once. */
  const groups = (...names) => {
    const files = new Set(
      names.flatMap((n) => (stats.namedChunkGroups[n]?.assets ?? []).map((a) => a.name))
    );
    return [...files]
      .filter((f) => f.endsWith(".js"))
      .reduce((sum, f) => sum + gzip(path.join(dir, f)).gzip, 0);
  };
  return { entry: gzip(path.join(dir, "taskpane.js")), groups };
}

async function run(report) {
  const taskpane = build("taskpane", []);
  const baseline = build("baseline", ["baseline"]);
  const withoutCatalogue = build("nocatalogue", ["nocatalogue"]);
  const shell = baseline.entry.gzip;
  report("bundle.taskpane.raw", taskpane.entry.raw / 1024, "KB");
  report("bundle.taskpane.gzip", taskpane.entry.gzip / 1024, "KB");
  report("bundle.baseline.gzip", shell / 1024, "KB");
  report("bundle.taskpane.ratio", taskpane.entry.gzip / shell, "x");
  // Until the first panel shows: the entry, the workspace and what it shares with other chunks.
  const fileMode = taskpane.groups("taskpane", "workspace");
  const inOffice = taskpane.groups("taskpane", "workspace", "hosts");
  report("bundle.firstPanel.file.gzip", fileMode / 1024, "KB");
  report("bundle.firstPanel.file.ratio", fileMode / shell, "x");
  report("bundle.firstPanel.office.gzip", inOffice / 1024, "KB");
  report("bundle.firstPanel.office.ratio", inOffice / shell, "x");
  // The catalogue's share: the same pane built without the catalogue data, same run, same config.
  report(
    "bundle.catalogue.gzip",
    (taskpane.groups("taskpane", "workspace") - withoutCatalogue.groups("taskpane", "workspace")) /
      1024,
    "KB"
  );
}

module.exports = { run };
