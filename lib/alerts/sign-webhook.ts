import { createHmac, timingSafeEqual } from "node:crypto";

// The webhook signature: `X-Sightline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
// under the contact point's secret (the Stripe scheme: the timestamp inside the MAC lets a
// receiver refuse replays of old deliveries). verifyWebhookSignature is what a receiver does.

export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

export function verifyWebhookSignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split("v1=")[1]!, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
