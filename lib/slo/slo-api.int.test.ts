import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sloRoute from "@/app/api/v1/slos/[id]/route";
import * as statusRoute from "@/app/api/v1/slos/[id]/status/route";
import * as slosRoute from "@/app/api/v1/slos/route";
import { getPool, getPrisma } from "@/lib/db/client";
import { buildTrace, seedTraces } from "@/lib/testing/seed-telemetry";
import { adminRequest } from "@/lib/testing/test-auth";
import { DEMO_SLO_KEY, ensureDemoSlo } from "./ensure-demo-slo";
import { sloListSchema, sloSchema, sloStatusSchema } from "./schemas";

// The SLO API over its route handlers on a real PostgreSQL: CRUD with the burn-rate rules kept in
// step, and the status computed from the rollups of seeded spans (counts known by construction).

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const json = { "content-type": "application/json" };
const noParams = { params: Promise.resolve({}) };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const send = (path: string, method: string, body: unknown) => adminRequest(path, { method, body: JSON.stringify(body), headers: json });

const service = `slo-gw-${randomBytes(4).toString("hex")}`;
const MIN = 60_000;
const now = Date.now();

beforeAll(async () => {
  // Over the last 50 minutes: 200 checkouts, 10 of them failed (5%), 20 slower than 500 ms;
  // plus 100 requests of another operation, 2 failed; plus client spans that never count.
  const traces = [];
  for (let i = 0; i < 200; i++) traces.push(buildTrace({ service, name: "POST /checkout", kind: 2, durationMs: i % 10 === 0 ? 800 : 40, status: i % 20 === 0 ? 2 : 0 }, now - 50 * MIN + i * 15_000));
  for (let i = 0; i < 100; i++) traces.push(buildTrace({ service, name: "GET /cart", kind: 2, durationMs: 20, status: i % 50 === 0 ? 2 : 0 }, now - 50 * MIN + i * 30_000));
  for (let i = 0; i < 30; i++) traces.push(buildTrace({ service, name: "POST /checkout", kind: 3, durationMs: 20, status: 2 }, now - 40 * MIN + i * 1_000));
  await seedTraces(getPool(), traces);
});

