// Refreshes KHCT's own copy of the reference material from the steering folder beside the checkout
// (../shared, or KHCT_SHARED_DIR): the regulations as facts (reference/catalogue, with NOTES.md) and
// the real plans used as test seeds (test/fixtures/seeds). Nothing in the build or the tests reads
// outside the repository; this script is the one door, run by hand when the reference changes:
//   npm run reference:refresh && npm run catalogue:build
// A checkout without ../shared keeps its copy and is told so (exit 0).

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SHARED = process.env.KHCT_SHARED_DIR || path.resolve(ROOT, "../shared");

const COPIES = [
  { from: "reference/catalogue", to: "reference/catalogue", match: /\.(json|md)$/ },
  { from: "seeds", to: "test/fixtures/seeds", match: /\.txt$/ },
];

function refresh() {
  if (!fs.existsSync(SHARED)) {
    console.log(
      `Không thấy ${SHARED}: giữ nguyên bản sao trong kho (reference/, test/fixtures/seeds/).`
    );
    return { changed: [] };
  }
  const changed = [];
  for (const { from, to, match } of COPIES) {
    const source = path.join(SHARED, from);
    if (!fs.existsSync(source)) continue;
    const target = path.join(ROOT, to);
    fs.mkdirSync(target, { recursive: true });
    for (const name of fs
      .readdirSync(source)
      .filter((n) => match.test(n))
      .sort()) {
      const bytes = fs.readFileSync(path.join(source, name));
      const out = path.join(target, name);
      if (fs.existsSync(out) && fs.readFileSync(out).equals(bytes)) continue;
      fs.writeFileSync(out, bytes);
      changed.push(path.join(to, name));
    }
  }
  console.log(
    changed.length === 0
      ? "Bản sao tham chiếu đã khớp với ../shared."
      : `Đã cập nhật ${changed.length} tệp:\n  ${changed.join("\n  ")}\n` +
          "Tiếp theo: npm run catalogue:build, rồi npm test."
  );
  return { changed };
}

module.exports = { refresh };

if (require.main === module) refresh();
