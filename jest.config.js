// Unit and component tests run in Node (jsdom where a file asks for it); browser tests drive
// Debian's chromium through playwright-core against the production build in dist/.
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
};

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
      setupFiles: ["<rootDir>/test/setup-dom.js"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
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
