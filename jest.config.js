// Three projects:
// - unit: the sources through ts-jest (Node, jsdom where a file asks for it). Needs no build, so
//   `npm run test:unit` works on a fresh clone. Date is fixed (test/setup-clock.js).
// - build: what `npm run build` and `npm run build:lib` produce (dist/, lib/); `npm test` builds first.
// - browser: the production build in Debian's chromium through playwright-core, network confined
//   to this machine (test/browser/harness.ts).
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
};

// `npm run test:quick`: the same suite with fewer property-test cases (test/properties.ts).
if (process.env.npm_lifecycle_event === "test:quick" && !process.env.KHCT_PROPERTY_RUNS) {
  process.env.KHCT_PROPERTY_RUNS = "100";
}

// A test's timeout detects a hang; it is not a speed check (`npm run bench` measures speed). Beside
// two CPU-bound processes on a 2-core machine, a task-pane test was measured at 5–7 s (idle: 1–2.5 s),
// so a minute is far from any real run. (testTimeout is a global option in Jest, not a project one.)
const HANG = 60_000;

module.exports = {
  // All cores: the default leaves one idle, which on a 2-core machine means a single worker.
  maxWorkers: "100%",
  testTimeout: HANG,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
      setupFiles: ["<rootDir>/test/setup-dom.js"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-clock.js"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      transform,
    },
    {
      displayName: "build",
      testEnvironment: "node",
      roots: ["<rootDir>/test/build"],
      testMatch: ["**/*.test.ts"],
      transform,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      transform,
    },
  ],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
