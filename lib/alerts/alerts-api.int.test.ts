import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contactTestRoute from "@/app/api/v1/alerts/contacts/[id]/test/route";
import * as contactRoute from "@/app/api/v1/alerts/contacts/[id]/route";
import * as contactsRoute from "@/app/api/v1/alerts/contacts/route";
import * as eventsRoute from "@/app/api/v1/alerts/events/route";
import * as ruleRoute from "@/app/api/v1/alerts/rules/[id]/route";
import * as rulesRoute from "@/app/api/v1/alerts/rules/route";
import * as silenceRoute from "@/app/api/v1/alerts/silences/[id]/route";
import * as silencesRoute from "@/app/api/v1/alerts/silences/route";
import * as jobRoute from "@/app/api/v1/jobs/[service]/[job]/route";
import * as jobsRoute from "@/app/api/v1/jobs/route";
import { getPool, getPrisma } from "@/lib/db/client";
import { jobDetailSchema, jobListSchema } from "@/lib/jobs/schemas";
import { adminRequest } from "@/lib/testing/test-auth";
import { alertEventListSchema, alertRuleListSchema, alertRuleSchema, contactListSchema, contactSchema, contactTestResultSchema, silenceListSchema, silenceSchema } from "./schemas";
import { evaluateAt, makeRule, MINUTE, seedJobRuns } from "./testing/alert-fixtures";

// The alerts and jobs API over their route handlers on a real PostgreSQL.

