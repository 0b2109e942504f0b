/**
 * The layering rule: the domain core (src/core) is plain TypeScript that runs anywhere, so it
 * imports nothing from Office, React, Fluent UI, the hosts or the task pane, and does not touch
 * the Office globals. Only the host adapters talk to Office; the task pane reaches Office only
 * through them.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Module specifiers of import/export/require statements. */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of source.matchAll(pattern)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (spec) specifiers.push(spec);
  }
  return specifiers;
}

const FORBIDDEN_IN_CORE = [
  /^react(-dom)?(\/|$)/,
  /^@fluentui\//,
  /office-js/,
  /^office-addin/,
  /\/hosts(\/|$)/,
  /\/taskpane(\/|$)/,
  /\/cli(\/|$)/,
];
const OFFICE_GLOBALS = /\b(Office|Word|Excel)\.(run|context|onReady|HostType|RequestContext)\b/;

/** Violations of the layering rule in one file of the core. */
function coreViolations(file: string, source: string): string[] {
  const out: string[] = [];
  for (const spec of importsOf(source)) {
    if (FORBIDDEN_IN_CORE.some((re) => re.test(spec))) out.push(`${file} imports ${spec}`);
  }
  if (OFFICE_GLOBALS.test(source)) out.push(`${file} uses an Office global`);
  return out;
}

describe("architecture", () => {
  const coreFiles = sourceFiles(path.join(SRC, "core"));

  it("has a domain core to check", () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it("keeps the core free of Office, React, Fluent UI, hosts and task pane", () => {
    const violations = coreFiles.flatMap((file) =>
      coreViolations(path.relative(SRC, file), fs.readFileSync(file, "utf8"))
    );
    expect(violations).toEqual([]);
  });

  it("keeps the task pane away from the Office API (it goes through the host adapters)", () => {
    const violations = sourceFiles(path.join(SRC, "taskpane"))
      .filter((file) => OFFICE_GLOBALS.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(SRC, file));
    expect(violations).toEqual([]);
  });

  it("keeps React out of the host adapters", () => {
    const violations = sourceFiles(path.join(SRC, "hosts")).flatMap((file) =>
      importsOf(fs.readFileSync(file, "utf8"))
        .filter((spec) => /^react|^@fluentui\//.test(spec))
        .map((spec) => `${path.relative(SRC, file)} imports ${spec}`)
    );
    expect(violations).toEqual([]);
  });

  it("detects a violation when one is present (the rule can fail)", () => {
    expect(coreViolations("core/x.ts", 'import * as React from "react";')).toHaveLength(1);
    expect(coreViolations("core/x.ts", 'import { a } from "../hosts/word/adapter";')).toHaveLength(
      1
    );
    expect(coreViolations("core/x.ts", "await Word.run(async (context) => {});")).toHaveLength(1);
    expect(coreViolations("core/x.ts", 'import { a } from "./catalogue";')).toHaveLength(0);
  });
});

describe("a fresh clone is self-contained", () => {
  const ROOT = path.resolve(__dirname, "../..");
  const outside = ["..", "shared"].join("/"); // the steering folder beside a checkout

  it("no source, test or build configuration reads the folder beside the checkout", () => {
    const files = [
      ...sourceFiles(SRC),
      ...sourceFiles(path.join(ROOT, "test")),
      path.join(ROOT, "jest.config.js"),
      path.join(ROOT, "webpack.config.js"),
      path.join(ROOT, "scripts/build-catalogue.js"),
    ];
    const hits = files.filter((f) => fs.readFileSync(f, "utf8").includes(outside));
    expect(hits.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("keeps its own copy of the reference material", () => {
    for (const name of [
      "NOTES.md",
      "references.json",
      "tt17-tieu-hoc.json",
      "tt18-trung-hoc.json",
      "tt19-mam-non.json",
      "tt57-2026.json",
    ])
      expect(fs.existsSync(path.join(ROOT, "reference/catalogue", name))).toBe(true);
  });
});
