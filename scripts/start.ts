import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvError, parseEnv, type Env } from "../lib/env";
import { isPortFree } from "../lib/net/find-free-port";
import { runPartitionMaintenance, type PreparedDatabase } from "../lib/db/prepare-database";
import type { BeforeDrop } from "../lib/db/maintain-partitions";
import { copyEvidenceBeforeDrop } from "../lib/incidents/copy-evidence-before-drop";
import { readOrCreateLocalIngestKey } from "../lib/ingest/auth/read-or-create-local-key";
import { buildIfStale } from "./build-if-stale";
import { startDemo } from "./start-demo";
import { startConsistencyLoop, type ConsistencyLoop } from "../lib/consistency/run-consistency-loop";
import { startAlertsLoop, type AlertsLoop } from "../lib/alerts/run-alerts-loop";
import { publicBaseUrl } from "../lib/env";
import { prepareInstance } from "./prepare-instance";
import { warmUpPages } from "./warm-up-pages";

// `npm start`: configuration → port check → database (embedded unless DATABASE_URL) →
// migrations → build if stale → the Next.js server, with partition upkeep every hour and the
// consistency evaluator every second (lib/consistency/run-consistency-loop.ts) and the alert
// evaluator every 5 s (lib/alerts/run-alerts-loop.ts).
// Any failure ends in one line saying what to fix. The embedded PostgreSQL is supervised: when it
// dies it is restarted, and when restarting keeps failing Sightline stops, saying so. Ctrl-C /
// SIGTERM stops everything in order (demo and db agent, web server, database) and ends with
// "[sightline] stopped".

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const log = (line: string) => console.log(`[sightline] ${line}`);
const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
/** `npm run dev`: the same start-up, with `next dev` (hot reload) instead of build + `next start`. */
const dev = process.argv.includes("--dev");

let database: PreparedDatabase | undefined;
/** The demo once started, or its start under way (a Ctrl-C then waits for it, to stop it first). */
let demo: Promise<{ stop(): Promise<void> } | undefined> | undefined;
const children: ChildProcess[] = [];
let consistency: ConsistencyLoop | undefined;
let alerts: AlertsLoop | undefined;
let stopping = false;
/** Set once the database is up: a start that failed before has nothing to say "stopped" about. */
let started = false;

/** Before retention drops a day, incidents' evidence in it is copied into the incidents (issue 15). */
const keepIncidentEvidence: BeforeDrop = async (db, partitions) => {
  const copied = await copyEvidenceBeforeDrop(db, partitions);
  if (copied.length) log(`kept the evidence of ${copied.length} incident(s) out of the days being dropped`);
};

async function main() {
  const env = parseEnv();
  if (!(await isPortFree(env.PORT, env.HOST))) {
    throw new Error(`port ${env.PORT} is in use: stop whatever listens there or set PORT to a free port`);
  }
  if (!env.SIGHTLINE_INGEST_KEY) {
    const local = readOrCreateLocalIngestKey(env.SIGHTLINE_DATA_DIR);
    env.SIGHTLINE_INGEST_KEY = local.key;
    log(`ingest key (SIGHTLINE_INGEST_KEY not set): kept in ${local.file}`);
  }
  // The database first: a wrong DATABASE_URL should fail in a second, not after a build.
  const instance = await prepareInstance(env, log, {
    beforeDrop: keepIncidentEvidence,
    onGiveUp: (reason) => {
      log(`stopping Sightline: ${reason} (its log: ${path.resolve(env.SIGHTLINE_DATA_DIR, "postgresql.log")})`);
      void shutdown(1);
    },
  });
  database = instance.database;
  started = true;
  if (!dev) buildIfStale(root, log);
  const timer = setInterval(() => {
    runPartitionMaintenance(database!.url, env, log, keepIncidentEvidence).catch((error: unknown) => log(`partition upkeep failed: ${String(error)}`));
  }, MAINTENANCE_INTERVAL_MS);
  timer.unref();
  const demoOn = instance.demoOn;
  consistency = startConsistencyLoop(database.url, log);
  alerts = startAlertsLoop(database.url, log, { baseUrl: publicBaseUrl(env), smtpUrl: env.SIGHTLINE_SMTP_URL, smtpFrom: env.SIGHTLINE_SMTP_FROM });
  const url = await startServer(env, database);
  // The Jenkins "unlock" pattern: until an admin exists, every start prints the same one-time link.
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  if (instance.setupToken) log(`no admin yet: open http://${host}:${env.PORT}/setup?token=${instance.setupToken} to create the first one`);
  // The demo is on by default only with the embedded database: never write a shop into a
  // server the user pointed us at unless they ask for it.
  if (demoOn) {
    demo = startDemo({ sightlineUrl: url, ingestKey: env.SIGHTLINE_INGEST_KEY, databaseUrl: database.url, dataDir: env.SIGHTLINE_DATA_DIR, serverLogFile: database.serverLogFile, log }).catch((error: unknown) => {
      // The demo is an extra: Sightline itself keeps serving without it.
      log(`the demo could not start (${error instanceof Error ? error.message : String(error)}); Sightline runs without it`);
      return undefined;
    });
  }
  if (!dev && env.SIGHTLINE_WARM_UP) {
    warmUpPages(internalUrl(env), database.url).then(
      ({ pages, failed, ms }) => log(`pages warmed up: ${pages} rendered once in ${(ms / 1000).toFixed(1)} s${failed.length ? ` (no answer from ${failed.join(", ")})` : ""}`),
      (error: unknown) => log(`warming the pages up failed (${error instanceof Error ? error.message : String(error)}); they are only slower on their first visit`),
    );
  }
}

