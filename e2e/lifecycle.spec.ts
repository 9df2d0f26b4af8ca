import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures/test";
import { apiHeaders, e2eApiToken } from "./fixtures/accounts";

// `npm start` as a user runs it: a fresh data directory, Ctrl-C, and a second start that finds
// the same data. Runs its own instance beside the one the other specs use (the build is shared).

const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-lifecycle-"));
const port = 3399;
const base = `http://127.0.0.1:${port}`;
const started: ChildProcess[] = [];
test.afterAll(async () => {
  // A failed step must not leave a server (and its PostgreSQL) running into the next test run.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) await interrupt(child);
  rmSync(dataDir, { recursive: true, force: true });
});

function startSightline(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "", SIGHTLINE_INGEST_KEY: "", SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_EMBEDDED_DB_PORT: "0", SIGHTLINE_DEMO: "0", SIGHTLINE_API_TOKEN: e2eApiToken },
    stdio: ["ignore", "ignore", "inherit"],
  });
  started.push(child);
  return child;
}

async function waitHealthy() {
  await expect.poll(async () => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 120_000, intervals: [250] }).toBe(200);
}

function postgresProcesses(): string[] {
  try {
    return execFileSync("pgrep", ["-f", `postgres -D ${path.join(dataDir, "pgdata")}`]).toString().trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

async function interrupt(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

const traceId = "5b8efff798038103d269b633813fc60c";
const spanBody = () =>
  JSON.stringify({
    resourceSpans: [{
      resource: { attributes: [{ key: "service.name", value: { stringValue: "lifecycle" } }] },
      scopeSpans: [{ spans: [{ traceId, spanId: "eee19b7ec3c1b174", name: "kept across restarts", kind: 2, startTimeUnixNano: String(BigInt(Date.now() - 1000) * 1_000_000n), endTimeUnixNano: String(BigInt(Date.now()) * 1_000_000n) }] }],
    }],
  });

test("a second start reuses the data and Ctrl-C leaves no PostgreSQL behind", async () => {
  test.setTimeout(240_000);
  const first = startSightline();
  await test.step("first start serves with a new embedded database and a local ingest key", async () => {
    await waitHealthy();
    expect(postgresProcesses()).toHaveLength(1);
  });
  const key = readFileSync(path.join(dataDir, "ingest-key"), "utf8").trim();
  await test.step("a span is ingested with the local key", async () => {
    const response = await fetch(`${base}/api/otlp/v1/traces`, { method: "POST", body: spanBody(), headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
  });
  await test.step("Ctrl-C stops the app and its PostgreSQL", async () => {
    await interrupt(first);
    expect(postgresProcesses()).toEqual([]);
  });

  const second = startSightline();
  await test.step("the second start finds the same data and key", async () => {
    await waitHealthy();
    expect(readFileSync(path.join(dataDir, "ingest-key"), "utf8").trim()).toBe(key);
    const trace = await fetch(`${base}/api/v1/traces/${traceId}`, { headers: apiHeaders });
    expect(trace.status).toBe(200);
    const body = (await trace.json()) as { spans: { name: string }[] };
    expect(body.spans.map((s) => s.name)).toEqual(["kept across restarts"]);
  });
  await interrupt(second);
  expect(postgresProcesses()).toEqual([]);
});
