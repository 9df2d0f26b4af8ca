import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { createMailer } from "./create-mailer";
import { deliverNotifications } from "./deliver-notifications";
import { createContact } from "./save-contact";
import { alertNotificationSchema, contactBodySchema } from "./schemas";
import { createSilence } from "./silences";
import { verifyWebhookSignature } from "./sign-webhook";
import { BASE_URL, evaluateAt, makeRule, MINUTE, quiet, seedRequests, startOfTest } from "./testing/alert-fixtures";

// Notifications end to end: a real HTTP receiver and a real SMTP server in the test. Each
// notification arrives once, signed; a receiver error is retried once with the same delivery id;
// a silence suppresses; e-mail arrives.

const pool = getPool();
const T = startOfTest();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
/** The statuses the receiver answers, in turn (200 once they run out). */
let answers: number[] = [];
let receiver: Server;
let receiverUrl: string;
const mails: string[] = [];
let smtp: SMTPServer;
let smtpPort: number;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
      stream.on("end", () => {
        mails.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  // Every minute of the test window fails: a rule on it fires at once.
  await seedRequests(pool, { service: "pay-n", operation: "POST /pay", fromMs: T, minutes: 3, perMinute: 10, errorsPerMinute: () => 10 });
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await getPrisma().$disconnect();
  await pool.end();
});
beforeEach(async () => {
  await quiet(pool);
  received.length = 0;
  answers = [];
});

const SECRET = "test-secret-0123456789abcdef";
const rule = (name: string, contactIds: string[], extra: Record<string, unknown> = {}) => ({
  name,
  source: { kind: "red", service: "pay-n", measure: "error-percent", windowSeconds: 60 },
  condition: { op: "above", threshold: 5 },
  contactIds,
  ...extra,
});
const webhook = (name: string) => createContact(pool, contactBodySchema.parse({ kind: "webhook", name, url: receiverUrl, secret: SECRET }));
const deliver = (nowMs: number) => deliverNotifications(pool, { nowMs, mailer: null });