async function startServer(env: Env, database: PreparedDatabase) {
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), dev ? "dev" : "start", "-p", String(env.PORT), "-H", env.HOST], {
    cwd: root,
    // Its own process group, like PostgreSQL's: Ctrl-C reaches only this script, which stops
    // the web server after the demo that sends to it.
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, SIGHTLINE_INGEST_KEY: env.SIGHTLINE_INGEST_KEY, DATABASE_URL: database.url, SIGHTLINE_DB_EMBEDDED: database.embedded ? "1" : "0", NEXT_TELEMETRY_DISABLED: "1", SIGHTLINE_INTERNAL_URL: internalUrl(env) },
  });
  children.push(server);
  server.on("exit", (code, signal) => {
    if (stopping) return;
    log(`the web server exited (${signal ?? `code ${code}`}); stopping`);
    void shutdown(code ?? 1);
  });
  const url = `http://localhost:${env.PORT}`;
  if (await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`)) log(`Sightline is ready at ${url}`);
  else if (!stopping) log(`the web server has not answered ${url}/api/health after ${HEALTH_WAIT_MS / 1000} s; still waiting`);
  return `http://127.0.0.1:${env.PORT}`;
}

/** Where the server can reach itself (pages load their first data from its API while rendering). */
function internalUrl(env: Env): string {
  const anyAddress = ["0.0.0.0", "::", "localhost"].includes(env.HOST);
  const host = anyAddress ? "127.0.0.1" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/** `next dev` compiles on the first request, which can take a while on two cores. */
const HEALTH_WAIT_MS = 120_000;

async function waitForHealth(url: string): Promise<boolean> {
  for (const deadline = Date.now() + HEALTH_WAIT_MS; Date.now() < deadline && !stopping; ) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const DEMO_STOP_MS = 15_000;

async function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  // Senders first (the demo shop and the db agent write to the shop database and send to the web
  // server), then the web server, then the database, once nothing uses it.
  if (demo) {
    const timeout = new Promise<void>((resolve) => {
      setTimeout(() => {
        log("the demo did not stop in time; going on");
        resolve();
      }, DEMO_STOP_MS).unref();
    });
    const stopDemo = demo.then((running) => running?.stop()).catch((error: unknown) => log(`the demo did not stop cleanly: ${String(error)}`));
    await Promise.race([stopDemo, timeout]);
  }
  await Promise.all(children.map(stopChild));
  await consistency?.stop().catch(() => {});
  await alerts?.stop().catch(() => {});
  if (database) {
    await database.stop().catch((error: unknown) => log(`the database did not stop cleanly: ${String(error)}`));
    if (database.embedded) log("embedded PostgreSQL stopped");
  }
  if (started) log("stopped");
  process.exit(exitCode);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0));
}

main().catch(async (error: unknown) => {
  const message = error instanceof EnvError || error instanceof Error ? error.message : String(error);
  console.error(`[sightline] cannot start: ${message}`);
  await shutdown(1);
});
