import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiHeaders, e2eApiToken } from "./fixtures/accounts";

// `npm start` from a fresh data directory with the demo on, as a new user gets it: within a
// minute or so the query API shows the shop's services, traces crossing them, audit rows that
// lead to their traces, and the database health metrics the db agent sends.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-demo-"));
const port = 3398;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGINT");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const getJson = async <T>(url: string): Promise<T | undefined> => {
  const response = await fetch(`${base}${url}`, { headers: apiHeaders }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as T) : undefined;
};

test("the demo shop fills a fresh Sightline with services, traces, audit rows and DB health", async () => {
  test.setTimeout(300_000);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "", SIGHTLINE_INGEST_KEY: "", SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_EMBEDDED_DB_PORT: "0", SIGHTLINE_DEMO: "1", SIGHTLINE_API_TOKEN: e2eApiToken },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const poll = { timeout: 150_000, intervals: [2_000] };

  await test.step("at least six services report", async () => {
    await expect
      .poll(async () => (await getJson<{ services: { name: string }[] }>("/api/v1/services"))?.services.length ?? 0, poll)
      .toBeGreaterThanOrEqual(6);
  });

  await test.step("traces cross at least three services", async () => {
    await expect
      .poll(async () => {
        const found = await getJson<{ traces: { services: string[] }[] }>("/api/v1/traces?service=gateway&operation=POST%20/checkout&limit=50");
        return Math.max(0, ...(found?.traces ?? []).map((t) => t.services.length));
      }, poll)
      .toBeGreaterThanOrEqual(3);
  });

  await test.step("audit changes carry trace ids that resolve to stored traces", async () => {
    let traceId: string | undefined;
    await expect
      .poll(async () => {
        const audit = await getJson<{ changes: { traceId: string | null; table: string }[] }>("/api/v1/audit/changes?table=orders&limit=20");
        traceId = audit?.changes.find((c) => c.traceId)?.traceId ?? undefined;
        return traceId !== undefined;
      }, poll)
      .toBe(true);
    await expect.poll(async () => (await fetch(`${base}/api/v1/traces/${traceId}`, { headers: apiHeaders })).status, poll).toBe(200);
  });

  await test.step("the db agent's health metrics arrive", async () => {
    await expect
      .poll(async () => {
        const metrics = await getJson<{ metrics: { name: string }[] }>("/api/v1/metrics");
        return (metrics?.metrics ?? []).map((m) => m.name).filter((name) => name.startsWith("postgresql.")).length;
      }, poll)
      .toBeGreaterThanOrEqual(5);
  });
});
