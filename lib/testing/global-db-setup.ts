import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded-postgres";
import { migrateDatabase } from "../db/migrate-database";
import { maintainPartitions } from "../db/maintain-partitions";
import { assertLocalDatabase } from "./assert-local-database";

// Integration tests get a fresh, migrated database of their own for each run: on an embedded
// PostgreSQL in a temporary directory, or as a new database on the server TEST_DATABASE_URL
// names (dropped afterwards). Tests read its URL with inject("databaseUrl").

declare module "vitest" {
  export interface ProvidedContext {
    dbTarget: "embedded" | "external";
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const target = project.config.provide?.dbTarget ?? "embedded";
  const name = `sightline_test_${process.pid}_${Date.now().toString(36)}`;
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let url: string;
  let adminUrl: string | undefined;

  if (target === "external") {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DATABASE_URL is not set");
    assertLocalDatabase(base);
    adminUrl = base;
    await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const parsed = new URL(base);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-it-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: 0, database: name });
    url = embedded.url;
  }

  await migrateDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await maintainPartitions(client, { retention: { spans: 7, metrics: 30, logs: 7, audit: 90, locks: 30, rollups: 30 }, daysAhead: 2 });
  await client.end();
  project.provide("databaseUrl", url);

  return async () => {
    if (embedded) await embedded.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (adminUrl) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
