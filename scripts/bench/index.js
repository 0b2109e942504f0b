// `npm run bench`: prints one line per figure, `<name>: <number> <unit>`, so runs can be compared.
// Each module in this folder exports `run(report)` and reports its own figures.

const path = require("path");

const SUITES = ["bundle", "catalogue", "plan", "check", "syncs", "file"];

async function main() {
  const only = process.argv.slice(2);
  const report = (name, value, unit) => {
    const number = Number.isInteger(value) ? String(value) : value.toFixed(value < 1 ? 4 : 2);
    process.stdout.write(`${name}: ${number} ${unit}\n`);
  };
  for (const suite of SUITES) {
    if (only.length > 0 && !only.includes(suite)) continue;
    await require(path.join(__dirname, suite)).run(report);
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack || error}`);
  process.exit(1);
});
