import type pg from "pg";
import { enqueueNotifications } from "./enqueue-notifications";
import { deliverNotifications, type Mailer } from "./deliver-notifications";
import { getContact } from "./get-contact";
import type { ContactTestResult } from "./schemas";

// "Send a test": one notification through the outbox (so it is signed, recorded and retried
// like any other), delivered at once, the outcome answered to the person waiting for it.

export async function testContact(pool: pg.Pool, id: string, options: { nowMs: number; baseUrl: string; mailer: Mailer | null }): Promise<ContactTestResult> {
  const contact = await getContact(pool, id);
  const client = await pool.connect();
  let notificationId: string;
  try {
    [notificationId] = (await enqueueNotifications(
      client,
      null,
      [contact.id],
      (nid) => ({
        id: nid,
        state: "firing",
        rule: { id: "00000000-0000-4000-8000-000000000000", name: "Sightline test notification", labels: {} },
        summary: `A test of contact point "${contact.name}": if you read this, alerts reach you.`,
        value: null,
        threshold: 0,
        startsAtMs: options.nowMs,
        endsAtMs: null,
        url: `${options.baseUrl}/alerts`,
        incidentUrl: null,
        test: true,
      }),
      options.nowMs,
    )) as [string];
  } finally {
    client.release();
  }
  await deliverNotifications(pool, { nowMs: options.nowMs, mailer: options.mailer, only: [notificationId] });
  const { rows } = await pool.query<{ status: ContactTestResult["status"]; last_error: string | null }>("SELECT status, last_error FROM alert_notifications WHERE id = $1", [notificationId]);
  return { notificationId, status: rows[0]?.status ?? "pending", error: rows[0]?.last_error ?? null };
}
