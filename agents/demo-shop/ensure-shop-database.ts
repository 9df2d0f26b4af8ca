import { readFileSync } from "node:fs";
import pg from "pg";

// Creates the shop's database when it does not exist yet (on the server its URL names, through
// the server's `postgres` maintenance database) and applies the idempotent schema + seed.
// Concurrent starts are safe: a lost CREATE DATABASE race is ignored and the schema is applied
// under an advisory lock.

const SCHEMA_SQL = readFileSync(new URL("./shop-schema.sql", import.meta.url), "utf8");
const SCHEMA_LOCK = 0x5e0d_5809; // any constant; only shop schema runs take it

export async function ensureShopDatabase(url: string): Promise<{ created: boolean }> {
  const created = await createDatabaseIfMissing(url);
  const client = new pg.Client({ connectionString: url, application_name: "demo-shop/setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SCHEMA_LOCK]);
    await client.query(SCHEMA_SQL);
  } finally {
    await client.end(); // releases the advisory lock with the session
  }
  return { created };
}

async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`the shop database URL names no database: ${url}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), application_name: "demo-shop/setup" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "42P04") return false; // created by a concurrent start
    throw error;
  } finally {
    await client.end();
  }
}
