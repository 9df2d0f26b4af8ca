import pg from "pg";
import type { Env } from "../lib/env";
import { prepareAccounts } from "../lib/auth/prepare-accounts";
import { ensureDemoAlertRules } from "../lib/alerts/ensure-demo-rules";
import { ensureDemoRules } from "../lib/consistency/ensure-demo-rules";
import { describeProvisionOutcome, provisionDashboards } from "../lib/dashboards/provision-dashboards";
import { prepareDatabase, type PrepareOptions, type PreparedDatabase } from "../lib/db/prepare-database";
import { withStartupLock } from "../lib/db/with-startup-lock";
import { ensureDemoSlo } from "../lib/slo/ensure-demo-slo";

// The database side of `npm start`, before the web server: find or start PostgreSQL, migrate,
// make partitions, then the start-up rows (admin, setup token, provisioned dashboards, the demo's
// rules). Every replica runs all of it at every start, so each step is safe when replicas race:
// migrations queue on node-pg-migrate's lock, partitions on sightline_ensure_partition's, and the
// start-up rows on the start-up lock (lib/db/with-startup-lock.ts). Shared with the replica test.

export interface PreparedInstance {
  database: PreparedDatabase;
  setupToken: string | null;
  demoOn: boolean;
}

export async function prepareInstance(env: Env, log: (line: string) => void, options: PrepareOptions = {}): Promise<PreparedInstance> {
  const database = await prepareDatabase(env, log, options);
  const demoOn = env.SIGHTLINE_DEMO ?? database.embedded;
  try {
    const setupToken = await withStartupLock(database.url, async () => {
      const accounts = await prepareAccounts(database.url, { adminEmail: env.SIGHTLINE_ADMIN_EMAIL, adminPassword: env.SIGHTLINE_ADMIN_PASSWORD, dataDir: env.SIGHTLINE_DATA_DIR });
      if (accounts.adminCreated) log(`admin ${env.SIGHTLINE_ADMIN_EMAIL} created (SIGHTLINE_ADMIN_EMAIL)`);
      log(describeProvisionOutcome(await provisionDashboards(database.url)));
      if (demoOn) await createDemoRules(database.url, log);
      return accounts.setupToken;
    });
    return { database, setupToken, demoOn };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** The demo shop's consistency rules, alert rules and SLO, each created once (a user's edit of one is kept). */
async function createDemoRules(url: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url, application_name: "sightline-start" });
  await client.connect();
  try {
    const { created, skipped } = await ensureDemoRules(client);
    if (created.length) log(`consistency rules for the demo created: ${created.join(", ")}`);
    if (skipped.length) log(`demo consistency rules not created, a rule of that name exists: ${skipped.join(", ")}`);
    const alerts = await ensureDemoAlertRules(client);
    if (alerts.created.length) log(`alert rules for the demo created: ${alerts.created.join(", ")}`);
    if (alerts.skipped.length) log(`demo alert rules not created, a rule of that name exists: ${alerts.skipped.join(", ")}`);
    if ((await ensureDemoSlo(client)).created) log("SLO for the demo created: Checkout availability");
  } finally {
    await client.end();
  }
}