describe("webhook notifications", () => {
  it("arrive once each, signed with the contact point's secret, with links to the page", async () => {
    const contact = await webhook("hook-once");
    const id = await makeRule(pool, rule("pay errors", [contact.id], { labels: { team: "payments" } }), T);
    const pass = await evaluateAt(pool, T + MINUTE);
    expect(pass.events.map((e) => [e.kind, e.notifications.length])).toEqual([["firing", 1]]);
    expect(await deliver(T + MINUTE)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliver(T + 2 * MINUTE)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [hit] = received as [Received];
    // Signed when sent (the wall clock), so a receiver's replay window applies to delivery time.
    expect(verifyWebhookSignature(SECRET, hit.body, String(hit.headers["x-sightline-signature"]), Math.floor(Date.now() / 1_000))).toBe(true);
    expect(verifyWebhookSignature("another-secret-entirely", hit.body, String(hit.headers["x-sightline-signature"]), Math.floor(Date.now() / 1_000))).toBe(false);
    const body = alertNotificationSchema.parse(JSON.parse(hit.body));
    expect(body).toMatchObject({
      id: hit.headers["x-sightline-delivery"],
      state: "firing",
      rule: { id, name: "pay errors", labels: { team: "payments" } },
      value: 100,
      threshold: 5,
      url: `${BASE_URL}/services/pay-n`,
      incidentUrl: null,
      test: false,
    });
    expect(body.summary).toBe("error % of pay-n is 100, above 5");

    // Errors stop (no requests after 3 minutes: no data, the rule keeps firing), so the
    // resolution is driven by a threshold no longer crossed: the rule is raised above 100%.
    await pool.query(`UPDATE alert_rules SET condition = '{"op":"above","threshold":101}', next_eval_at = $2 WHERE id = $1`, [id, new Date(T)]);
    await evaluateAt(pool, T + 2 * MINUTE);
    await deliver(T + 2 * MINUTE);
    expect(received).toHaveLength(2);
    expect(alertNotificationSchema.parse(JSON.parse(received[1]!.body))).toMatchObject({ state: "resolved", startsAtMs: T + MINUTE, endsAtMs: T + 2 * MINUTE });
  });

  it("retries a receiver error once it is due, with the same delivery id, then stops", async () => {
    const contact = await webhook("hook-retry");
    await makeRule(pool, rule("pay errors retried", [contact.id]), T);
    await evaluateAt(pool, T + MINUTE);
    answers = [500];
    expect(await deliver(T + MINUTE)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await deliver(T + MINUTE + 9_000)).toEqual({ sent: 0, retried: 0, failed: 0 }); // the first wait is 10 s
    expect(await deliver(T + MINUTE + 10_000)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliver(T + 10 * MINUTE)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
    expect(received[1]!.headers["x-sightline-delivery"]).toBe(received[0]!.headers["x-sightline-delivery"]);
    expect(received[1]!.body).toBe(received[0]!.body);
    const { rows } = await pool.query("SELECT status, attempts, last_error FROM alert_notifications");
    expect(rows).toEqual([{ status: "sent", attempts: 2, last_error: null }]);
  });

  it("gives up at once on a 4xx other than 429", async () => {
    const contact = await webhook("hook-gone");
    await makeRule(pool, rule("pay errors gone", [contact.id]), T);
    await evaluateAt(pool, T + MINUTE);
    answers = [410];
    expect(await deliver(T + MINUTE)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const { rows } = await pool.query("SELECT status, last_error FROM alert_notifications");
    expect(rows).toEqual([{ status: "failed", last_error: "the receiver answered 410" }]);
  });

  it("a silence matching the rule's labels marks the event silenced and sends nothing", async () => {
    const contact = await webhook("hook-silenced");
    const id = await makeRule(pool, rule("pay errors silenced", [contact.id], { labels: { team: "payments", severity: "page" } }), T);
    await createSilence(pool, { matchers: { team: "payments" }, endsAtMs: T + 5 * MINUTE, reason: "maintenance" }, "test", T);
    const pass = await evaluateAt(pool, T + MINUTE);
    expect(pass.events).toMatchObject([{ ruleId: id, kind: "firing", silenced: true, notifications: [] }]);
    await deliver(T + MINUTE);
    expect(received).toHaveLength(0);
    // A silence for another team does not cover it.
    await quiet(pool);
    const other = await makeRule(pool, rule("pay errors other team", [contact.id], { labels: { team: "orders" } }), T);
    expect((await evaluateAt(pool, T + MINUTE)).events).toMatchObject([{ ruleId: other, silenced: false }]);
  });

  it("sends a resolve exactly when its firing was sent, whatever silence covers the resolve", async () => {
    const contact = await webhook("hook-paired");
    const resolveAt = async (id: string, at: number) => {
      await pool.query(`UPDATE alert_rules SET condition = '{"op":"above","threshold":101}', next_eval_at = $2 WHERE id = $1`, [id, new Date(T)]);
      return (await evaluateAt(pool, at)).events.find((e) => e.ruleId === id);
    };
    // Fired under a silence (nobody told), resolved after it ended: nothing to say.
    const hushed = await makeRule(pool, rule("pay errors hushed", [contact.id], { labels: { team: "payments" } }), T);
    await createSilence(pool, { ruleId: hushed, matchers: {}, endsAtMs: T + MINUTE + 30_000, reason: "deploy" }, "test", T);
    expect((await evaluateAt(pool, T + MINUTE)).events).toMatchObject([{ ruleId: hushed, kind: "firing", silenced: true }]);
    expect(await resolveAt(hushed, T + 2 * MINUTE)).toMatchObject({ kind: "resolved", silenced: true, notifications: [] });
    // Fired and told, resolved while a silence covers it: the receiver still hears it ended.
    await quiet(pool);
    const told = await makeRule(pool, rule("pay errors told", [contact.id], { labels: { team: "orders" } }), T);
    expect((await evaluateAt(pool, T + MINUTE)).events).toMatchObject([{ ruleId: told, kind: "firing", silenced: false }]);
    await createSilence(pool, { ruleId: told, matchers: {}, endsAtMs: T + 10 * MINUTE, reason: "fixing it" }, "test", T + MINUTE);
    const resolved = await resolveAt(told, T + 2 * MINUTE);
    expect(resolved).toMatchObject({ kind: "resolved", silenced: false });
    expect(resolved!.notifications).toHaveLength(1);
  });
});

describe("e-mail notifications", () => {
  it("arrive at the SMTP server with the summary and the link", async () => {
    const contact = await createContact(pool, contactBodySchema.parse({ kind: "email", name: "on-call mail", to: ["oncall@example.com"] }));
    await makeRule(pool, rule("pay errors mailed", [contact.id]), T);
    await evaluateAt(pool, T + MINUTE);
    const mailer = createMailer(`smtp://127.0.0.1:${smtpPort}`, "Sightline <alerts@example.com>");
    try {
      expect(await deliverNotifications(pool, { nowMs: T + MINUTE, mailer })).toEqual({ sent: 1, retried: 0, failed: 0 });
    } finally {
      mailer!.transport.close();
    }
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("Subject: [FIRING] pay errors mailed");
    expect(mails[0]).toContain("To: oncall@example.com");
    expect(mails[0]).toContain("error % of pay-n is 100, above 5");
    expect(mails[0]).toContain(`${BASE_URL}/services/pay-n`);
  });

  it("fails for good without SMTP configured, saying so", async () => {
    const contact = await createContact(pool, contactBodySchema.parse({ kind: "email", name: "no smtp", to: ["oncall@example.com"] }));
    await makeRule(pool, rule("pay errors unmailed", [contact.id]), T);
    await evaluateAt(pool, T + MINUTE);
    expect(await deliver(T + MINUTE)).toEqual({ sent: 0, retried: 0, failed: 1 });
  });
});
