import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as linksRoute from "@/app/api/v1/incidents/[id]/share-links/route";
import * as idRoute from "@/app/api/v1/incidents/[id]/route";
import * as route from "@/app/api/v1/incidents/route";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool, getPrisma } from "@/lib/db/client";
import { maintainPartitions, type DroppingPartition } from "@/lib/db/maintain-partitions";
import type { SpanRecord } from "@/lib/ingest/otlp/model";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { getTimeoutReport } from "@/lib/reports/get-timeout-report";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";
import { getCompactTraceJson } from "@/lib/trace/get-compact-trace";
import { copyEvidenceBeforeDrop } from "./copy-evidence-before-drop";
import { openShareLink } from "./open-share-link";
import { createdShareLinkSchema, incidentSchema, type Incident } from "./schemas";

// An incident left open past retention (issue 15): partition upkeep copies its trace's spans,
// its audited row's changes and its window's report into the incident before their day is
// dropped, so the incident's API answer (what its page and share page read) still shows them;
// days that hold none of any incident's evidence are dropped without copying anything.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN = 60_000;
// Noon (UTC) ten days back holds the evidence; twelve days back holds only unrelated spans.
const base = Math.floor((Date.now() - 10 * DAY) / DAY) * DAY + 12 * HOUR;
const unrelatedAt = base - 2 * DAY;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hex = (n: number) => randomBytes(n).toString("hex");
const database = `shop_${hex(3)}`;
const json = { "content-type": "application/json" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function request(startMs: number, timeout: boolean): { spans: SpanRecord[]; traceId: string } {
  const traceId = hex(16);
  const root = hex(8);
  const status: SpanRecord["status"] = timeout ? { code: 2, message: "payment-provider did not answer within 3000 ms" } : { code: 0, message: "" };
  const span = (spanId: string, parentSpanId: string | null, service: string, name: string, offset: number, durationMs: number) =>
    makeSpan({ traceId, spanId, parentSpanId, serviceName: service, resource: makeResource(service), name, kind: 2, startMs: startMs + offset, durationMs, status, attributes: { "http.response.status_code": timeout ? 504 : 201 } });
  const payment = hex(8);
  const callMs = timeout ? 3_001 : 120;
  return {
    traceId,
    spans: [span(root, null, "gateway", "POST /checkout", 0, callMs + 40), span(payment, root, "payment", "POST /payments", 5, callMs + 20), span(hex(8), payment, "payment", "POST", 10, callMs)],
  };
}

let evidenceTrace = "";
let recentTrace = "";
const spansNearBase = async () => (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE start_time >= $1 AND start_time < $2", [new Date(base - HOUR), new Date(base + HOUR)])).rows[0]?.n;

beforeAll(async () => {
  const spans: SpanRecord[] = [];
  for (let i = 0; i < 4; i++) {
    const made = request(base + (10 + i) * MIN, i >= 2);
    spans.push(...made.spans);
    if (i === 2) evidenceTrace = made.traceId;
  }
  spans.push(...request(unrelatedAt, true).spans);
  const recent = request(Date.now() - HOUR, false);
  recentTrace = recent.traceId;
  spans.push(...recent.spans);
  await storeTraces(getPool(), spans);
  const change = auditChangeInputSchema.parse({
    id: `${database}:orders:1`,
    database,
    table: "orders",
    op: "UPDATE",
    pk: { id: 7001 },
    before: { id: 7001, status: "NEW" },
    after: { id: 7001, status: "PENDING_PAYMENT" },
    changedColumns: ["status"],
    traceId: evidenceTrace,
    spanId: null,
    txid: "1",
    committedAt: new Date(base + 13 * MIN).toISOString(),
  });
  expect((await storeAuditChanges(getPool(), [change])).inserted).toBe(1);
});

async function call(handler: (request: never, context: never) => Promise<Response>, path: string, method: string, body?: unknown, id?: string) {
  const req = adminRequest(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  const response = await handler(req as never, (id === undefined ? { params: Promise.resolve({}) } : params(id)) as never);
  return { status: response.status, json: (await response.json()) as unknown };
}

async function open(title: string, windowFromMs: number, evidence: unknown[]): Promise<Incident> {
  const created = await call(route.POST, "/api/v1/incidents", "POST", { title, windowFromMs, windowToMs: windowFromMs + HOUR, source: "alert", filters: { service: "gateway", operation: "POST /checkout" }, evidence });
  expect(created.status).toBe(200);
  return incidentSchema.parse(created.json);
}

const read = async (id: string) => incidentSchema.parse((await call(idRoute.GET, `/api/v1/incidents/${id}`, "GET", undefined, id)).json);

/** One replica's upkeep as `npm start` runs it: the incidents' hook, then the drop. */
async function upkeep(retentionDays: number, copied: string[], seen: DroppingPartition[] = []) {
  const all = { spans: retentionDays, metrics: retentionDays, logs: retentionDays, audit: retentionDays, locks: retentionDays, rollups: retentionDays };
  return maintainPartitions(getPool(), {
    retention: all,
    daysAhead: 1,
    now: Date.now(),
    beforeDrop: async (db, partitions) => {
      seen.push(...partitions);
      copied.push(...(await copyEvidenceBeforeDrop(db, partitions)));
    },
  });
}

describe("an open incident's evidence through retention", () => {
  let incident: Incident;

  it("copies nothing when no incident's evidence is in the days dropped", async () => {
    const audit = { kind: "audit", database, table: "orders", pk: "7001" };
    incident = await open("Checkout payments time out", base, [{ kind: "trace", traceId: evidenceTrace }, audit, { kind: "report", service: "gateway", operation: "POST /checkout" }]);
    const elsewhere = await open("Something recent", Date.now() - 2 * HOUR, [{ kind: "trace", traceId: recentTrace }]);

    const copied: string[] = [];
    const seen: DroppingPartition[] = [];
    const { dropped } = await upkeep(11, copied, seen); // twelve days back goes; ten days back stays
    expect(dropped).toEqual(expect.arrayContaining([`spans:${dayOf(unrelatedAt)}`, `span_rollups_1m:${dayOf(unrelatedAt)}`]));
    expect(seen.map((p) => p.day)).not.toContain(dayOf(base));
    expect(copied).toEqual([]);
    expect((await read(incident.id)).frozen).toBeNull();
    expect((await read(elsewhere.id)).frozen).toBeNull();
  });

  it("copies the trace, the row and the report of an open incident before their day is dropped; its API answer still shows them", async () => {
    const liveReport = await getTimeoutReport(getPool(), { fromMs: base, toMs: base + HOUR, service: "gateway", operation: "POST /checkout", nowMs: Date.now() });
    expect(liveReport.totals).toEqual({ requests: 4, timedOut: 2, rate: 0.5 });

    // Two replicas run upkeep at the same moment: each copy is merged, neither shrinks the other.
    const copiedA: string[] = [];
    const copiedB: string[] = [];
    const [a, b] = await Promise.all([upkeep(5, copiedA), upkeep(5, copiedB)]);
    expect([...a.dropped, ...b.dropped]).toEqual(expect.arrayContaining([`spans:${dayOf(base)}`, `audit_changes:${dayOf(base)}`, `span_rollups_1m:${dayOf(base)}`]));
    expect([...copiedA, ...copiedB]).toContain(incident.id);
    expect(await spansNearBase()).toBe(0);
    expect(await getCompactTraceJson(getPool(), evidenceTrace)).toBeNull();

    const after = await read(incident.id);
    expect(after.status).toBe("investigating");
    expect(after.frozen?.traces).toEqual([{ traceId: evidenceTrace, trace: expect.objectContaining({ traceId: evidenceTrace }) }]);
    expect(after.frozen?.traces[0]?.trace?.spans.spanId).toHaveLength(3);
    expect(after.frozen?.audit).toEqual([expect.objectContaining({ database, table: "orders", pk: "7001", changes: [expect.objectContaining({ after: { id: 7001, status: "PENDING_PAYMENT" } })] })]);
    expect(after.frozen?.report?.totals).toEqual(liveReport.totals);

    // The share page reads the same copy of the report, not the now empty live one.
    const made = createdShareLinkSchema.parse(
      await (await linksRoute.POST(adminRequest(`/api/v1/incidents/${incident.id}/share-links`, { method: "POST", headers: json, body: JSON.stringify({ expiresInHours: 1 }) }), params(incident.id))).json(),
    );
    const shared = await openShareLink(made.path.replace(/^\/share\//, ""));
    expect(shared.state === "ok" && { live: shared.live, totals: shared.report.totals }).toEqual({ live: false, totals: liveReport.totals });

    // Resolved after the drop: the copy made by upkeep is what the resolved incident keeps.
    const resolved = incidentSchema.parse((await call(idRoute.PATCH, `/api/v1/incidents/${incident.id}`, "PATCH", { status: "resolved" }, incident.id)).json);
    expect(resolved.frozen?.traces).toEqual(after.frozen?.traces);
    expect(resolved.frozen?.audit).toEqual(after.frozen?.audit);
    expect(resolved.frozen?.report).toEqual(after.frozen?.report);
  });
});
