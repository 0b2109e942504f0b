// office-addin-lint's conventions (eslint-plugin-office-addins: recommended + React, prettier with
// office-addin-prettier-config), extended to .tsx files, plus the layering rule of the codebase.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";

const sourceFiles = ["**/*.{ts,tsx,js,mjs,cjs}"];
// The plugin's recommended block applies its rules to .ts/.js only; reuse it for .tsx as well.
const recommendedBlock = officeAddins.configs.recommended.find((block) => block.plugins?.["office-addins"]);

export default [
  { ignores: ["dist/**", "lib/**", "bench-out/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  {
    files: sourceFiles,
    plugins: recommendedBlock.plugins,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...recommendedBlock.rules,
      // TypeScript checks names; eslint's no-undef does not know DOM, Office or Node types.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // Hooks rules (including the React Compiler's checks) and accessibility rules for the pane.
    files: ["src/**/*.tsx", "src/taskpane/**/*.ts", "test/**/*.tsx"],
    ...reactHooks.configs.flat["recommended-latest"],
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      // The panels' document reads set "loading" inside an effect before awaiting the host; they
      // become one store for the pane (the task-pane issue) instead of six local effects.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  { files: ["src/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    // Type-aware rules where they are cheap and catch real bugs: a promise nobody awaits or
    // catches is an error a user never sees.
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // The domain core is plain TypeScript: no Office, React, Fluent UI, hosts or task pane.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "The core must not depend on React or Fluent UI." },
            { group: ["@microsoft/office-js", "office-addin-*"], message: "The core must not depend on Office." },
            { group: ["**/hosts", "**/hosts/**", "**/taskpane", "**/taskpane/**", "**/cli/**"], message: "The core must not import the edges." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Word", "Excel", "window", "document"],
    },
  },
];
