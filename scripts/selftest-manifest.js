// manifest.selftest.xml: the add-in's manifest as a second, test-only add-in whose pane opens the
// self-test (taskpane.html?selftest=1) — its own id and name, so it sits beside KHCT. Generated from
// manifest.xml (`node scripts/selftest-manifest.js` rewrites it; a unit test fails when they drift).
const fs = require("fs");
const path = require("path");

const SELFTEST_ID = "9e2d6c1a-4f7b-4c3e-8a51-2b7f0d9c6e34";

function selftestManifest(xml) {
  return xml
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${SELFTEST_ID}</Id>`)
    .replace(
      /<DisplayName DefaultValue="[^"]*">\s*<Override Locale="en-US" Value="[^"]*"\/>/,
      '<DisplayName DefaultValue="KHCT - Tự kiểm tra">\n    <Override Locale="en-US" Value="KHCT - Self-test"/>'
    )
    .replace(/(https:\/\/localhost:\d+\/taskpane\.html)"/g, '$1?selftest=1"');
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  fs.writeFileSync(path.join(root, "manifest.selftest.xml"), selftestManifest(xml));
}

module.exports = { selftestManifest, SELFTEST_ID };
