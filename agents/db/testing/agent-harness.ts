import { adminAuthHeaders } from "@/lib/testing/test-auth";
import pg from "pg";
import * as changesRoute from "@/app/api/v1/audit/changes/route";
import * as activityRoute from "@/app/api/v1/database/activity/route";
import * as auditIngestRoute from "@/app/api/v1/ingest/audit/route";
import * as locksIngestRoute from "@/app/api/v1/ingest/locks/route";
import * as locksRoute from "@/app/api/v1/locks/route";
import * as metricsRoute from "@/app/api/otlp/v1/metrics/route";
import { startRouteServer, type RouteServer, type RouteTable } from "@/lib/testing/route-server";
import { createScratchDatabase } from "@/lib/testing/scratch-database";

// What the db agent's integration tests share: monitored databases created on a test server,
// Sightline's real route handlers behind a local HTTP server (with switches to lose an
// acknowledgement or be down), polling, and a catalog snapshot to prove installs and uninstalls
// leave nothing behind.

export interface MonitoredDatabase {
  name: string;
  url: string;
  /** A connection to the monitored database, for the test's own writes. */
  client: pg.Client;
  connect(options?: { applicationName?: string }): Promise<pg.Client>;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` on the server of `serverUrl` (a database URL on it). */
export async function createMonitoredDatabase(serverUrl: string, prefix: string): Promise<MonitoredDatabase> {
  const { name, url, drop } = await createScratchDatabase(serverUrl, prefix);
  const opened: pg.Client[] = [];
  const connect = async ({ applicationName }: { applicationName?: string } = {}) => {
    const client = new pg.Client({ connectionString: url, application_name: applicationName ?? "test" });
    client.on("error", () => {}); // a connection killed on purpose must not crash the run
    await client.connect();
    opened.push(client);
    return client;
  };
  const client = await connect();
  return {
    name,
    url,
    client,
    connect,
    async drop() {
      await Promise.all(opened.map((c) => c.end().catch(() => {})));
      await drop();
    },
  };
}

export interface FakeSightline extends RouteServer {
  /** The next `n` audit batches are stored but answered with 503, as if the answer was lost. */
  loseAcks(n: number): void;
  /** While down, every request gets 503 and nothing is stored. */
  setDown(down: boolean): void;
  /** Every request body sent to a path, as text (protobuf bodies as latin1, for byte searches). */
  bodies(path?: string): string[];
  getJson<T>(path: string): Promise<T>;
}

export async function startFakeSightline(): Promise<FakeSightline> {
  let lostAcks = 0;
  let down = false;
  const unavailable = () => Response.json({ error: { code: "unavailable", message: "test: Sightline is down" } }, { status: 503, headers: { "Retry-After": "0" } });
  type Handler = NonNullable<RouteTable[string]["POST"]>;
  const guard = (handler: Handler, onSuccess?: (response: Response) => Response): Handler => async (request, context) => {
    if (down) return unavailable();
    const response = await handler(request, context);
    return onSuccess && response.ok ? onSuccess(response) : response;
  };
  const server = await startRouteServer({
    "/api/v1/ingest/audit": {
      POST: guard(auditIngestRoute.POST, (response) => {
        if (lostAcks <= 0) return response;
        lostAcks--;
        return Response.json({ error: { code: "unavailable", message: "test: the acknowledgement was lost" } }, { status: 503, headers: { "Retry-After": "0" } });
      }),
    },
    "/api/v1/ingest/locks": { POST: guard(locksIngestRoute.POST) },
    "/api/otlp/v1/metrics": { POST: guard(metricsRoute.POST) },
    "/api/v1/audit/changes": { GET: changesRoute.GET },
    "/api/v1/locks": { GET: locksRoute.GET },
    "/api/v1/database/activity": { GET: activityRoute.GET },
  });
  return {
    ...server,
    loseAcks: (n) => (lostAcks = n),
    setDown: (value) => (down = value),
    bodies: (path) => server.requests.filter((r) => !path || r.path === path).map((r) => r.body.toString("latin1")),
    async getJson<T>(path: string) {
      const response = await fetch(`${server.url}${path}`, { headers: adminAuthHeaders });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

/** Polls `check` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, { timeoutMs = 20_000, what = "condition" } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Everything a user could see of a database's schema objects, including each catalog row's
 * xmin, so "nothing changed" means not even a row was rewritten. pg_class.relhastriggers is left
 * out on purpose: PostgreSQL documents it as "has (or once had) triggers" and clears it lazily.
 */
export async function catalogSnapshot(client: pg.Client, { withXmin }: { withXmin: boolean }): Promise<Record<string, unknown[]>> {
  const x = (alias: string) => (withXmin ? `, ${alias}.xmin::text AS xmin` : "");
  const queries: Record<string, string> = {
    schemas: `SELECT n.nspname, n.nspacl::text, obj_description(n.oid, 'pg_namespace') AS comment ${x("n")} FROM pg_namespace n
               WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1`,
    relations: `SELECT n.nspname, c.relname, c.relkind, c.relacl::text, c.reloptions::text, c.relreplident ${x("c")}
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1, 2`,
    columns: `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS default ${x("a")}
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2`,
    constraints: `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) ${x("pg_constraint")} FROM pg_constraint
                   WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace) ORDER BY 1, 2`,
    triggers: `SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(t.oid), tgenabled ${x("t")} FROM pg_trigger t WHERE NOT tgisinternal ORDER BY 1, 2`,
    functions: `SELECT p.oid::regprocedure::text, md5(p.prosrc), p.prosecdef, p.proconfig::text, p.proacl::text ${x("p")}
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    types: `SELECT n.nspname, t.typname, t.typtype ${x("t")} FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1, 2`,
    comments: `SELECT classoid::regclass::text, objoid::text, objsubid, description FROM pg_description d
                WHERE NOT EXISTS (SELECT 1 FROM pg_proc p WHERE p.oid = d.objoid AND p.pronamespace = 'pg_catalog'::regnamespace)
                  AND objoid >= 16384 ORDER BY 1, 2, 3`,
    extensions: `SELECT extname, extversion FROM pg_extension ORDER BY 1`,
    policies: `SELECT polrelid::regclass::text, polname FROM pg_policy ORDER BY 1, 2`,
    eventTriggers: `SELECT evtname FROM pg_event_trigger ORDER BY 1`,
    defaultAcls: `SELECT defaclrole::regrole::text, defaclobjtype, defaclacl::text FROM pg_default_acl ORDER BY 1, 2`,
    settings: `SELECT setrole, setconfig::text FROM pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1`,
  };
  const snapshot: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(queries)) snapshot[name] = (await client.query(sql)).rows;
  return snapshot;
}

