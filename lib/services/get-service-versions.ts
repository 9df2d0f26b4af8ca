import type pg from "pg";
import type { ServiceVersionsResponse } from "./schemas";

// GET /api/v1/services/{service}/versions: the `service.version`s its resources carried, when
// each first reached Sightline (ingest time, not span time: the chart markers), and whether each still sent spans at the
// end of the window. Resources are few (one per instance and version); spans are read only for
// the last RECENT_MS of the window through the (service_name, start_time) index.

type Queryable = Pick<pg.Pool, "query">;

const RECENT_MS = 15 * 60_000;
const VERSION_LIMIT = 20;

export async function getServiceVersions(db: Queryable, input: { service: string; fromMs: number; toMs: number }): Promise<ServiceVersionsResponse> {
  const to = new Date(input.toMs).toISOString();
  const [resources, recent] = await Promise.all([
    db.query<{ version: string; first_ms: number; instances: number; ids: string[] }>(
      `SELECT coalesce(attributes ->> 'service.version', '') AS version, extract(epoch FROM min(first_seen))::float8 * 1000 AS first_ms,
              count(*)::int AS instances, array_agg(id::text) AS ids
         FROM resources WHERE service_name = $1
        GROUP BY 1 ORDER BY 2 DESC LIMIT ${VERSION_LIMIT}`,
      [input.service],
    ),
    db.query<{ resource_id: string; last_ms: number }>(
      `SELECT resource_id::text, extract(epoch FROM max(start_time))::float8 * 1000 AS last_ms FROM spans
        WHERE service_name = $1 AND start_time >= $2::timestamptz AND start_time < $3::timestamptz GROUP BY 1`,
      [input.service, new Date(Math.max(input.fromMs, input.toMs - RECENT_MS)).toISOString(), to],
    ),
  ]);
  const lastByResource = new Map(recent.rows.map((row) => [row.resource_id, row.last_ms]));
  const known = resources.rows.length > 0 || (await db.query(`SELECT 1 FROM resources WHERE service_name = $1 LIMIT 1`, [input.service])).rows.length > 0;
  return {
    known,
    versions: resources.rows.map((row) => {
      const seen = row.ids.map((id) => lastByResource.get(id)).filter((ms): ms is number => ms !== undefined);
      return { version: row.version, firstSeenMs: row.first_ms, lastSeenMs: seen.length > 0 ? Math.max(...seen) : null, instances: row.instances };
    }),
  };
}
