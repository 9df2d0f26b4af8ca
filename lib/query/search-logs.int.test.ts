import { adminRequest } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as logsRoute } from "@/app/api/v1/logs/route";
import { getPool } from "@/lib/db/client";
import { logSearchResponseSchema } from "@/lib/schemas/logs";
import { makeLog, randomSpanId, randomTraceId, seedLogs } from "@/lib/testing/seed-telemetry";
import { searchLogs, type LogSearchInput } from "./search-logs";

const suffix = randomBytes(4).toString("hex");
const checkout = `checkout-${suffix}`;
const payment = `payment-${suffix}`;
const t0 = Date.now() - 20 * 60_000;
const traceId = randomTraceId();
const spanId = randomSpanId();
const window = { fromMs: t0 - 60_000, toMs: t0 + 10 * 60_000 };
const search = (input: Partial<LogSearchInput>) => searchLogs(getPool(), { ...window, limit: 100, ...input });
const bodies = async (input: Partial<LogSearchInput>) => (await search(input)).logs.map((l) => l.body);

beforeAll(async () => {
  await seedLogs(getPool(), [
    makeLog({ service: checkout, timeMs: t0, severityNumber: 9, severityText: "INFO", body: "order 1001 created", traceId, spanId, attributes: { "order.id": 1001 } }),
    makeLog({ service: checkout, timeMs: t0 + 1_000, severityNumber: 13, severityText: "WARN", body: "coupon SAVE_10 expired, 50% off refused", traceId }),
    makeLog({ service: payment, timeMs: t0 + 2_000, severityNumber: 17, severityText: "ERROR", body: "Card declined by provider", traceId }),
    makeLog({ service: payment, timeMs: t0 + 3_000, severityNumber: 5, severityText: "DEBUG", body: { event: "charge", amount: 59.9 } }),
    // An old line of the same trace: found by trace id without a window, not within the last hour.
    makeLog({ service: checkout, timeMs: t0 - 3 * 3_600_000, severityNumber: 9, body: "cart opened", traceId }),
  ]);
});

describe("searchLogs", () => {
  it("returns records newest first with their resource, trace and span ids", async () => {
    const { logs } = await search({ service: checkout });
    logSearchResponseSchema.parse({ logs });
    expect(logs.map((l) => l.body)).toEqual(["coupon SAVE_10 expired, 50% off refused", "order 1001 created"]);
    expect(logs[1]).toMatchObject({
      timeUnixNano: String(BigInt(t0) * 1_000_000n),
      severityNumber: 9,
      severityText: "INFO",
      attributes: { "order.id": 1001 },
      traceId,
      spanId,
      serviceName: checkout,
      scope: { name: "pino" },
      resource: { attributes: { "service.name": checkout } },
    });
    expect(logs[0]!.spanId).toBeNull();
  });

  it("filters by minimum severity, trace, span and body text (case-insensitive, wildcards literal)", async () => {
    expect(await bodies({ severity: 13, traceId })).toEqual(["Card declined by provider", "coupon SAVE_10 expired, 50% off refused"]);
    expect(await bodies({ spanId })).toEqual(["order 1001 created"]);
    expect(await bodies({ q: "CARD DECLINED" })).toEqual(["Card declined by provider"]);
    expect(await bodies({ q: "50%", service: checkout })).toEqual(["coupon SAVE_10 expired, 50% off refused"]);
    expect(await bodies({ q: "SAVE_1", service: checkout })).toHaveLength(1);
    expect(await bodies({ q: "SAVE%1", service: checkout })).toEqual([]);
    expect(await bodies({ q: "charge", service: payment })).toEqual([{ event: "charge", amount: 59.9 }]);
  });

  it("finds a trace's logs at any time when no window is given, and limits", async () => {
    const all = await searchLogs(getPool(), { traceId, limit: 100 });
    expect(all.logs.map((l) => l.body).at(-1)).toBe("cart opened");
    expect(all.logs).toHaveLength(4);
    expect((await search({ traceId, limit: 2 })).logs).toHaveLength(2);
  });
});

describe("logs route", () => {
  const call = (path: string) => adminRequest(path);

  it("searches the last hour, or a trace's whole history", async () => {
    const recent = logSearchResponseSchema.parse(await (await logsRoute(call(`/api/v1/logs?traceId=${traceId}&from=${window.fromMs}`), {})).json());
    expect(recent.logs).toHaveLength(3);
    const whole = logSearchResponseSchema.parse(await (await logsRoute(call(`/api/v1/logs?traceId=${traceId}`), {})).json());
    expect(whole.logs).toHaveLength(4);
    const warnings = logSearchResponseSchema.parse(await (await logsRoute(call(`/api/v1/logs?service=${payment}&severity=warn`), {})).json());
    expect(warnings.logs.map((l) => l.severityText)).toEqual(["ERROR"]);
  });

  it("answers 400 naming a bad parameter", async () => {
    const response = await logsRoute(call("/api/v1/logs?severity=loud"), {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^severity: /);
  });
});
