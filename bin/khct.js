#!/usr/bin/env node
// `npx khct`: the command line. The TypeScript sources are compiled into lib/ by `npm install`
// (the "prepare" script) or `npm run build:lib`.
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("khct: chưa dựng mã dòng lệnh; hãy chạy `npm install` hoặc `npm run build:lib` trong thư mục dự án.\n");
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`khct: lỗi không mong đợi / unexpected error: ${error && error.message ? error.message : error}\n`);
  process.exit(1);
});
