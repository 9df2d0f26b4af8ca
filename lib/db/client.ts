import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server-env";

// The one place that opens database connections in the app server: a `pg` pool for bulk
// telemetry SQL, and the Prisma client for relational entities riding on the same pool.
// `npm start` starts the database and hands its URL to the server as DATABASE_URL.
// With DATABASE_READ_URL (a streaming replica), getReadPool() is a second pool on the replica for
// the read-only API routes; everything that writes, and Prisma, stays on the primary. A replica
// lags: reads that must see a write just made (read-your-writes) use getPool(), not this one.

interface Connections {
  pool: pg.Pool;
  prisma: PrismaClient;
  readPool?: pg.Pool;
}

declare global {
  // Survives Next.js dev-mode module reloads, so edits do not leak pools.
  var sightlineDb: Connections | undefined;
}

function openPool(connectionString: string, applicationName: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: applicationName,
  });
  // An idle client losing its connection (database restart) must not crash the server; the pool
  // drops it and opens a new one on demand. A restart drops every idle client at once: one line.
  let lastLost = 0;
  pool.on("error", (error) => {
    if (Date.now() - lastLost < 10_000) return;
    lastLost = Date.now();
    console.error(`[sightline] database connection lost (${applicationName}):`, error.message);
  });
  // A checked-out client whose connection dies between two of its queries (the database
  // restarting mid-transaction) emits 'error' with nobody listening, which would end the
  // process; the next query on it fails anyway, and that failure is what the caller handles
  // (a store failure is a 503 the exporter retries).
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

function connect(): Connections {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start Sightline with `npm start`, which starts or finds the database");
  }
  const pool = openPool(env.DATABASE_URL, "sightline");
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function db() {
  globalThis.sightlineDb ??= connect();
  return globalThis.sightlineDb;
}

export function getPool(): pg.Pool {
  return db().pool;
}

export function getPrisma(): PrismaClient {
  return db().prisma;
}

/** The pool for read-only queries: the replica's when DATABASE_READ_URL is set, else the primary's. */
export function getReadPool(): pg.Pool {
  const connections = db();
  if (!env.DATABASE_READ_URL) return connections.pool;
  connections.readPool ??= openPool(env.DATABASE_READ_URL, "sightline-read");
  return connections.readPool;
}

/** Whether reads go to a replica (health then reports how far behind it is). */
export function hasReadReplica(): boolean {
  return env.DATABASE_READ_URL !== undefined;
}
