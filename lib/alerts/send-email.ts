import type { Mailer } from "./deliver-notifications";
import type { AlertNotification } from "./schemas";
import type { DeliveryResult } from "./send-webhook";

// One alert e-mail through the configured SMTP server (nodemailer). A refusal of the recipients
// (5xx) will not change by itself; connection problems and 4xx (greylisting, busy) are retried.

export async function sendEmail(mailer: Mailer, to: string[], payload: AlertNotification): Promise<DeliveryResult> {
  const state = payload.test ? "TEST" : payload.state === "firing" ? "FIRING" : "RESOLVED";
  const lines = [
    payload.summary,
    "",
    `Rule: ${payload.rule.name}`,
    ...Object.entries(payload.rule.labels).map(([key, value]) => `${key}: ${value}`),
    `Since: ${new Date(payload.startsAtMs).toISOString()}`,
    ...(payload.endsAtMs !== null ? [`Resolved: ${new Date(payload.endsAtMs).toISOString()}`] : []),
    "",
    `See it: ${payload.url}`,
    ...(payload.incidentUrl ? [`Incident: ${payload.incidentUrl}`] : []),
  ];
  try {
    await mailer.transport.sendMail({
      from: mailer.from,
      to,
      subject: `[${state}] ${payload.rule.name}`,
      text: lines.join("\n"),
      headers: { "X-Sightline-Delivery": payload.id },
    });
    return { ok: true };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return { ok: false, retry: code === undefined || code < 500, error: error instanceof Error ? error.message : String(error) };
  }
}
