import { parseEnv } from "../env";
import { startConsistencyLoop } from "../consistency/run-consistency-loop";
import { prepareInstance } from "../../scripts/prepare-instance";
import { startRouteServer } from "./route-server";

// One Sightline replica for scripts/replicas.int.test.ts, as a process of its own: the same
// start-up as `npm start` (scripts/prepare-instance.ts: migrations, partitions, accounts,
// dashboards, demo rules, then the consistency loop), then the real OTLP and health route
// handlers over node:http, which needs no production build. Run with
// `node --conditions=react-server --import tsx` (so `server-only` imports resolve as in Next.js).
// Prints "replica ready <url>" once it serves; SIGTERM stops it.

const log = (line: string) => console.log(`[replica ${process.pid}] ${line}`);

async function main() {
  const env = parseEnv();
  const { database } = await prepareInstance(env, log);
  const consistency = startConsistencyLoop(database.url, log);
  const [traces, health, { getPool }] = await Promise.all([import("../../app/api/otlp/v1/traces/route"), import("../../app/api/health/route"), import("../db/client")]);
  const server = await startRouteServer({ "/api/otlp/v1/traces": traces, "/api/health": health });
  console.log(`replica ready ${server.url}`);
  process.once("SIGTERM", () => {
    void (async () => {
      await server.close();
      await consistency.stop();
      await getPool().end();
      await database.stop();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  console.error(`[replica ${process.pid}] cannot start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
