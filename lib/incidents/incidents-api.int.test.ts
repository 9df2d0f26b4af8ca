import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/annotations/route";
import * as evidenceRoute from "@/app/api/v1/incidents/[id]/evidence/route";
import * as notesRoute from "@/app/api/v1/incidents/[id]/notes/route";
import * as idRoute from "@/app/api/v1/incidents/[id]/route";
import * as route from "@/app/api/v1/incidents/route";
import { annotationListSchema } from "@/lib/annotations/schemas";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool, getPrisma } from "@/lib/db/client";
import { maintainPartitions } from "@/lib/db/maintain-partitions";
import type { SpanRecord } from "@/lib/ingest/otlp/model";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { getTimeoutReport } from "@/lib/reports/get-timeout-report";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";
import { POST as createApiToken } from "@/app/api/v1/api-tokens/route";
import { incidentListSchema, incidentSchema } from "./schemas";

// Incidents over the route handlers on a real PostgreSQL: opened with evidence, noted,
// acknowledged, resolved — which freezes the timeout report, the traces' spans and the audited
// row's changes — and still read the same after retention has dropped every partition they came
// from. Bad input is refused naming the field.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN = 60_000;
// Noon (UTC) ten days back: inside the store now, outside a 5-day retention below, and every
// span and change of the window on that one day's partitions.
const base = Math.floor((Date.now() - 10 * DAY) / DAY) * DAY + 12 * HOUR;
const hex = (n: number) => randomBytes(n).toString("hex");
const db = `shop_${hex(3)}`;
const json = { "content-type": "application/json" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

/** gateway → payment → provider; a timeout holds the provider call past 3 s. */
function checkout(startMs: number, timeout: boolean, orderId: string): { spans: SpanRecord[]; traceId: string } {
  const traceId = hex(16);
  const ids = { gateway: hex(8), payment: hex(8), call: hex(8) };
  const callMs = timeout ? 3_001 : 120;
  const status: SpanRecord["status"] = timeout ? { code: 2, message: "payment-provider did not answer within 3000 ms" } : { code: 0, message: "" };
  const http = { "http.response.status_code": timeout ? 504 : 201 };
  const order = { "order.id": orderId, "order.amount": 20, "order.currency": "EUR" };
  const span = (spanId: string, parentSpanId: string | null, service: string, name: string, kind: SpanRecord["kind"], offset: number, durationMs: number, attributes: SpanRecord["attributes"]) =>
    makeSpan({ traceId, spanId, parentSpanId, serviceName: service, resource: makeResource(service), name, kind, startMs: startMs + offset, durationMs, attributes, status });
  return {
    traceId,
    spans: [
      span(ids.gateway, null, "gateway", "POST /checkout", 2, 0, callMs + 40, { ...http, "enduser.id": `u-${orderId}`, ...order }),
      span(ids.payment, ids.gateway, "payment", "POST /payments", 2, 5, callMs + 20, { ...http, ...order }),
      span(ids.call, ids.payment, "payment", "POST", 3, 10, callMs, timeout ? { "error.type": "TimeoutError" } : { "http.response.status_code": 201 }),
    ],
  };
}

const timedOut: string[] = [];

beforeAll(async () => {
  const spans: SpanRecord[] = [];
  for (let i = 0; i < 6; i++) {
    const made = checkout(base + (10 + i) * MIN, i >= 3, String(2000 + i));
    spans.push(...made.spans);
    if (i >= 3) timedOut.push(made.traceId);
  }
  await storeTraces(getPool(), spans);
  const change = auditChangeInputSchema.parse({
    id: `${db}:orders:1`,
    database: db,
    table: "orders",
    op: "UPDATE",
    pk: { id: 2003 },
    before: { id: 2003, status: "NEW" },
    after: { id: 2003, status: "PENDING_PAYMENT" },
    changedColumns: ["status"],
    traceId: timedOut[0],
    spanId: null,
    txid: "1",
    committedAt: new Date(base + 14 * MIN).toISOString(),
  });
  expect((await storeAuditChanges(getPool(), [change])).inserted).toBe(1);
});

async function call(handler: (request: never, context: never) => Promise<Response>, path: string, method: string, body?: unknown, id?: string) {
  const request = adminRequest(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  const response = await handler(request as never, (id === undefined ? noParams : params(id)) as never);
  return { status: response.status, json: (await response.json()) as unknown };
}

const opened = () => ({
  title: "Checkout payments time out",
  severity: "critical",
  windowFromMs: base,
  windowToMs: base + HOUR,
  source: "report",
  filters: { service: "gateway", operation: "POST /checkout" },
  evidence: [{ kind: "trace", traceId: timedOut[0] }, { kind: "report", service: "gateway", operation: "POST /checkout" }],
});

describe("incidents API", () => {
  it("opens, notes, acknowledges and resolves; the frozen incident reads the same after retention dropped its telemetry", async () => {
    const created = await call(route.POST, "/api/v1/incidents", "POST", opened());
    expect(created.status).toBe(200);
    const incident = incidentSchema.parse(created.json);
    expect(incident).toMatchObject({ status: "investigating", severity: "critical", owner: null, acknowledgedAtMs: null, source: "report", frozen: null });
    expect(incident.window).toEqual({ fromMs: base, toMs: base + HOUR });
    expect(incident.times.toDetectMs).toBe(incident.detectedAtMs - base);

    const id = incident.id;
    expect((await call(notesRoute.POST, `/api/v1/incidents/${id}/notes`, "POST", { text: "acmepay is slow, not us" }, id)).status).toBe(200);
    const audit = { kind: "audit", database: db, table: "orders", pk: "2003" };
    expect((await call(evidenceRoute.POST, `/api/v1/incidents/${id}/evidence`, "POST", { item: audit }, id)).status).toBe(200);
    const identified = incidentSchema.parse((await call(idRoute.PATCH, `/api/v1/incidents/${id}`, "PATCH", { status: "identified", owner: "Dana" }, id)).json);
    expect(identified.acknowledgedAtMs).not.toBeNull();
    expect(identified.times.toAcknowledgeMs).toBe(identified.acknowledgedAtMs! - identified.detectedAtMs);

    const resolvedAnswer = await call(idRoute.PATCH, `/api/v1/incidents/${id}`, "PATCH", { status: "resolved" }, id);
    expect(resolvedAnswer.status).toBe(200);
    const resolved = incidentSchema.parse(resolvedAnswer.json);
    expect(resolved.resolvedAtMs).not.toBeNull();
    expect(resolved.times.toResolveMs).toBe(resolved.resolvedAtMs! - base);
    expect(resolved.events.map((e) => e.change.kind)).toEqual(["created", "evidence", "evidence", "note", "evidence", "owner", "status", "status"]);
    expect(resolved.events.find((e) => e.change.kind === "note")?.author).toBe("SIGHTLINE_API_TOKEN");

    const frozen = resolved.frozen!;
    expect(frozen.report?.endpoint).toEqual({ service: "gateway", operation: "POST /checkout" });
    expect(frozen.report?.totals).toEqual({ requests: 6, timedOut: 3, rate: 0.5 });
    expect(frozen.traces).toHaveLength(1);
    expect(frozen.traces[0]?.trace?.spans.spanId).toHaveLength(3);
    expect(frozen.audit).toEqual([expect.objectContaining({ table: "orders", pk: "2003", changes: [expect.objectContaining({ after: { id: 2003, status: "PENDING_PAYMENT" } })] })]);

    // A viewer reads the frozen report as the live one: counts, not the customer and order lists.
    const tokenAnswer = await createApiToken(adminRequest("/api/v1/api-tokens", { method: "POST", body: JSON.stringify({ name: "incident viewer", role: "viewer" }), headers: json }), {
      params: Promise.resolve({}),
    });
    const viewerToken = ((await tokenAnswer.json()) as { token: string }).token;
    const asViewer = adminRequest(`/api/v1/incidents/${id}`, { headers: { authorization: `Bearer ${viewerToken}` } });
    const seenByViewer = incidentSchema.parse(await (await idRoute.GET(asViewer, { params: Promise.resolve({ id }) })).json());
    expect(frozen.report?.impact.customers.ids).toBeDefined();
    expect(seenByViewer.frozen?.report?.lists.withheld).toBe(true);
    expect(seenByViewer.frozen?.report?.impact.customers).toEqual({ count: frozen.report?.impact.customers.count });

    // Retention: keep 5 days of everything. The partitions of ten days ago go, and with them the telemetry.
    const five = { spans: 5, metrics: 5, logs: 5, audit: 5, locks: 5, rollups: 5 };
    const { dropped } = await maintainPartitions(getPool(), { retention: five, daysAhead: 1 });
    const day = new Date(base).toISOString().slice(0, 10);
    expect(dropped).toEqual(expect.arrayContaining([`spans:${day}`, `span_rollups_1m:${day}`, `audit_changes:${day}`]));
    const live = await getTimeoutReport(getPool(), { fromMs: base, toMs: base + HOUR, service: "gateway", operation: "POST /checkout", nowMs: Date.now() });
    expect(live.totals).toEqual({ requests: 0, timedOut: 0, rate: null });

    const after = await call(idRoute.GET, `/api/v1/incidents/${id}`, "GET", undefined, id);
    expect(after.status).toBe(200);
    expect(incidentSchema.parse(after.json)).toEqual(resolved);

    // Reopened and resolved again after retention: what the first freeze read is kept.
    await call(idRoute.PATCH, `/api/v1/incidents/${id}`, "PATCH", { status: "monitoring" }, id);
    const again = incidentSchema.parse((await call(idRoute.PATCH, `/api/v1/incidents/${id}`, "PATCH", { status: "resolved" }, id)).json);
    expect(again.frozen?.report).toEqual(frozen.report);
    expect(again.frozen?.traces).toEqual(frozen.traces);
    expect(again.frozen?.audit).toEqual(frozen.audit);
  });

  it("lists with MTTR and filters by status; its window is an annotation on every chart", async () => {
    const open = incidentSchema.parse((await call(route.POST, "/api/v1/incidents", "POST", { ...opened(), title: "Still open", filters: { service: "payment" }, evidence: [] })).json);
    const all = incidentListSchema.parse((await call(route.GET, "/api/v1/incidents", "GET")).json);
    expect(all.incidents.map((i) => i.title)).toEqual(expect.arrayContaining(["Still open", "Checkout payments time out"]));
    const resolved = all.incidents.filter((i) => i.status === "resolved");
    expect(all.mttr).toEqual([
      { days: 30, resolved: resolved.length, meanToResolveMs: resolved.reduce((s, i) => s + i.times.toResolveMs!, 0) / resolved.length },
      { days: 90, resolved: resolved.length, meanToResolveMs: resolved.reduce((s, i) => s + i.times.toResolveMs!, 0) / resolved.length },
    ]);
    const onlyOpen = incidentListSchema.parse((await call(route.GET, "/api/v1/incidents?status=open", "GET")).json);
    expect(onlyOpen.incidents.map((i) => i.id)).toEqual([open.id]);
    expect((await call(route.GET, "/api/v1/incidents?status=closed", "GET")).status).toBe(400);

    const annotations = async (query: string) => annotationListSchema.parse((await call(annotationsRoute.GET, `/api/v1/annotations?${query}`, "GET")).json).annotations;
    const window = `from=${base + 30 * MIN}&to=${base + 2 * HOUR}`;
    expect((await annotations(window)).filter((a) => a.incidentId === open.id)).toEqual([
      expect.objectContaining({ timeMs: base, endTimeMs: base + HOUR, text: "Still open", tags: ["incident", "critical"], service: "payment" }),
    ]);
    expect((await annotations(`${window}&service=gateway`)).map((a) => a.text)).not.toContain("Still open");
    expect(await annotations(`from=${base + 2 * HOUR}&to=${base + 3 * HOUR}`)).toEqual([]);
  });

  it("refuses what it cannot store, naming the field; unknown ids are 404", async () => {
    for (const [change, field] of [
      [{ title: "" }, "title"],
      [{ severity: "apocalyptic" }, "severity"],
      [{ status: "resolved" }, "status"],
      [{ windowToMs: base }, "windowToMs"],
      [{ windowFromMs: "yesterday" }, "windowFromMs"],
      [{ evidence: [{ kind: "trace", traceId: "xyz" }] }, "traceId"],
      [{ evidence: [{ kind: "chart", title: "latency", href: "//evil.example/x" }] }, "href"],
      [{ evidence: [{ kind: "audit", table: "orders", pk: "{not json" }] }, "pk"],
      [{ filters: { service: "a\u0000b" } }, "filters"],
    ] as const) {
      const answer = await call(route.POST, "/api/v1/incidents", "POST", { ...opened(), ...change });
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect(JSON.stringify(answer.json)).toContain(field);
    }
    const some = incidentSchema.parse((await call(route.POST, "/api/v1/incidents", "POST", opened())).json);
    const patch = await call(idRoute.PATCH, `/api/v1/incidents/${some.id}`, "PATCH", {}, some.id);
    expect(patch.status).toBe(400);
    expect(JSON.stringify(patch.json)).toContain("at least one");
    expect((await call(notesRoute.POST, `/api/v1/incidents/${some.id}/notes`, "POST", { text: "  " }, some.id)).status).toBe(400);

    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await call(idRoute.GET, `/api/v1/incidents/${missing}`, "GET", undefined, missing)).status).toBe(404);
    expect((await call(idRoute.PATCH, `/api/v1/incidents/${missing}`, "PATCH", { status: "resolved" }, missing)).status).toBe(404);
    expect((await call(notesRoute.POST, `/api/v1/incidents/${missing}/notes`, "POST", { text: "x" }, missing)).status).toBe(404);
    const badId = await call(idRoute.GET, "/api/v1/incidents/42", "GET", undefined, "42");
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.json)).toContain("id");
  });
});
