import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eAdmin, e2eApiToken } from "./e2e/fixtures/accounts";
import { findBrowser } from "./e2e/find-browser";

// End-to-end tests run against the production build served by `npm start`, on a throw-away
// embedded database in a temporary directory, with the demo off: each spec seeds its own data
// through the real ingest API. The directory is made once and handed to workers by env.

process.env.SIGHTLINE_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "sightline-e2e-"));
// Every page needs a signed-in user: the setup project signs the e2e admin in through the real
// sign-in page once and hands its cookie to every other test.
export const adminStorageState = path.join(process.env.SIGHTLINE_E2E_DATA_DIR, "admin-storage-state.json");
const port = Number(process.env.SIGHTLINE_E2E_PORT ?? 3311);
export const e2eIngestKey = "e2e-ingest-key-0123456789abcdef";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  projects: [
    { name: "sign-in", testMatch: "sign-in.setup.ts" },
    { name: "chromium", dependencies: ["sign-in"], use: { storageState: adminStorageState } },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: findBrowser(),
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      SIGHTLINE_DATA_DIR: process.env.SIGHTLINE_E2E_DATA_DIR,
      SIGHTLINE_EMBEDDED_DB_PORT: "0",
      SIGHTLINE_DEMO: "0",
      // Tests are not first visits: the warm-up (scripts/warm-up-pages.ts, tested on its own) would
      // only load the machine while the first tests run.
      SIGHTLINE_WARM_UP: "0",
      SIGHTLINE_INGEST_KEY: e2eIngestKey,
      SIGHTLINE_ADMIN_EMAIL: e2eAdmin.email,
      SIGHTLINE_ADMIN_PASSWORD: e2eAdmin.password,
      SIGHTLINE_API_TOKEN: e2eApiToken,
    },
  },
});
