import type pg from "pg";
import { resolveStepSeconds } from "@/lib/query/step-buckets";
import { buildTimeoutSeries, endpointRequests } from "./build-timeout-series";
import { rankCriticalTime } from "./rank-critical-time";
import type { Role } from "@/lib/auth/roles";
import { readReportSettings } from "./read-report-settings";
import { businessAttributeKeys } from "./report-attributes";
import type { TimeoutReportSettings } from "./report-settings-schema";
import type { TimeoutReport } from "./schemas";
import { summariseImpact } from "./summarise-impact";
import { summariseStateLeft } from "./summarise-state-left";
import { compareToBaseline, isOver, quietPeriodMs, requestCounts, spreadSample } from "./timeout-arithmetic";
import { withholdReportLists } from "./withhold-report-lists";
import {
  listTimedOutEndpoints,
  listTimedOutRequests,
  readBusinessAttributes,
  readOrderChanges,
  readPaymentChanges,
  readRollupBuckets,
  readTraceSpans,
  type Window,
} from "./timeout-report-queries";

// GET /api/v1/reports/timeouts: the timeout impact report's facts for a window and optionally one
// entry endpoint. Entry endpoints are root spans; the requests they answered come from the
// minute rollups (so the baseline a day and a week earlier costs no span scan), the timed-out
// requests themselves from `spans`. The cause is walked on a sample of at most 200 timed-out
// traces; customers and orders are read from at most 5,000 (the report says when it stopped).
// Which attributes mean customer, order, amount and currency, and who may see the lists of ids,
// come from Settings → Timeout report unless the caller passes settings of its own.

const DAY_MS = 86_400_000;
const SHIFTS_MS = [0, DAY_MS, 7 * DAY_MS];
const MAX_EXAMINED = 5_000;
const MAX_SAMPLED = 200;
const MAX_EXAMPLES = 10;

export interface TimeoutReportInput extends Window {
  service?: string | undefined;
  operation?: string | undefined;
  nowMs: number;
  /** The stored settings (or their defaults) when absent. */
  settings?: TimeoutReportSettings;
  /** Who reads it: customer and order lists are left out below the settings' role. Absent: everything (for a frozen copy). */
  audience?: Role;
}

export async function getTimeoutReport(db: Pick<pg.Pool, "query">, input: TimeoutReportInput): Promise<TimeoutReport> {
  const settings = input.settings ?? (await readReportSettings(db)).settings;
  const config = settings.attributes;
  const window = { fromMs: input.fromMs, toMs: input.toMs };
  const endpoint = input.service === undefined ? null : { service: input.service, operation: input.operation };
  const stepMs = resolveStepSeconds(undefined, window.toMs - window.fromMs, 60) * 1_000;

  const [timedOutEndpoints, requests] = await Promise.all([
    listTimedOutEndpoints(db, window, endpoint),
    listTimedOutRequests(db, window, endpoint, MAX_EXAMINED + 1),
  ]);
  const truncated = requests.length > MAX_EXAMINED;
  const examined = requests.slice(0, MAX_EXAMINED);
  const traceIds = examined.map((r) => r.traceId);
  // An endpoint asked for by name counts its requests even when none timed out (SERVER kind).
  const entries =
    timedOutEndpoints.length > 0 || !endpoint?.operation ? timedOutEndpoints : [{ service: endpoint.service, operation: endpoint.operation, kind: 2, timedOut: 0, firstStartMs: 0, lastEndMs: 0 }];

  const [buckets, sampled, attributeRows] = await Promise.all([
    readRollupBuckets(db, window, entries, stepMs, SHIFTS_MS),
    readTraceSpans(db, window, spreadSample(traceIds, MAX_SAMPLED)),
    readBusinessAttributes(db, window, traceIds, businessAttributeKeys(config)),
  ]);
  const { impact, orders } = summariseImpact(attributeRows, config, { timedOutTraces: examined.length, truncated });
  const orderIds = orders.map((o) => o.orderId);
  const [orderChanges, paymentChanges] = await Promise.all([
    readOrderChanges(db, window.fromMs, orderIds, config.audit.orders),
    readPaymentChanges(db, window.fromMs, orderIds, config.audit.payments),
  ]);

  const sumOf = (shift: number) => {
    const rows = buckets.filter((b) => b.shiftMs === shift);
    return requestCounts(
      rows.reduce((s, b) => s + b.requests, 0),
      rows.reduce((s, b) => s + b.timedOut, 0),
    );
  };
  // Timed-out requests counted from the spans themselves, so the number matches the trace search it links to.
  const spanTimedOut = timedOutEndpoints.reduce((sum, e) => sum + e.timedOut, 0);
  const rollupTotals = sumOf(0);
  const totals = requestCounts(Math.max(rollupTotals.requests, spanTimedOut), spanTimedOut);
  const dayBefore = sumOf(DAY_MS);
  const weekBefore = sumOf(7 * DAY_MS);
  const firstTimeoutMs = timedOutEndpoints.length ? Math.min(...timedOutEndpoints.map((e) => e.firstStartMs)) : null;
  const lastTimeoutMs = timedOutEndpoints.length ? Math.max(...timedOutEndpoints.map((e) => e.lastEndMs)) : null;
  const quietMs = quietPeriodMs(window.toMs - window.fromMs);

  const report: TimeoutReport = {
    version: 1,
    generatedAtMs: input.nowMs,
    window,
    endpoint: endpoint ? { service: endpoint.service, operation: endpoint.operation ?? "" } : null,
    totals,
    baseline: { dayBefore, weekBefore, ...compareToBaseline(totals, [dayBefore, weekBefore]) },
    period: { firstTimeoutMs, lastTimeoutMs, quietMs, isOver: isOver(lastTimeoutMs, Math.min(window.toMs, input.nowMs), quietMs) },
    endpoints: entries.map((e) => {
      const requestsOf = endpointRequests(buckets, e);
      // Rollups and spans are written in one transaction, but a rollup minute may straddle the window's edge.
      return { service: e.service, operation: e.operation, ...requestCounts(Math.max(requestsOf, e.timedOut), e.timedOut) };
    }),
    series: { stepMs, points: buildTimeoutSeries(buckets, window, stepMs) },
    cause: rankCriticalTime(sampled),
    impact,
    stateLeft: summariseStateLeft(orders, orderChanges, paymentChanges, config.audit),
    examples: spreadSample(examined, MAX_EXAMPLES).map((r) => ({ traceId: r.traceId, service: r.service, operation: r.operation, startMs: r.startMs, durationMs: r.durationMs })),
    config: {
      customer: config.customer,
      order: config.order,
      amount: config.amount,
      currency: config.currency,
      ordersTable: config.audit.orders.table,
      paymentsTable: config.audit.payments.table,
      unpaidStatuses: config.audit.orders.unpaidStatuses,
    },
    lists: { withheld: false, visibleTo: settings.customerListsVisibleTo },
  };
  return input.audience === undefined ? report : withholdReportLists(report, input.audience);
}
