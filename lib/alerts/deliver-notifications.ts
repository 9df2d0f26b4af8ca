import type pg from "pg";
import type { Transporter } from "nodemailer";
import { retryDelayMs } from "./retry-delay";
import type { AlertNotification } from "./schemas";
import { sendEmail } from "./send-email";
import { sendWebhook, type DeliveryResult } from "./send-webhook";

// The outbox's sender: takes due rows (FOR UPDATE SKIP LOCKED, so replicas never send one row
// twice at once), sends each, and records the outcome: sent; retried later (network error, 5xx,
// 429: see retry-delay.ts); or failed for good (another 4xx, no SMTP configured, out of retries).
// A row is claimed by moving its next attempt a delivery timeout ahead before it is sent, so a
// process dying mid-send leaves it to be retried, never lost.

export interface Mailer {
  transport: Transporter;
  from: string;
}

const CLAIM_MS = 60_000;

interface DueRow {
  id: string;
  attempts: number;
  payload: AlertNotification;
  kind: "webhook" | "email";
  url: string | null;
  secret: string | null;
  email_to: string[];
}

export async function deliverNotifications(pool: pg.Pool, options: { nowMs: number; mailer: Mailer | null; limit?: number; only?: string[] }): Promise<{ sent: number; retried: number; failed: number }> {
  const { rows } = await pool.query<DueRow>(
    `WITH due AS (
       SELECT n.id FROM alert_notifications n
        WHERE n.status = 'pending' AND n.next_attempt_at <= $1 AND ($3::uuid[] IS NULL OR n.id = ANY($3::uuid[]))
        ORDER BY n.next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE alert_notifications n SET next_attempt_at = $1::timestamptz + make_interval(secs => ${CLAIM_MS / 1_000})
       FROM due, alert_contacts c
      WHERE n.id = due.id AND c.id = n.contact_id
     RETURNING n.id::text, n.attempts, n.payload, c.kind, c.url, c.secret, c.email_to`,
    [new Date(options.nowMs), options.limit ?? 50, options.only ?? null],
  );
  const counts = { sent: 0, retried: 0, failed: 0 };
  await Promise.all(
    rows.map(async (row) => {
      const result = await deliver(row, options);
      const attempts = row.attempts + 1;
      const delay = result.ok || !result.retry ? null : retryDelayMs(attempts);
      const status = result.ok ? "sent" : delay === null ? "failed" : "pending";
      counts[status === "sent" ? "sent" : status === "failed" ? "failed" : "retried"]++;
      await pool.query(
        `UPDATE alert_notifications SET status = $2, attempts = $3, last_error = $4, sent_at = $5,
                next_attempt_at = COALESCE($6, next_attempt_at) WHERE id = $1`,
        [row.id, status, attempts, result.ok ? null : result.error.slice(0, 1_000), result.ok ? new Date(options.nowMs) : null, delay === null ? null : new Date(options.nowMs + delay)],
      );
    }),
  );
  return counts;
}

async function deliver(row: DueRow, options: { mailer: Mailer | null }): Promise<DeliveryResult> {
  if (row.kind === "webhook") {
    if (!row.url || !row.secret) return { ok: false, retry: false, error: "the contact point has no URL or secret" };
    return sendWebhook(row.url, row.secret, row.id, row.payload);
  }
  if (!options.mailer) return { ok: false, retry: false, error: "e-mail is not configured: set SIGHTLINE_SMTP_URL" };
  return sendEmail(options.mailer, row.email_to, row.payload);
}
