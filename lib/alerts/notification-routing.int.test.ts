import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { deliverNotifications } from "./deliver-notifications";
import { createContact, updateContact } from "./save-contact";
import { alertNotificationSchema, contactBodySchema } from "./schemas";
import { createSilence } from "./silences";
import { evaluateAt, makeRule, MINUTE, quiet, seedRequests, startOfTest } from "./testing/alert-fixtures";

// Routing by labels, end to end: contact points carrying label matchers receive the notifications
// of the rules whose labels match, besides the rules' own contact points; each contact point once
// per event; a silence still holds everything back. A real HTTP receiver tells the contact points
// apart by path.

const pool = getPool();
const T = startOfTest();

/** Received webhook bodies, by the contact point's path (its name). */
const received = new Map<string, string[]>();
let receiver: Server;
let base: string;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const path = decodeURIComponent(request.url ?? "").slice(1);
      received.set(path, [...(received.get(path) ?? []), body]);
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Every minute of the test window fails: a rule on it fires at once.
  await seedRequests(pool, { service: "pay-r", operation: "POST /pay", fromMs: T, minutes: 3, perMinute: 10, errorsPerMinute: () => 10 });
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await getPrisma().$disconnect();
  await pool.end();
});
beforeEach(async () => {
  await quiet(pool);
  await pool.query("DELETE FROM alert_contacts");
  received.clear();
});

const webhook = (name: string, matchers: Record<string, string> = {}) =>
  createContact(pool, contactBodySchema.parse({ kind: "webhook", name, url: `${base}/${name}`, secret: "routing-secret-0123456789", matchers }));
const rule = (name: string, contactIds: string[], labels: Record<string, string>) => ({
  name,
  source: { kind: "red", service: "pay-r", measure: "error-percent", windowSeconds: 60 },
  condition: { op: "above", threshold: 5 },
  contactIds,
  labels,
});
const deliver = (nowMs: number) => deliverNotifications(pool, { nowMs, mailer: null });
const states = (name: string) => (received.get(name) ?? []).map((body) => alertNotificationSchema.parse(JSON.parse(body)).state);
const resolveAt = async (id: string, at: number) => {
  await pool.query(`UPDATE alert_rules SET condition = '{"op":"above","threshold":101}', next_eval_at = $2 WHERE id = $1`, [id, new Date(T)]);
  return (await evaluateAt(pool, at)).events.find((e) => e.ruleId === id);
};

describe("routing by labels", () => {
  it("sends a rule's firing and resolve to the contact points its labels match, besides its own, each once", async () => {
    const picked = await webhook("picked");
    const payments = await webhook("payments-team", { team: "payments" });
    await webhook("payments-critical", { team: "payments", severity: "critical" }); // the rule is not critical: no match
    await webhook("orders-team", { team: "orders" });
    await webhook("no-matchers");
    const pickedAndMatching = await webhook("payments-picked", { team: "payments" });
    const id = await makeRule(pool, rule("pay errors routed", [picked.id, pickedAndMatching.id], { team: "payments", severity: "page" }), T);

    const firing = (await evaluateAt(pool, T + MINUTE)).events;
    expect(firing).toMatchObject([{ ruleId: id, kind: "firing", silenced: false }]);
    expect(firing[0]!.notifications).toHaveLength(3);
    const { rows } = await pool.query<{ name: string }>(
      "SELECT c.name FROM alert_notifications n JOIN alert_contacts c ON c.id = n.contact_id WHERE n.event_id = $1 ORDER BY c.name",
      [firing[0]!.eventId],
    );
    expect(rows.map((row) => row.name)).toEqual(["payments-picked", "payments-team", "picked"]);
    expect(await deliver(T + MINUTE)).toEqual({ sent: 3, retried: 0, failed: 0 });

    expect(await resolveAt(id, T + 2 * MINUTE)).toMatchObject({ kind: "resolved", silenced: false });
    await deliver(T + 2 * MINUTE);
    expect(states("picked")).toEqual(["firing", "resolved"]);
    expect(states("payments-team")).toEqual(["firing", "resolved"]);
    expect(states("payments-picked")).toEqual(["firing", "resolved"]);
    for (const quietOne of ["payments-critical", "orders-team", "no-matchers"]) expect(states(quietOne)).toEqual([]);
    expect(payments.matchers).toEqual({ team: "payments" });
  });

  it("routes by the matchers an update sets, and stops routing when they are removed", async () => {
    const contact = await webhook("later-payments");
    await makeRule(pool, rule("pay errors before", [], { team: "payments" }), T);
    expect((await evaluateAt(pool, T + MINUTE)).events[0]!.notifications).toEqual([]);

    await quiet(pool);
    const updated = await updateContact(pool, contact.id, contactBodySchema.parse({ kind: "webhook", name: "later-payments", url: `${base}/later-payments`, matchers: { team: "payments" } }));
    expect(updated.matchers).toEqual({ team: "payments" });
    await makeRule(pool, rule("pay errors after", [], { team: "payments" }), T);
    expect((await evaluateAt(pool, T + MINUTE)).events[0]!.notifications).toHaveLength(1);

    await quiet(pool);
    await updateContact(pool, contact.id, contactBodySchema.parse({ kind: "webhook", name: "later-payments", url: `${base}/later-payments` }));
    await makeRule(pool, rule("pay errors removed", [], { team: "payments" }), T);
    expect((await evaluateAt(pool, T + MINUTE)).events[0]!.notifications).toEqual([]);
  });

  it("a silence covering the rule holds back the routed notifications too", async () => {
    const picked = await webhook("picked-silenced");
    await webhook("payments-silenced", { team: "payments" });
    const id = await makeRule(pool, rule("pay errors hushed", [picked.id], { team: "payments" }), T);
    await createSilence(pool, { matchers: { team: "payments" }, endsAtMs: T + 5 * MINUTE, reason: "maintenance" }, "test", T);
    expect((await evaluateAt(pool, T + MINUTE)).events).toMatchObject([{ ruleId: id, kind: "firing", silenced: true, notifications: [] }]);
    expect(await resolveAt(id, T + 2 * MINUTE)).toMatchObject({ kind: "resolved", silenced: true, notifications: [] });
    expect(await deliver(T + 2 * MINUTE)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received.size).toBe(0);
  });
});