const pool = getPool();
let receiver: Server;
let hits = 0;
beforeAll(async () => {
  receiver = createServer((request, response) => {
    hits++;
    request.resume();
    response.end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await getPrisma().$disconnect();
  await pool.end();
});

const json = { "content-type": "application/json" };
const noParams = { params: Promise.resolve({}) };
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const send = (path: string, method: string, body: unknown) => adminRequest(path, { method, body: JSON.stringify(body), headers: json });
const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

const ruleBody = { name: "checkout errors", source: { kind: "red", service: "checkout", measure: "error-percent" }, condition: { op: "above", threshold: 5 }, labels: { team: "shop" } };

describe("/api/v1/alerts/rules", () => {
  it("creates, lists, replaces and deletes a rule; refuses bad bodies naming the field", async () => {
    const created = await rulesRoute.POST(send("/api/v1/alerts/rules", "POST", ruleBody), noParams);
    expect(created.status).toBe(200);
    const rule = alertRuleSchema.parse(await created.json());
    expect(rule).toMatchObject({ state: "ok", forSeconds: 0, everySeconds: 60, sloId: null, link: "/services/checkout", source: { windowSeconds: 300, minRequests: 10 } });
    expect((await rulesRoute.POST(send("/api/v1/alerts/rules", "POST", ruleBody), noParams)).status).toBe(409);

    const badMeasure = await rulesRoute.POST(send("/api/v1/alerts/rules", "POST", { ...ruleBody, source: { ...ruleBody.source, measure: "p42" } }), noParams);
    expect(badMeasure.status).toBe(400);
    expect(await errorOf(badMeasure)).toContain("source.measure");
    const badContact = await rulesRoute.POST(send("/api/v1/alerts/rules", "POST", { ...ruleBody, name: "x", contactIds: ["6f1c2d3e-0000-4000-8000-000000000000"] }), noParams);
    expect(await errorOf(badContact)).toContain("contactIds.0: no contact point");

    const list = alertRuleListSchema.parse(await (await rulesRoute.GET(adminRequest("/api/v1/alerts/rules"), noParams)).json());
    expect(list.rules.map((r) => r.id)).toContain(rule.id);
    const replaced = await ruleRoute.PUT(send(`/api/v1/alerts/rules/${rule.id}`, "PUT", { ...ruleBody, forSeconds: 120, enabled: false }), params({ id: rule.id }));
    expect(alertRuleSchema.parse(await replaced.json())).toMatchObject({ forSeconds: 120, enabled: false });
    expect((await ruleRoute.DELETE(adminRequest(`/api/v1/alerts/rules/${rule.id}`, { method: "DELETE" }), params({ id: rule.id }))).status).toBe(200);
    expect((await ruleRoute.GET(adminRequest(`/api/v1/alerts/rules/${rule.id}`), params({ id: rule.id }))).status).toBe(404);
  });

  it("keeps an SLO's burn-rate rules read-only here (409 naming the SLO)", async () => {
    const { rows: slo } = await pool.query<{ id: string }>(
      `INSERT INTO slos (name, service, objective, target_percent, window_days) VALUES ('checkout availability', 'checkout', '{"kind":"availability"}', 99.5, 28) RETURNING id`,
    );
    const sloId = slo[0]!.id;
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO alert_rules (name, source, condition, slo_id) VALUES ('checkout fast burn', $1, '{"op":"above","threshold":14.4}', $2) RETURNING id`,
      [JSON.stringify({ kind: "slo-burn", sloId, longWindowSeconds: 3_600, shortWindowSeconds: 300 }), sloId],
    );
    const id = rows[0]!.id;
    const put = await ruleRoute.PUT(send(`/api/v1/alerts/rules/${id}`, "PUT", ruleBody), params({ id }));
    expect(put.status).toBe(409);
    expect(await errorOf(put)).toContain(`created by SLO ${sloId}`);
    expect((await ruleRoute.DELETE(adminRequest(`/api/v1/alerts/rules/${id}`, { method: "DELETE" }), params({ id }))).status).toBe(409);
    const burn = (id: string) => ({ ...ruleBody, name: `burn ${id}`, source: { kind: "slo-burn", sloId: id, longWindowSeconds: 3_600, shortWindowSeconds: 300 } });
    const own = await rulesRoute.POST(send("/api/v1/alerts/rules", "POST", burn(sloId)), noParams);
    expect(alertRuleSchema.parse(await own.json())).toMatchObject({ sloId: null, source: { kind: "slo-burn", sloId } });
    const unknown = await rulesRoute.POST(send("/api/v1/alerts/rules", "POST", burn("6f1c2d3e-0000-4000-8000-000000000000")), noParams);
    expect(await errorOf(unknown)).toContain("source.sloId: no SLO with id");
    expect(alertRuleSchema.parse(await (await ruleRoute.GET(adminRequest(`/api/v1/alerts/rules/${id}`), params({ id }))).json())).toMatchObject({ sloId, link: `/slos/${sloId}` });
  });
});

describe("/api/v1/alerts/contacts", () => {
  it("returns a generated secret once, never lists it, and sends a test", async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = contactSchema.parse(await (await contactsRoute.POST(send("/api/v1/alerts/contacts", "POST", { kind: "webhook", name: "ops hook", url }), noParams)).json());
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const listed = contactListSchema.parse(await (await contactsRoute.GET(adminRequest("/api/v1/alerts/contacts"), noParams)).json());
    expect(listed).toMatchObject({ smtpConfigured: false, contacts: [{ id: created.id, url, to: [] }] });
    expect(listed.contacts[0]).not.toHaveProperty("secret");
    const badUrl = await contactsRoute.POST(send("/api/v1/alerts/contacts", "POST", { kind: "webhook", name: "bad", url: "ftp://x" }), noParams);
    expect(await errorOf(badUrl)).toContain("url: must be an http or https URL");

    const tested = await contactTestRoute.POST(adminRequest(`/api/v1/alerts/contacts/${created.id}/test`, { method: "POST" }), params({ id: created.id }));
    expect(contactTestResultSchema.parse(await tested.json())).toMatchObject({ status: "sent", error: null });
    expect(hits).toBe(1);

    const renamed = await contactRoute.PUT(send(`/api/v1/alerts/contacts/${created.id}`, "PUT", { kind: "webhook", name: "ops hook 2", url }), params({ id: created.id }));
    const renamedBody = contactSchema.parse(await renamed.json());
    expect(renamedBody).toMatchObject({ name: "ops hook 2" });
    expect(renamedBody).not.toHaveProperty("secret");
    const { rows } = await pool.query("SELECT secret FROM alert_contacts WHERE id = $1", [created.id]);
    expect(rows[0].secret).toBe(created.secret);

    // An e-mail contact turned into a webhook gets a secret, returned once, as on create.
    const mail = contactSchema.parse(await (await contactsRoute.POST(send("/api/v1/alerts/contacts", "POST", { kind: "email", name: "ops mail", to: ["ops@example.com"] }), noParams)).json());
    const turned = contactSchema.parse(await (await contactRoute.PUT(send(`/api/v1/alerts/contacts/${mail.id}`, "PUT", { kind: "webhook", name: "ops mail hook", url }), params({ id: mail.id }))).json());
    const stored = await pool.query("SELECT secret FROM alert_contacts WHERE id = $1", [mail.id]);
    expect(turned.secret).toBe(stored.rows[0].secret);
    expect(turned.secret).toMatch(/^whsec_/);
    expect((await contactRoute.DELETE(adminRequest(`/api/v1/alerts/contacts/${created.id}`, { method: "DELETE" }), params({ id: created.id }))).status).toBe(200);
  });

  it("carries label matchers through create, list and replace; refuses a bad one naming it", async () => {
    const body = { kind: "email", name: "payments mail", to: ["pay@example.com"], matchers: { team: "payments", severity: "critical" } };
    const created = contactSchema.parse(await (await contactsRoute.POST(send("/api/v1/alerts/contacts", "POST", body), noParams)).json());
    expect(created.matchers).toEqual({ team: "payments", severity: "critical" });
    const listed = contactListSchema.parse(await (await contactsRoute.GET(adminRequest("/api/v1/alerts/contacts"), noParams)).json());
    expect(listed.contacts.find((c) => c.id === created.id)?.matchers).toEqual({ team: "payments", severity: "critical" });
    const replaced = await contactRoute.PUT(send(`/api/v1/alerts/contacts/${created.id}`, "PUT", { ...body, matchers: { team: "orders" } }), params({ id: created.id }));
    expect(contactSchema.parse(await replaced.json()).matchers).toEqual({ team: "orders" });

    const badKey = await contactsRoute.POST(send("/api/v1/alerts/contacts", "POST", { ...body, name: "bad key", matchers: { "9team": "x" } }), noParams);
    expect(badKey.status).toBe(400);
    expect(await errorOf(badKey)).toContain("matchers.9team: label keys are letters, digits");
    const badValue = await contactRoute.PUT(send(`/api/v1/alerts/contacts/${created.id}`, "PUT", { ...body, matchers: { team: "" } }), params({ id: created.id }));
    expect(badValue.status).toBe(400);
    expect(await errorOf(badValue)).toContain("matchers.team: must not be empty");
    const notObject = await contactsRoute.POST(send("/api/v1/alerts/contacts", "POST", { ...body, name: "bad shape", matchers: ["team=payments"] }), noParams);
    expect(notObject.status).toBe(400);
    expect(await errorOf(notObject)).toContain("matchers");
  });
});

describe("/api/v1/alerts/silences and /events", () => {
  it("creates, lists and ends a silence; lists events with their notifications", async () => {
    const endsAtMs = Date.now() + 3_600_000;
    const created = await silencesRoute.POST(send("/api/v1/alerts/silences", "POST", { matchers: { team: "shop" }, endsAtMs, reason: "deploy" }), noParams);
    const silence = silenceSchema.parse(await created.json());
    expect(silence).toMatchObject({ active: true, ruleId: null, createdBy: expect.any(String) as string });
    const none = await silencesRoute.POST(send("/api/v1/alerts/silences", "POST", { endsAtMs, reason: "nothing named" }), noParams);
    expect(await errorOf(none)).toContain("name a rule or at least one label matcher");
    expect(silenceListSchema.parse(await (await silencesRoute.GET(adminRequest("/api/v1/alerts/silences"), noParams)).json()).silences[0]).toMatchObject({ id: silence.id, active: true });
    await silenceRoute.DELETE(adminRequest(`/api/v1/alerts/silences/${silence.id}`, { method: "DELETE" }), params({ id: silence.id }));
    expect(silenceListSchema.parse(await (await silencesRoute.GET(adminRequest("/api/v1/alerts/silences"), noParams)).json()).silences[0]).toMatchObject({ id: silence.id, active: false });

    const now = Date.now();
    await pool.query("UPDATE alert_rules SET enabled = false");
    const id = await makeRule(pool, { name: "always", source: { kind: "absence", service: "ghost" }, condition: { op: "above", threshold: 60 } }, now - MINUTE);
    await evaluateAt(pool, now - 1_000);
    const events = alertEventListSchema.parse(await (await eventsRoute.GET(adminRequest(`/api/v1/alerts/events?rule=${id}`), noParams)).json());
    expect(events).toMatchObject({ truncated: false, events: [{ ruleId: id, ruleName: "always", kind: "firing", value: 3_600, silenced: false, notifications: [] }] });
  });
});

describe("/api/v1/jobs", () => {
  it("lists demo-shaped jobs with their next expected run, and one job's runs", async () => {
    const now = Date.now();
    const first = Math.floor((now - 10 * MINUTE) / MINUTE) * MINUTE;
    const starts = Array.from({ length: 8 }, (_, i) => first + i * MINUTE + 200);
    await seedJobRuns(pool, { service: "order", job: "expire-unpaid-orders", startsMs: starts });
    await seedJobRuns(pool, { service: "inventory", job: "restock-inventory", startsMs: starts, failedLast: true });
    const { jobs } = jobListSchema.parse(await (await jobsRoute.GET(adminRequest("/api/v1/jobs"), noParams)).json());
    expect(jobs.map((j) => [j.job, j.health])).toEqual([
      ["restock-inventory", "failed"],
      ["expire-unpaid-orders", now > starts.at(-1)! + 3 * MINUTE ? "missed" : "ok"],
    ]);
    expect(jobs[1]).toMatchObject({ service: "order", runs: 8, failures: 0, retries: 0, medianIntervalMs: MINUTE, nextExpectedMs: starts.at(-1)! + MINUTE, lastSuccessMs: starts.at(-1) });
    expect(jobs[0]!.lastRun).toMatchObject({ outcome: "failure", error: "deadlock detected", attempt: 1 });

    const detail = jobDetailSchema.parse(await (await jobRoute.GET(adminRequest("/api/v1/jobs/order/expire-unpaid-orders?limit=3"), params({ service: "order", job: "expire-unpaid-orders" }))).json());
    expect(detail.runs.map((r) => r.startMs)).toEqual(starts.slice(-3).reverse());
    expect(detail).toMatchObject({ truncated: true, job: { runs: 8 } });
  });
});
