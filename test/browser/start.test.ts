/**
 * `npm start` on a machine without desktop Office (Linux, CI): builds, serves
 * https://localhost:<port> and prints the manifest path and the sideloading steps.
 * The server runs on a free port (KHCT_PORT), so a developer's own `npm start` on 3000 can keep
 * running beside `npm test`. The dev build only transpiles; the budget below is a hang detector
 * sized for a busy 2-core machine (about 30 s idle), not a speed test — `npm run bench` measures.
 */
import { spawn, type ChildProcess } from "child_process";
import * as https from "https";
import * as net from "net";
import * as path from "path";
import { ROOT } from "./harness";

const BUDGET_MS = 300_000;
jest.setTimeout(BUDGET_MS + 30_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false, agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM"); // the whole group: npm start's webpack server too
    } catch {
      // already gone
    }
  }
});

it("serves the add-in over https on localhost and explains how to sideload it", async () => {
  const port = await freePort();
  const origin = `https://localhost:${port}`;
  child = spawn(process.execPath, [path.join(ROOT, "scripts/start.js")], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, CI: "true", KHCT_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no sideload steps:\n${output}`)),
      BUDGET_MS
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Dừng / stop")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child?.stdout?.on("data", onData);
    child?.stderr?.on("data", onData);
    child?.on("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  expect(output).toContain(`Manifest: ${path.join(ROOT, "manifest.xml")}`);
  expect(output).toContain("Tải lên phần bổ trợ của tôi");
  expect(output).toContain("Upload My Add-in");
  expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no stack trace
  expect(output).toContain(`KHCT đang chạy tại ${origin}`);
  const page = await get(`${origin}/taskpane.html`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('<div id="container">');
  const manifest = await get(`${origin}/manifest.xml`);
  expect(manifest.body).toContain('<Host Name="Document"/>');
  expect(manifest.body).toContain(`${origin}/taskpane.html`); // the manifest names this server
});
