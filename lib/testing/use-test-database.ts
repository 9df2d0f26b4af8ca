import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { TEST_INGEST_KEY } from "./test-ingest-key";

// Runs before each integration test file: a fresh copy of the migrated template database for
// this file alone, named in DATABASE_URL before any server module reads the environment.

const template = inject("templateDatabase");
const name = `${template}_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: inject("adminUrl") });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
} finally {
  await admin.end();
}
const url = new URL(inject("adminUrl"));
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.SIGHTLINE_INGEST_KEY = TEST_INGEST_KEY;
