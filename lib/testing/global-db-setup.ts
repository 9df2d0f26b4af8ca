import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded-postgres";
import { migrateDatabase } from "../db/migrate-database";
import { maintainPartitions } from "../db/maintain-partitions";
import { withDatabase } from "../db/database-url";
import { assertLocalDatabase } from "./assert-local-database";
import { adminQuery } from "./scratch-database";

// Integration tests run against a real PostgreSQL: an embedded one in a temporary directory, or
// the server TEST_DATABASE_URL names. This setup migrates one template database per run; every
// test file then gets a fresh copy of it (use-test-database.ts), so files never see each
// other's rows. Everything this run created is dropped at the end.

declare module "vitest" {
  export interface ProvidedContext {
    dbTarget: "embedded" | "external";
    /** A connection URL for the server's maintenance database, to create per-file copies. */
    adminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const target = project.config.provide?.dbTarget ?? "embedded";
  const template = `sightline_test_${process.pid}_${Date.now().toString(36)}`;
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;

  if (target === "external") {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DATABASE_URL is not set");
    assertLocalDatabase(base);
    adminUrl = base;
    await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-it-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: 0, database: template });
    adminUrl = withDatabase(embedded.url, "postgres");
  }

  const url = withDatabase(adminUrl, template);
  await migrateDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await maintainPartitions(client, { retention: { spans: 7, metrics: 30, logs: 7, audit: 90, locks: 30, rollups: 30 }, daysAhead: 2 });
  await client.end();
  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    if (embedded) await embedded.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (target === "external") {
      const { rows } = await adminQuery(adminUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1", [`${template}%`]);
      for (const { datname } of rows as { datname: string }[]) {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
  };
}