/**
 * Two connections that each lock one row and then want the other's: PostgreSQL aborts one of
 * them after deadlock_timeout. Returns both backend pids; the transactions are rolled back.
 */
export async function produceDeadlock(db: MonitoredDatabase, traceparents: [string, string]): Promise<{ pids: [number, number]; errors: string[] }> {
  const [a, b] = await Promise.all([db.connect({ applicationName: "deadlock-a" }), db.connect({ applicationName: "deadlock-b" })]);
  const pids = (await Promise.all([a, b].map(async (c) => (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid))) as [number, number];
  await a.query("BEGIN");
  await b.query("BEGIN");
  await a.query(`UPDATE accounts SET balance = balance - 1 WHERE id = 1 /*traceparent='${traceparents[0]}'*/`);
  await b.query(`UPDATE accounts SET balance = balance - 1 WHERE id = 2 /*traceparent='${traceparents[1]}'*/`);
  const results = await Promise.allSettled([
    a.query(`UPDATE accounts SET balance = balance + 1 WHERE id = 2 /*traceparent='${traceparents[0]}'*/`),
    b.query(`UPDATE accounts SET balance = balance + 1 WHERE id = 1 /*traceparent='${traceparents[1]}'*/`),
  ]);
  await Promise.all([a.query("ROLLBACK"), b.query("ROLLBACK")]);
  const errors = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  return { pids, errors };
}
