import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { AlertNotification } from "./schemas";

// The outbox: one row per (event, contact point), written in the evaluator's transaction with
// the event itself, so an event is notified exactly when it is recorded. The row's id is the
// payload's id and the X-Sightline-Delivery header: the same on every retry.

export async function enqueueNotifications(
  client: pg.ClientBase,
  eventId: string | null,
  contactIds: string[],
  payloadOf: (id: string) => AlertNotification,
  nowMs: number,
): Promise<string[]> {
  if (!contactIds.length) return [];
  // Contact points deleted since the rule named them are skipped (the join keeps the live ones).
  const ids = contactIds.map(() => randomUUID());
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO alert_notifications (id, event_id, contact_id, payload, next_attempt_at, created_at)
     SELECT n.id, $1, n.contact_id, n.payload, $4, $4
       FROM unnest($2::uuid[], $3::jsonb[], $5::uuid[]) AS n(id, payload, contact_id)
      WHERE EXISTS (SELECT 1 FROM alert_contacts c WHERE c.id = n.contact_id)
     RETURNING id::text`,
    [eventId, ids, ids.map((id) => JSON.stringify(payloadOf(id))), new Date(nowMs), contactIds],
  );
  return rows.map((row) => row.id);
}
