import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";

// The throwaway store of the query benchmarks: an embedded PostgreSQL in a temporary directory
// (the same server and settings as `npm start`), migrated, removed afterwards (also on Ctrl-C).
// While `seed` loads it: fewer checkpoints, and no autovacuum racing the load; then `measure`
// runs with autovacuum back on. With `keep`, the store lives in that directory and stays; a
// directory that already holds a seeded store is measured again without seeding (what `seed`
// returned the first time is kept beside it), for quick re-runs while working on a query.

export async function withBenchDatabase<Seeded>(options: {
  prefix: string;
  log: (line: string) => void;
  poolMax: number;
  keep?: string | undefined;
  seed: (pool: pg.Pool) => Promise<Seeded>;
  measure: (pool: pg.Pool, seeded: Seeded) => Promise<void>;
}): Promise<void> {
  const dataDir = options.keep ? path.resolve(options.keep) : mkdtempSync(path.join(os.tmpdir(), options.prefix));
  if (options.keep) mkdirSync(dataDir, { recursive: true });
  const seededFile = path.join(dataDir, "bench-seeded.json");
  let database: EmbeddedDatabase | undefined;
  let pool: pg.Pool | undefined;
  const cleanUp = async () => {
    await pool?.end().catch(() => {});
    await database?.stop().catch(() => {});
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    database = await startEmbeddedPostgres({ dataDir, port: 0, log: options.log });
    await migrateDatabase(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: options.poolMax, options: "-c synchronous_commit=off" });
    await pool.query("ALTER SYSTEM SET max_wal_size = '8GB'");
    await pool.query("ALTER SYSTEM SET autovacuum = off");
    await pool.query("SELECT pg_reload_conf()");
    const kept = existsSync(seededFile) ? { seeded: JSON.parse(readFileSync(seededFile, "utf8")) as Seeded } : null;
    if (kept) options.log(`measuring the store kept in ${dataDir}, seeded by an earlier run`);
    const seeded = kept ? kept.seeded : await options.seed(pool);
    if (options.keep && !kept) writeFileSync(seededFile, JSON.stringify(seeded ?? null));
    await pool.query("ALTER SYSTEM RESET autovacuum");
    await pool.query("SELECT pg_reload_conf()");
    await options.measure(pool, seeded);
  } finally {
    await cleanUp();
  }
}
