import type pg from "pg";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import type { AlertEvent } from "./schemas";

// Alert history, newest first, with each event's notifications (one row per contact point).
// One statement: the notifications are aggregated per event beside the events' own page.

const DAY_MS = 86_400_000;

interface EventRow {
  id: string;
  rule_id: string;
  rule_name: string;
  kind: AlertEvent["kind"];
  at_ms: string;
  value: number | null;
  threshold: number;
  silenced: boolean;
  incident_id: string | null;
  notifications: { contactId: string; contactName: string; status: "pending" | "sent" | "failed"; attempts: number; lastError: string | null; sentAtMs: number | null }[];
}

export async function listAlertEvents(
  db: Pick<pg.Pool, "query">,
  query: { from?: number | undefined; to?: number | undefined; rule?: string | undefined; limit: number },
  nowMs: number,
): Promise<{ events: AlertEvent[]; truncated: boolean }> {
  const { fromMs, toMs } = resolveTimeRange(query, nowMs, DAY_MS);
  const { rows } = await db.query<EventRow>(
    `SELECT e.id::text, e.rule_id, r.name AS rule_name, e.kind, extract(epoch FROM e.at) * 1000 AS at_ms, e.value, e.threshold, e.silenced,
            e.incident_id::text AS incident_id,
            COALESCE((SELECT json_agg(json_build_object('contactId', n.contact_id, 'contactName', c.name, 'status', n.status, 'attempts', n.attempts,
                                                        'lastError', n.last_error, 'sentAtMs', round(extract(epoch FROM n.sent_at) * 1000))
                                      ORDER BY c.name)
                        FROM alert_notifications n JOIN alert_contacts c ON c.id = n.contact_id WHERE n.event_id = e.id), '[]') AS notifications
       FROM alert_events e JOIN alert_rules r ON r.id = e.rule_id
      WHERE e.at >= $1 AND e.at < $2 AND ($3::uuid IS NULL OR e.rule_id = $3::uuid)
      ORDER BY e.at DESC, e.id DESC
      LIMIT $4`,
    [new Date(fromMs), new Date(toMs), query.rule ?? null, query.limit + 1],
  );
  const events = rows.slice(0, query.limit).map(
    (row): AlertEvent => ({
      id: row.id,
      ruleId: row.rule_id,
      ruleName: row.rule_name,
      kind: row.kind,
      atMs: Math.round(Number(row.at_ms)),
      value: row.value,
      threshold: row.threshold,
      silenced: row.silenced,
      incidentId: row.incident_id,
      notifications: row.notifications.map((n) => ({ ...n, sentAtMs: n.sentAtMs === null ? null : Number(n.sentAtMs) })),
    }),
  );
  return { events, truncated: rows.length > query.limit };
}