describe("/api/v1/slos", () => {
  it("creates an SLO with its two burn-rate rules, edits them along, deletes them with it", async () => {
    const body = { name: `Checkout ${service}`, service, operation: "POST /checkout", objective: { kind: "availability" }, targetPercent: 99, windowDays: 7, openIncident: true };
    const created = await slosRoute.POST(send("/api/v1/slos", "POST", body), noParams);
    expect(created.status).toBe(200);
    const slo = sloSchema.parse(await created.json());
    expect(slo.alertRuleIds).toHaveLength(2);
    // 10 bad of 200: level 95%, budget 1% of 200 = 2 → 10 spent = -400%
    expect(slo.levelPercent).toBeCloseTo(95, 6);
    expect(slo.budgetRemainingPercent).toBeCloseTo(-400, 6);
    expect(slo.firing).toBe(false);

    const { rows } = await getPool().query<{ name: string; source: { kind: string; longWindowSeconds: number }; condition: { threshold: number }; labels: Record<string, string>; open_incident: boolean; id: string }>(
      "SELECT id, name, source, condition, labels, open_incident FROM alert_rules WHERE slo_id = $1 ORDER BY (source->>'longWindowSeconds')::int",
      [slo.id],
    );
    expect(rows.map((r) => [r.source.kind, r.source.longWindowSeconds, r.condition.threshold, r.labels.severity, r.open_incident])).toEqual([
      ["slo-burn", 3_600, 14.4, "critical", true],
      ["slo-burn", 21_600, 6, "warning", false],
    ]);
    expect(rows[0]!.labels.slo).toBe(body.name);

    // Renamed: the same two rules (state kept), renamed; without alerts: none.
    const renamed = sloSchema.parse(await (await sloRoute.PUT(send(`/api/v1/slos/${slo.id}`, "PUT", { ...body, name: `${body.name} 2` }), params(slo.id))).json());
    expect([...renamed.alertRuleIds].sort()).toEqual(rows.map((r) => r.id).sort());
    const { rows: names } = await getPool().query<{ name: string }>("SELECT name FROM alert_rules WHERE slo_id = $1 ORDER BY name", [slo.id]);
    expect(names.map((n) => n.name)).toEqual([`${body.name} 2 — fast burn`, `${body.name} 2 — slow burn`]);
    const quiet = sloSchema.parse(await (await sloRoute.PUT(send(`/api/v1/slos/${slo.id}`, "PUT", { ...body, alerts: false }), params(slo.id))).json());
    expect(quiet.alertRuleIds).toEqual([]);
    const loud = sloSchema.parse(await (await sloRoute.PUT(send(`/api/v1/slos/${slo.id}`, "PUT", body), params(slo.id))).json());
    expect(loud.alertRuleIds).toHaveLength(2);

    const list = sloListSchema.parse(await (await slosRoute.GET(adminRequest("/api/v1/slos"), noParams)).json());
    expect(list.slos.map((s) => s.id)).toContain(slo.id);
    expect((await slosRoute.POST(send("/api/v1/slos", "POST", body), noParams)).status).toBe(409);

    expect((await sloRoute.DELETE(adminRequest(`/api/v1/slos/${slo.id}`, { method: "DELETE" }), params(slo.id))).status).toBe(200);
    expect((await sloRoute.GET(adminRequest(`/api/v1/slos/${slo.id}`), params(slo.id))).status).toBe(404);
    const { rows: left } = await getPool().query("SELECT 1 FROM alert_rules WHERE slo_id = $1", [slo.id]);
    expect(left).toHaveLength(0);
  });

  it("refuses a target of 100% with the server's message", async () => {
    const answer = await slosRoute.POST(send("/api/v1/slos", "POST", { name: "x", service, objective: { kind: "availability" }, targetPercent: 100 }), noParams);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain("targetPercent: must be below 100");
  });

  it("refuses a contact point that does not exist, naming it (its burn-rate alerts would notify no one)", async () => {
    const answer = await slosRoute.POST(send("/api/v1/slos", "POST", { name: "no one told", service, objective: { kind: "availability" }, targetPercent: 99, contactIds: ["00000000-0000-4000-8000-000000000000"] }), noParams);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain("contactIds.0: no contact point with id 00000000-0000-4000-8000-000000000000");
  });

  it("tells the status: counts, burn and budget over time, worst operations, burn rates now", async () => {
    // The whole service's answered requests: 300 (client spans left out), 12 bad.
    const slo = sloSchema.parse(await (await slosRoute.POST(send("/api/v1/slos", "POST", { name: `Service ${service}`, service, objective: { kind: "availability" }, targetPercent: 99, windowDays: 1 }), noParams)).json());
    const answer = await statusRoute.GET(adminRequest(`/api/v1/slos/${slo.id}/status`), params(slo.id));
    expect(answer.status).toBe(200);
    const status = sloStatusSchema.parse(await answer.json());
    expect(status.totalRequests).toBe(300);
    expect(status.badRequests).toBe(12);
    expect(status.budgetRequests).toBeCloseTo(3, 9);
    expect(status.worstOperations.map((o) => [o.operation, o.bad, o.total])).toEqual([
      ["POST /checkout", 10, 200],
      ["GET /cart", 2, 100],
    ]);
    expect(status.worstOperations[0]!.shareOfBadPercent).toBeCloseTo((10 / 12) * 100, 6);
    expect(status.burn.length).toBeLessThanOrEqual(200);
    const budget = status.budget.map(([, v]) => v).filter((v) => v !== null);
    expect(budget[0]).toBeLessThanOrEqual(100);
    expect(budget.at(-1)).toBeCloseTo((1 - 12 / 3) * 100, 6);
    // 1 h window: all 300 requests, 12 bad → 4% / 1% = 4×
    expect(status.burnRates.find((r) => r.windowSeconds === 3_600)!.burnRate).toBeCloseTo(4, 6);
    expect(status.burnRates.map((r) => r.windowSeconds)).toEqual([300, 1_800, 3_600, 21_600]);
  });

  it("counts a latency SLO's slow requests from the histogram", async () => {
    const slo = sloSchema.parse(
      await (await slosRoute.POST(send("/api/v1/slos", "POST", { name: `Latency ${service}`, service, operation: "POST /checkout", objective: { kind: "latency", thresholdMs: 500 }, targetPercent: 90, windowDays: 1, alerts: false }), noParams)).json(),
    );
    // 20 of 200 took 800 ms: 90% fast, the budget exactly spent.
    expect(slo.levelPercent).toBeCloseTo(90, 6);
    expect(slo.budgetRemainingPercent).toBeCloseTo(0, 6);
  });
});

describe("ensureDemoSlo", () => {
  it("creates the demo SLO and its rules once", async () => {
    const client = await getPool().connect();
    try {
      expect(await ensureDemoSlo(client)).toEqual({ created: true });
      expect(await ensureDemoSlo(client)).toEqual({ created: false });
    } finally {
      client.release();
    }
    const { rows } = await getPool().query<{ rules: number }>("SELECT (SELECT count(*) FROM alert_rules a WHERE a.slo_id = s.id)::int AS rules FROM slos s WHERE key = $1", [DEMO_SLO_KEY]);
    expect(rows).toEqual([{ rules: 2 }]);
  });
});
