import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";

// The throwaway store of the query benchmarks: an embedded PostgreSQL in a temporary directory
// (the same server and settings as `npm start`), migrated, removed afterwards (also on Ctrl-C).
// While `seed` loads it: fewer checkpoints, and no autovacuum racing the load; then `measure`
// runs with autovacuum back on.

export async function withBenchDatabase(options: {
  prefix: string;
  log: (line: string) => void;
  poolMax: number;
  seed: (pool: pg.Pool) => Promise<void>;
  measure: (pool: pg.Pool) => Promise<void>;
}): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), options.prefix));
  let database: EmbeddedDatabase | undefined;
  let pool: pg.Pool | undefined;
  const cleanUp = async () => {
    await pool?.end().catch(() => {});
    await database?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    database = await startEmbeddedPostgres({ dataDir, port: 0, log: options.log });
    await migrateDatabase(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: options.poolMax, options: "-c synchronous_commit=off" });
    await pool.query("ALTER SYSTEM SET max_wal_size = '8GB'");
    await pool.query("ALTER SYSTEM SET autovacuum = off");
    await pool.query("SELECT pg_reload_conf()");
    await options.seed(pool);
    await pool.query("ALTER SYSTEM RESET autovacuum");
    await pool.query("SELECT pg_reload_conf()");
    await options.measure(pool);
  } finally {
    await cleanUp();
  }
}
