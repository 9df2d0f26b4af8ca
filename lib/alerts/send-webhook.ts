import type { AlertNotification } from "./schemas";
import { signWebhook } from "./sign-webhook";

// One webhook delivery: a signed JSON POST (sign-webhook.ts), 10 s to answer. Network errors,
// timeouts, 5xx and 429 are worth retrying; any other non-2xx answer will not change by itself.

export type DeliveryResult = { ok: true } | { ok: false; retry: boolean; error: string };

const TIMEOUT_MS = 10_000;

export async function sendWebhook(url: string, secret: string, deliveryId: string, payload: AlertNotification, nowMs = Date.now()): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Sightline-Alerts/1",
        "x-sightline-delivery": deliveryId,
        "x-sightline-signature": signWebhook(secret, body, Math.floor(nowMs / 1_000)),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    if (response.ok) return { ok: true };
    return { ok: false, retry: response.status >= 500 || response.status === 429, error: `the receiver answered ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, retry: true, error: `could not reach ${new URL(url).host}: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}` };
  }
}
