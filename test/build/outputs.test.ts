/**
 * What the builds produce, checked after `npm test` has built them: the production task pane in
 * dist/ (the manifest it serves and every file the manifest names) and the CLI compiled into lib/
 * (what `npx khct` runs). Tests of the sources themselves live in test/unit and need no build.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
const { checkManifest } = require("../../scripts/manifest-check.js") as {
  checkManifest: (
    xml: string,
    options?: { distDir?: string; requiredLocales?: string[]; requiredHosts?: string[] }
  ) => { errors: string[] };
};

const ROOT = path.resolve(__dirname, "../..");
const STRICT = { requiredLocales: ["en-US"], requiredHosts: ["Workbook", "Document"] };
const fixture = (name: string) => path.join(ROOT, "test/fixtures/files", name);
const khct = path.join(ROOT, "bin/khct.js");

describe("dist/ (npm run build)", () => {
  it("points at files the production build produces", () => {
    const dist = path.join(ROOT, "dist");
    expect(fs.existsSync(path.join(dist, "manifest.xml"))).toBe(true); // `npm test` builds first
    const built = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const result = checkManifest(built, { ...STRICT, distDir: dist });
    expect(result.errors).toEqual([]);
    for (const size of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(dist, `assets/icon-${size}.png`))).toBe(true);
  });

  it("keeps the first chunk to the shell: no catalogue, message table, core rule or Office adapter in it", () => {
    // What the pane loads before its first paint (issue 19; `npm run bench` measures its size).
    const entry = fs.readFileSync(path.join(ROOT, "dist/taskpane.js"), "utf8");
    const kept = {
      catalogue: entry.includes("Hoạt động giáo dục và kết quả giáo dục"),
      messages: entry.includes("Mục IV nêu cả"),
      rules: entry.includes("criterion-duplicate"),
      adapters: entry.includes("getOoxml"),
    };
    expect(kept).toEqual({ catalogue: false, messages: false, rules: false, adapters: false });
    // …and the workspace chunk the shell asks for does hold them.
    const workspace = fs
      .readdirSync(path.join(ROOT, "dist"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => fs.readFileSync(path.join(ROOT, "dist", f), "utf8"))
      .join("\n");
    expect(workspace).toContain("Hoạt động giáo dục và kết quả giáo dục");
    expect(workspace).toContain("Mục IV nêu cả");
  });
});

describe("lib/ (npm run build:lib, what npx khct runs)", () => {
  it("is not older than the sources it is compiled from", () => {
    const newest = (dir: string): number =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .map((e) =>
          e.isDirectory()
            ? newest(path.join(dir, e.name))
            : fs.statSync(path.join(dir, e.name)).mtimeMs
        )
        .reduce((a, b) => Math.max(a, b), 0);
    // tsc writes every output on each build; the sources are those of tsconfig.lib.json.
    const compiled = fs.statSync(path.join(ROOT, "lib/cli/main.js")).mtimeMs;
    const sources = ["src/cli", "src/core", "src/hosts/file", "src/hosts/ooxml"];
    const newestSource = Math.max(...sources.map((d) => newest(path.join(ROOT, d))));
    expect({ stale: compiled < newestSource, hint: "npm run build:lib" }).toEqual({
      stale: false,
      hint: "npm run build:lib",
    });
  });

  it("runs as `npx khct check` from the compiled lib/", () => {
    const ok = spawnSync(
      process.execPath,
      [khct, "check", fixture("tien-do-2025-2026.xlsx"), "--json"],
      { encoding: "utf8" }
    );
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout)[0].layout).toBe("progress");
  });

  it("runs as `khct` from the compiled lib/ (what npx khct runs)", () => {
    const out = execFileSync(
      process.execPath,
      [khct, "catalogue", "--level", "tieu-hoc", "--json"],
      { encoding: "utf8" }
    );
    expect(JSON.parse(out).framework.id).toBe("tt17-2018");
    const bad = spawnSync(process.execPath, [khct, "catalogue"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^khct: Thiếu --level/);
  });
});
