import pg from "pg";
import { PROVISIONED_DIR, readProvisionedDashboards } from "./read-provisioned-dashboards";

// Run by `npm start` once the database is migrated (like prepare-accounts): each provisioned
// file is upserted by its stable id, so the file is the source of truth — a changed file
// changes its dashboard (version + 1) at the next start, an unchanged one touches nothing, and
// a dashboard whose file is gone is deleted. Only when every file read cleanly: a file with a
// typo must not delete the dashboard it used to describe.

export interface ProvisionOutcome {
  created: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  problems: string[];
}

const UPSERT = `
  INSERT INTO dashboards (id, title, description, panels, layout, provisioned_id, provisioned_file, version, updated_at)
  VALUES (gen_random_uuid(), $1, $2, $3::jsonb, $4::jsonb, $5, $6, 1, now())
  ON CONFLICT (provisioned_id) DO UPDATE
     SET title = EXCLUDED.title, description = EXCLUDED.description, panels = EXCLUDED.panels, layout = EXCLUDED.layout,
         provisioned_file = EXCLUDED.provisioned_file, version = dashboards.version + 1, updated_at = now()
   WHERE (dashboards.title, dashboards.description, dashboards.panels, dashboards.layout, dashboards.provisioned_file)
         IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.panels, EXCLUDED.layout, EXCLUDED.provisioned_file)
  RETURNING version`;

export async function provisionDashboards(databaseUrl: string, dir: string = PROVISIONED_DIR): Promise<ProvisionOutcome> {
  const { dashboards, problems } = readProvisionedDashboards(dir);
  const outcome: ProvisionOutcome = { created: [], updated: [], unchanged: [], removed: [], problems };
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "sightline-start" });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const d of dashboards) {
      const { rows } = await client.query<{ version: number }>(UPSERT, [d.title, d.description, JSON.stringify(d.panels), JSON.stringify(d.layout), d.id, d.file]);
      const row = rows[0];
      (row === undefined ? outcome.unchanged : row.version === 1 ? outcome.created : outcome.updated).push(d.id);
    }
    if (problems.length === 0) {
      const { rows } = await client.query<{ provisioned_id: string }>(
        "DELETE FROM dashboards WHERE provisioned_id IS NOT NULL AND NOT (provisioned_id = ANY($1::text[])) RETURNING provisioned_id",
        [dashboards.map((d) => d.id)],
      );
      outcome.removed = rows.map((r) => r.provisioned_id);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return outcome;
}

/** One line for the start-up log. */
export function describeProvisionOutcome(outcome: ProvisionOutcome): string {
  const counts = `${outcome.created.length} created, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged, ${outcome.removed.length} removed`;
  return `dashboards from files: ${counts}${outcome.problems.length ? `; left out: ${outcome.problems.join(" | ")}` : ""}`;
}
