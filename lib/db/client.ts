import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server-env";

// The one place that opens database connections in the app server: a `pg` pool for bulk
// telemetry SQL, and the Prisma client for relational entities riding on the same pool.
// `npm start` starts the database and hands its URL to the server as DATABASE_URL.

declare global {
  // Survives Next.js dev-mode module reloads, so edits do not leak pools.
  var sightlineDb: { pool: pg.Pool; prisma: PrismaClient } | undefined;
}

function connect() {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start Sightline with `npm start`, which starts or finds the database");
  }
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: "sightline",
  });
  // An idle client losing its connection (database restart) must not crash the server; the pool
  // drops it and opens a new one on demand. A restart drops every idle client at once: one line.
  let lastLost = 0;
  pool.on("error", (error) => {
    if (Date.now() - lastLost < 10_000) return;
    lastLost = Date.now();
    console.error("[sightline] database connection lost:", error.message);
  });
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
