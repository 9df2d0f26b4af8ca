import type pg from "pg";
import type { EvidenceItem, IncidentSeverity } from "@/lib/incidents/schemas";

// A firing rule with `openIncident` opens an incident; its resolution is noted on the incident's
// timeline (the incident itself stays open: people decide when it is over). Written with plain
// SQL inside the evaluator's transaction, because the evaluator runs in `npm start`'s process,
// outside the Next.js server where lib/incidents' Prisma client lives; the rows are the ones
// lib/incidents/create-incident.ts writes ("created", then one "evidence" entry per item), so
// the incident pages read them alike.

/** The incident's window starts this long before the condition started holding. */
export const INCIDENT_LEAD_MS = 15 * 60_000;

export interface AlertIncidentInput {
  ruleName: string;
  severity: IncidentSeverity;
  summary: string;
  pendingSinceMs: number;
  nowMs: number;
  evidence: EvidenceItem[];
  filters: Record<string, string>;
}

export const alertAuthor = (ruleName: string) => `alert: ${ruleName}`.slice(0, 200);

export async function openAlertIncident(client: pg.ClientBase, input: AlertIncidentInput): Promise<string> {
  const at = new Date(input.nowMs);
  const author = alertAuthor(input.ruleName);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO incidents (id, title, severity, status, summary, started_at, window_to, filters, detected_at, created_by, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'investigating', $3, $4, $5, $6, $5, $7, $5, $5) RETURNING id::text`,
    [
      input.ruleName.slice(0, 200),
      input.severity,
      input.summary.slice(0, 5_000),
      new Date(Math.min(input.pendingSinceMs, input.nowMs) - INCIDENT_LEAD_MS),
      at,
      JSON.stringify({ source: "alert", values: input.filters }),
      author,
    ],
  );
  const id = rows[0]!.id;
  const entries = [{ kind: "created", body: {} }, ...input.evidence.map((item) => ({ kind: "evidence", body: { item } }))];
  await client.query(
    `INSERT INTO incident_events (id, incident_id, kind, body, at, author)
     SELECT gen_random_uuid(), $1, e.kind, e.body, $3, $4 FROM jsonb_to_recordset($2::jsonb) AS e(kind text, body jsonb)`,
    [id, JSON.stringify(entries), at, author],
  );
  return id;
}

/** "Alert resolved at …" on the incident's timeline; an incident deleted since is skipped. */
export async function noteAlertResolved(client: pg.ClientBase, incidentId: string, ruleName: string, text: string, nowMs: number): Promise<void> {
  await client.query(
    `INSERT INTO incident_events (id, incident_id, kind, body, at, author)
     SELECT gen_random_uuid(), id, 'note', $2, $3, $4 FROM incidents WHERE id = $1`,
    [incidentId, JSON.stringify({ text: text.slice(0, 5_000) }), new Date(nowMs), alertAuthor(ruleName)],
  );
}
