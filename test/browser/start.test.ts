/**
 * `npm start` on a machine without desktop Office (Linux, CI): builds, serves
 * https://localhost:3000 and prints the manifest path and the sideloading steps.
 */
import { spawn, type ChildProcess } from "child_process";
import * as https from "https";
import * as path from "path";
import { ROOT } from "./harness";

jest.setTimeout(120_000);

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

it("serves the add-in over https on localhost:3000 and explains how to sideload it", async () => {
  child = spawn(process.execPath, [path.join(ROOT, "scripts/start.js")], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no sideload steps:\n${output}`)),
      100_000
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
  const page = await get("https://localhost:3000/taskpane.html");
  expect(page.status).toBe(200);
  expect(page.body).toContain('<div id="container">');
  const manifest = await get("https://localhost:3000/manifest.xml");
  expect(manifest.body).toContain('<Host Name="Document"/>');
});
