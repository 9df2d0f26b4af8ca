import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/findings/duplicate-deliveries/route";
import { GET as traceRoute } from "@/app/api/v1/traces/[traceId]/deliveries/route";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool } from "@/lib/db/client";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";
import { duplicateDeliveriesResponseSchema, traceDeliveriesResponseSchema } from "./schemas";

// Duplicate deliveries on a real store: callback spans written by the ingest writer, audit rows
// by the agent's writer, read back through the route handlers with the browser's schemas.

const suffix = randomBytes(4).toString("hex");
const payment = `payment-${suffix}`;
const resource = makeResource(payment);
const base = Date.now() - 10 * 60_000;
const tid = () => randomBytes(16).toString("hex");
const traces = { first: tid(), duplicate: tid(), flaggedOrphan: tid(), otherOrder: tid(), readA: tid(), readB: tid(), pending: tid() };

const callback = (traceId: string, atMs: number, attributes: Record<string, string | boolean>) =>
  makeSpan({ traceId, serviceName: payment, resource, name: "POST /payments/callback", kind: 2, startMs: atMs, durationMs: 12, attributes });
const change = (traceId: string, atMs: number, n: number) =>
  auditChangeInputSchema.parse({
    id: `${suffix}:${n}`,
    database: "shop",
    table: "payments",
    op: "UPDATE",
    pk: { id: 900 + n },
    before: { id: 900 + n, confirmed_at: null },
    after: { id: 900 + n, confirmed_at: "2026-12-05T00:00:00Z" },
    changedColumns: ["confirmed_at"],
    traceId,
    committedAt: new Date(atMs + 5).toISOString(),
  });

const window = `from=${base - 60_000}&to=${base + 5 * 60_000}`;
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

beforeAll(async () => {
  const keys = (order: string) => ({ "order.id": order, "payment.id": `p-${order}`, "payment.idempotency_key": `order-${order}` });
  await storeTraces(getPool(), [
    callback(traces.first, base, { ...keys("41"), "payment.callback.duplicate": false }),
    callback(traces.duplicate, base + 800, { ...keys("41"), "payment.callback.duplicate": true }),
    // Said it was a duplicate, but the delivery that did the work is not stored.
    callback(traces.flaggedOrphan, base + 60_000, { "payment.idempotency_key": "order-77", "payment.callback.duplicate": true }),
    // A different order: not a duplicate of order 41's callback.
    callback(traces.otherOrder, base + 1_500, { ...keys("42") }),
    // Two reads of the same order changed nothing: neither did anyone's work.
    makeSpan({ traceId: traces.readA, serviceName: payment, resource, name: "GET /payments/:id", kind: 2, startMs: base + 100, attributes: { "payment.id": "p-41" } }),
    makeSpan({ traceId: traces.readB, serviceName: payment, resource, name: "GET /payments/:id", kind: 2, startMs: base + 200, attributes: { "payment.id": "p-41" } }),
    // Its rows are not in yet, but the span says it was no duplicate: not called one.
    callback(traces.pending, base + 2_000, { ...keys("42"), "payment.callback.duplicate": false }),
  ]);
  await storeAuditChanges(getPool(), [change(traces.first, base, 1), change(traces.otherOrder, base + 1_500, 2)]);
});

describe("GET /api/v1/findings/duplicate-deliveries", () => {
  it("names the delivery that did nothing and the one that did the work, by every shared key", async () => {
    const response = await listRoute(adminRequest(`/api/v1/findings/duplicate-deliveries?${window}`), params({}));
    expect(response.status).toBe(200);
    const body = duplicateDeliveriesResponseSchema.parse(await response.json());
    const ours = body.deliveries.filter((d) => d.service === payment);
    expect(ours.map((d) => [d.duplicate.traceId, d.original?.traceId ?? null, d.duplicate.flagged])).toEqual([
      [traces.flaggedOrphan, null, true],
      [traces.duplicate, traces.first, true],
    ]);
    expect(ours[1]!.keys).toEqual([
      { key: "order.id", value: "41" },
      { key: "payment.id", value: "p-41" },
      { key: "payment.idempotency_key", value: "order-41" },
    ]);
    expect(ours[1]!.operation).toBe("POST /payments/callback");
    expect(body.truncated).toBe(false);
  });

  it("sees nothing outside the window, and refuses a reversed one", async () => {
    const before = await listRoute(adminRequest(`/api/v1/findings/duplicate-deliveries?from=${base - 600_000}&to=${base - 300_000}`), params({}));
    expect(duplicateDeliveriesResponseSchema.parse(await before.json()).deliveries.filter((d) => d.service === payment)).toEqual([]);
    const reversed = await listRoute(adminRequest(`/api/v1/findings/duplicate-deliveries?from=${base}&to=${base - 1}`), params({}));
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { error: { message: string } }).error.message).toMatch(/from/);
  });
});

describe("GET /api/v1/traces/{traceId}/deliveries", () => {
  const get = async (traceId: string) => {
    const response = await traceRoute(adminRequest(`/api/v1/traces/${traceId}/deliveries`), params({ traceId }));
    expect(response.status).toBe(200);
    return traceDeliveriesResponseSchema.parse(await response.json());
  };

  it("on the duplicate: already done by the first delivery", async () => {
    const body = await get(traces.duplicate);
    expect(body.duplicateOf.map((d) => d.original?.traceId)).toEqual([traces.first]);
    expect(body.duplicates).toEqual([]);
  });

  it("on the first delivery: its duplicates", async () => {
    const body = await get(traces.first);
    expect(body.duplicateOf).toEqual([]);
    expect(body.duplicates.map((d) => d.duplicate.traceId)).toEqual([traces.duplicate]);
  });

  it("nothing on deliveries that did their own work, reads, or a trace without business keys", async () => {
    for (const traceId of [traces.otherOrder, traces.readA, traces.pending, tid()]) {
      expect(await get(traceId)).toEqual({ traceId, duplicateOf: [], duplicates: [] });
    }
  });

  it("refuses a malformed trace id with a message naming it", async () => {
    const response = await traceRoute(adminRequest("/api/v1/traces/nope/deliveries"), params({ traceId: "nope" }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/traceId/);
  });
});
