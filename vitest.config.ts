import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Three layers share one command (`npm test`): unit tests (`*.test.ts`, pure, no database),
// integration tests (`*.int.test.ts`) against a real PostgreSQL, and Playwright (e2e/, not here).
// Integration tests run once on an embedded PostgreSQL 18 and, when TEST_DATABASE_URL is set
// (CI sets it to the machine's PostgreSQL 15), once more against that server.

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": fileURLToPath(new URL("./lib/testing/empty-module.ts", import.meta.url)),
};
const testSources = ["{lib,components,agents,scripts,app}/**/*"];

const integration = (name: string, target: "embedded" | "external") => ({
  resolve: { alias },
  test: {
    name,
    include: testSources.map((s) => `${s}.int.test.{ts,tsx}`),
    globalSetup: ["lib/testing/global-db-setup.ts"],
    setupFiles: ["lib/testing/use-test-database.ts"],
    provide: { dbTarget: target },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One database per run; files run one at a time so they can assume a quiet store.
    fileParallelism: false,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: testSources.map((s) => `${s}.test.{ts,tsx}`),
          exclude: ["**/*.int.test.{ts,tsx}", "**/node_modules/**"],
        },
      },
      integration("integration:embedded", "embedded"),
      ...(process.env.TEST_DATABASE_URL ? [integration("integration:pg", "external")] : []),
    ],
  },
});
