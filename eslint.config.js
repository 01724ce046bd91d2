// ESLint 9 flat config: the JavaScript and TypeScript recommended rules (syntax only, not
// type-checked, so `npm run lint` stays fast on two cores), the React hooks rules, and the house
// limit of 300 lines per file outside tests. Formatting belongs to Prettier, import boundaries to
// dependency-cruiser (.dependency-cruiser.cjs).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const testFiles = ["**/*.test.{ts,tsx}", "test/**"];

export default defineConfig(
  globalIgnores(["build/", "public/build/", ".cache/", "data/", "test-results/", "bench/results/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // The code marks a value left out on purpose with `_` (`{ key: _key, ...props }`, an Express
      // error handler's `_next`) or by destructuring it away beside a rest object.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Small files: nothing over 300 lines outside tests (tests and their fixtures may be longer).
    files: ["**/*.{js,cjs,mjs,ts,tsx}"],
    ignores: testFiles,
    rules: { "max-lines": ["error", { max: 300 }] },
  },
);
