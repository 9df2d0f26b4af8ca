import pg from "pg";
import { createSecretToken, hashSecretToken } from "../lib/auth/secret-token";

// Right after `npm start` says it is ready, each page is rendered once, so the first person to
// open one does not pay for the server's first run of its code: on a two-core machine a page's
// first render after a start took 1.4–13 s where later ones took 0.5 s (its API routes' first
// calls, the database pool's new connections and their first plans; docs/benchmarks.md, "Pages").
// The pages are asked for the way a browser asks on a first visit, so they load their data from
// the API as they do then. To be let in, the warm-up uses a viewer API token it stores for the
// purpose (its secret exists only in this process, it expires in two minutes) and deletes as
// soon as it is done. SIGHTLINE_WARM_UP=0 turns it off.

/** The pages of the navigation; a service page and a dashboard are added from the API's answers. */
const PAGES = ["/", "/services", "/services/map", "/traces", "/metrics", "/dashboards", "/database", "/audit", "/consistency", "/reports/timeouts", "/incidents", "/alerts", "/slos", "/jobs"];
const TOKEN_NAME = "start-up warm-up (deleted when done)";
const TOKEN_LIFETIME_MS = 2 * 60_000;
/** A page that has not answered by then is left (and the next one asked): this is only a warm-up. */
const PAGE_TIMEOUT_MS = 20_000;

export interface WarmUpResult {
  pages: number;
  failed: string[];
  ms: number;
}

export async function warmUpPages(baseUrl: string, databaseUrl: string): Promise<WarmUpResult> {
  const started = performance.now();
  const token = createSecretToken("slt_");
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "sightline-warm-up" });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO api_tokens (id, name, token_hash, prefix, role, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, 'viewer', now() + make_interval(secs => $4)) RETURNING id`,
    [TOKEN_NAME, hashSecretToken(token), token.slice(0, 10), TOKEN_LIFETIME_MS / 1000],
  );
  const failed: string[] = [];
  try {
    const get = (path: string) => fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
    const pages = [...PAGES, ...(await firstOf(get))];
    // One at a time: the point is to run each page's code once, not to load the machine.
    for (const page of pages) {
      const ok = await get(page).then(
        async (response) => {
          await response.arrayBuffer();
          return response.ok;
        },
        () => false,
      );
      if (!ok) failed.push(page);
    }
    return { pages: pages.length, failed, ms: performance.now() - started };
  } finally {
    await client.query(`DELETE FROM api_tokens WHERE id = $1`, [rows[0]!.id]).finally(() => client.end());
  }
}

/** A service page and a dashboard, when there are any: their pages render more than an empty list. */
async function firstOf(get: (path: string) => Promise<Response>): Promise<string[]> {
  const json = (path: string) => get(path).then((r) => (r.ok ? (r.json() as Promise<unknown>) : null), () => null);
  const [services, dashboards] = await Promise.all([json("/api/v1/services"), json("/api/v1/dashboards")]);
  const service = (services as { services?: { name?: unknown }[] } | null)?.services?.[0]?.name;
  const dashboard = (dashboards as { dashboards?: { id?: unknown }[] } | null)?.dashboards?.[0]?.id;
  return [
    ...(typeof service === "string" ? [`/services/${encodeURIComponent(service)}`] : []),
    ...(typeof dashboard === "string" ? [`/dashboards/${encodeURIComponent(dashboard)}`] : []),
  ];
}
