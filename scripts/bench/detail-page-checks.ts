import { auditRowHref, auditTransactionHref } from "../../lib/audit/audit-links";
import type { AuditChange } from "../../lib/schemas/audit";
import { BUDGET_MS, type PageCheck } from "./measure-pages";
import type { BenchServer } from "./start-bench-server";

// The pages one level down — a job, an SLO, an alert rule, a consistency rule, an incident, its
// share link, a row's history and a transaction — opened by their address, as a link someone
// sent is. Their subjects are found (or, for the incident, made) through the API; a page whose
// subject does not exist here (no demo running: no jobs, no audit trail) is named and skipped.

interface Found {
  checks: PageCheck[];
  missing: string[];
}

/** The page's heading and its main part: a table's rows, a card, or the notice shown in its place. */
const detail = (name: string, path: string): PageCheck => ({
  name,
  path,
  content: [{ selector: "main h1" }, { selector: "main table tbody tr, main .mantine-Paper-root, main .mantine-Alert-root" }],
  budgetMs: BUDGET_MS,
});

export async function detailPageChecks(server: BenchServer): Promise<Found> {
  const headers = { authorization: `Bearer ${server.apiToken}`, "content-type": "application/json" };
  const get = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${server.url}${path}`, { headers });
    if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const answer = await fetch(`${server.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  const found: Found = { checks: [], missing: [] };
  const add = (name: string, path: string | null) => (path ? found.checks.push(detail(name, path)) : found.missing.push(name));

  const [{ jobs }, { slos }, { rules: alertRules }, { rules: consistencyRules }] = await Promise.all([
    get<{ jobs: { service: string; job: string }[] }>("/api/v1/jobs"),
    get<{ slos: { id: string }[] }>("/api/v1/slos"),
    get<{ rules: { id: string }[] }>("/api/v1/alerts/rules"),
    get<{ rules: { id: string }[] }>("/api/v1/consistency/rules"),
  ]);
  const job = jobs[0];
  add("job", job ? `/jobs/${encodeURIComponent(job.service)}/${encodeURIComponent(job.job)}` : null);
  add("SLO", slos[0] ? `/slos/${slos[0].id}` : null);
  add("alert rule", alertRules[0] ? `/alerts/rules/${alertRules[0].id}` : null);
  add("consistency rule", consistencyRules[0] ? `/consistency/rules/${consistencyRules[0].id}` : null);

  const now = Date.now();
  const incident = await post<{ id: string }>("/api/v1/incidents", { title: "Checkout slow (bench)", windowFromMs: now - 30 * 60_000, windowToMs: now });
  add("incident", `/incidents/${incident.id}`);
  const share = await post<{ path: string }>(`/api/v1/incidents/${incident.id}/share-links`, { expiresInHours: 1 });
  // A share link's page has no app frame (and no main heading of its own kind): its card is the content.
  found.checks.push({ name: "share link", path: share.path, content: [{ selector: "h1, h2" }, { selector: ".mantine-Paper-root" }], budgetMs: BUDGET_MS, signedOut: true });

  const { changes } = await get<{ changes: AuditChange[] }>("/api/v1/audit/changes?limit=1");
  const change = changes[0];
  add("row history", change ? auditRowHref(change) : null);
  add("transaction", change && change.txid !== null ? auditTransactionHref(change.database, change.txid) : null);
  return found;
}
