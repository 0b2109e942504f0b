// `npm start`: build, serve https://localhost:3000 and sideload.
//
// Where desktop Office exists (Windows, macOS) this hands over to office-addin-debugging, which
// starts the dev server and sideloads manifest.xml into Excel or Word. Elsewhere (Linux, CI) that
// tool stops with "Platform not supported" and installing the dev certificate needs sudo, so this
// script builds and serves the add-in itself and prints how to sideload it into Excel or Word on
// the web.

const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
// The port: KHCT_PORT, else package.json's config.dev_server_port (3000). The tests start their own
// server on a free port, so `npm start` and `npm test` can run side by side.
const PORT = Number(
  process.env.KHCT_PORT || process.env.npm_package_config_dev_server_port || 3000
);
const ORIGIN = `https://localhost:${PORT}`;
const bin = (name) =>
  path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: options.stdio || "inherit",
    env: { ...process.env, ...options.env },
  });
  child.on("error", (error) => {
    console.error(`Không chạy được ${path.basename(command)}: ${error.message}`);
    process.exitCode = 1;
  });
  return child;
}

function sideloadSteps() {
  return [
    "",
    `KHCT đang chạy tại ${ORIGIN} (bản phát triển).`,
    `Manifest: ${MANIFEST}`,
    ...(PORT === 3000
      ? []
      : [`  (cổng ${PORT}: dùng ${ORIGIN}/manifest.xml, manifest trỏ tới cổng này)`]),
    "",
    "Nạp KHCT vào Excel hoặc Word trên web (Microsoft 365):",
    `  1. Mở ${ORIGIN}/taskpane.html một lần trong trình duyệt và chấp nhận chứng chỉ tự ký`,
    "     (máy này không cài được chứng chỉ phát triển của Office vì cần quyền quản trị).",
    "  2. Mở một sổ làm việc Excel hoặc tài liệu Word trên web.",
    "  3. Trang đầu > Phần bổ trợ (Add-ins) > Thêm phần bổ trợ khác > Tải lên phần bổ trợ của tôi,",
    "     chọn tệp manifest ở trên.",
    "  4. Bấm nút “Kế hoạch cải tiến” trên thẻ Trang đầu để mở ngăn KHCT.",
    "",
    `Sideload into Excel or Word on the web: open ${ORIGIN}/taskpane.html once and accept`,
    "the self-signed certificate; then Home > Add-ins > More Add-ins > Upload My Add-in, choose the",
    "manifest above, and select “Improvement plan” on the Home tab.",
    "On Windows or macOS with desktop Office, `npm start` sideloads automatically.",
    "Dừng / stop: Ctrl+C.",
    "",
  ].join("\n");
}

function serveAndExplain() {
  const server = run(bin("webpack"), ["serve", "--mode", "development"], {
    stdio: ["inherit", "pipe", "pipe"],
    env: { KHCT_PORT: String(PORT) },
  });
  let explained = false;
  const onOutput = (stream) => (chunk) => {
    stream.write(chunk);
    if (!explained && /compiled( successfully| with)/.test(chunk.toString())) {
      explained = true;
      process.stdout.write(sideloadSteps());
    }
  };
  server.stdout.on("data", onOutput(process.stdout));
  server.stderr.on("data", onOutput(process.stderr));
  server.on("exit", (code) => {
    if (code && code !== 0) {
      console.error(
        `\nMáy chủ phát triển dừng với mã ${code}. Cổng ${PORT} có thể đang bận: hãy đóng chương trình đang dùng nó rồi chạy lại.`
      );
    }
    process.exit(code ?? 0);
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const desktopOffice =
  (process.platform === "win32" || process.platform === "darwin") && !process.env.CI;
if (desktopOffice) {
  const host = process.argv[2] === "word" ? "word" : "excel";
  const child = run(bin("office-addin-debugging"), ["start", MANIFEST, "desktop", "--app", host]);
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  serveAndExplain();
}
