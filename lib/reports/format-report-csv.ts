import { csvRecord } from "@/lib/audit/format-csv";
import type { TimeoutReport } from "./schemas";

// The report's facts as one CSV (section, item, value, detail), for a spreadsheet. Text from
// telemetry (service names, order ids, customer ids) is whatever a sender wrote: csvRecord gives
// a cell that starts like a formula (= + - @) a leading apostrophe, so a spreadsheet shows it
// instead of running it.

type Cell = string | number | boolean | null;

const cellText = (value: Cell): string | null => (value === null ? null : String(value));

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function formatReportCsv(report: TimeoutReport): string {
  const rows: Cell[][] = [["section", "item", "value", "detail"]];
  const add = (section: string, item: string, value: Cell, detail: Cell = null) => rows.push([section, item, value, detail]);
  add("window", "from", iso(report.window.fromMs));
  add("window", "to", iso(report.window.toMs));
  if (report.endpoint) add("window", "endpoint", report.endpoint.service, report.endpoint.operation);
  add("totals", "requests", report.totals.requests);
  add("totals", "timed out", report.totals.timedOut);
  add("totals", "rate", report.totals.rate);
  add("baseline", "day before rate", report.baseline.dayBefore.rate, `${report.baseline.dayBefore.timedOut} of ${report.baseline.dayBefore.requests}`);
  add("baseline", "week before rate", report.baseline.weekBefore.rate, `${report.baseline.weekBefore.timedOut} of ${report.baseline.weekBefore.requests}`);
  add("baseline", "ratio to usual rate", report.baseline.ratio);
  add("period", "first timeout", iso(report.period.firstTimeoutMs));
  add("period", "last timeout", iso(report.period.lastTimeoutMs));
  add("period", "is over", report.period.isOver);
  for (const e of report.endpoints) add("endpoint", e.service, e.timedOut, `${e.operation}; ${e.requests} requests`);
  for (const c of report.cause.ranking) add("cause", `${c.service} ${c.operation}`, c.share, `${Math.round(c.criticalMs)} ms in ${c.traces} traces`);
  const slow = report.cause.slowCall;
  if (slow) add("cause", `calls to ${slow.callee.service} over ${slow.thresholdMs} ms`, slow.share, `${slow.traces} of ${report.cause.sampledTraces} sampled traces`);
  add("impact", "customers", report.impact.customers.count);
  add("impact", "orders", report.impact.orders.count);
  for (const m of report.impact.moneyByCurrency) add("money at risk", m.currency, m.amount, `${m.orders} orders`);
  add("state left", "orders left unpaid", report.stateLeft.unpaid.count);
  for (const m of report.stateLeft.unpaid.moneyByCurrency) add("unpaid money", m.currency, m.amount, `${m.orders} orders`);
  for (const o of report.stateLeft.unpaid.orders ?? []) add("unpaid order", o.orderId, o.amount, [o.status, o.currency, o.traceId].filter(Boolean).join("; "));
  add("state left", "payments recovered", report.stateLeft.paymentsRecoveredCount);
  for (const p of report.stateLeft.paymentsRecovered ?? []) add("payment recovered", p.paymentId, p.orderId, iso(p.succeededAtMs));
  for (const id of report.impact.customers.ids ?? []) add("customer", id, null);
  if (report.lists.withheld) add("lists", "withheld", true, `customer and order ids need the ${report.lists.visibleTo} role`);
  for (const x of report.examples) add("example trace", x.traceId, x.durationMs, `${x.service} ${x.operation}`);
  return rows.map((row) => csvRecord(row.map(cellText))).join("");
}
