import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseEnv } from "../../lib/env";
import { findFreePort } from "../../lib/net/find-free-port";
import { prepareDatabase } from "../../lib/db/prepare-database";

// A throw-away Sightline for benchmarks: an embedded PostgreSQL in a temporary directory and
// the production server started by `npm start`'s own script against it.

export interface BenchServer {
  url: string;
  databaseUrl: string;
  ingestKey: string;
  /** An admin API token: the benchmarks' pages and API calls send it as `Authorization: Bearer`. */
  apiToken: string;
  /** The server's process (`npm start`'s script; the web server and its threads are below it). */
  pid?: number;
  stop(): Promise<void>;
}

/**
 * `demo`: run the demo shop and its db agent beside Sightline, as `npm start` does by default.
 * `serverEnv`: more environment for the server's processes only (e.g. NODE_OPTIONS to profile them).
 * `waitForWarmUp`: return only once the server has rendered every page once (SIGHTLINE_WARM_UP),
 * several seconds of CPU that must not fall into a measured window.
 */
export async function startBenchServer(log: (line: string) => void, options: { demo?: boolean; serverEnv?: Record<string, string>; waitForWarmUp?: boolean } = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-bench-"));
  const env = parseEnv({ SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_EMBEDDED_DB_PORT: "0" });
  const database = await prepareDatabase(env, log);
  const port = await findFreePort();
  const ingestKey = "bench-ingest-key-0123456789abcdef";
  const apiToken = "bench-admin-api-token-0123456789abcdef01";
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: database.url, SIGHTLINE_INGEST_KEY: ingestKey, SIGHTLINE_API_TOKEN: apiToken, SIGHTLINE_DEMO: options.demo ? "1" : "0", SIGHTLINE_DATA_DIR: dataDir, ...options.serverEnv },
  });
  let warmedUp = !options.waitForWarmUp || parseEnv({ ...process.env, SIGHTLINE_DATA_DIR: dataDir }).SIGHTLINE_WARM_UP === false;
  server.stdout.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.startsWith("[sightline]")) continue;
      if (/pages warmed up|warming the pages up failed/.test(line)) warmedUp = true;
      log(line.replace("[sightline] ", "server: "));
    }
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error("the Sightline server exited during start-up");
      if (i > 3000) throw new Error("the Sightline server did not become healthy within 5 minutes");
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    // A failed start must not leave the embedded PostgreSQL running behind the benchmark.
    if (server.exitCode === null) server.kill("SIGTERM");
    await database.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  for (const deadline = Date.now() + 120_000; !warmedUp && Date.now() < deadline && server.exitCode === null; ) await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    url,
    databaseUrl: database.url,
    ingestKey,
    apiToken,
    pid: server.pid!,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
