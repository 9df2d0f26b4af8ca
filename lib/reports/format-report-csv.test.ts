import { describe, expect, it } from "vitest";
import { formatReportCsv } from "./format-report-csv";
import { REPORT_ATTRIBUTES } from "./report-attributes";
import type { TimeoutReport } from "./schemas";
import { withholdReportLists } from "./withhold-report-lists";

const counts = { requests: 0, timedOut: 0, rate: null };
const report: TimeoutReport = {
  version: 1,
  generatedAtMs: Date.UTC(2026, 11, 4, 15),
  window: { fromMs: Date.UTC(2026, 11, 4, 14), toMs: Date.UTC(2026, 11, 4, 15) },
  endpoint: null,
  totals: { requests: 100, timedOut: 4, rate: 0.04 },
  baseline: { dayBefore: counts, weekBefore: counts, usualRate: null, ratio: null },
  period: { firstTimeoutMs: null, lastTimeoutMs: null, quietMs: 300_000, isOver: null },
  endpoints: [{ service: "=cmd|' /C calc'!A0", operation: "POST /checkout", requests: 100, timedOut: 4, rate: 0.04 }],
  series: { stepMs: 60_000, points: [] },
  cause: { sampledTraces: 0, ranking: [], slowCall: null },
  impact: { timedOutTraces: 4, truncated: false, customers: { count: 1, ids: ["@admin"] }, orders: { count: 0, ids: [] }, moneyByCurrency: [{ currency: "EUR", amount: -12.5, orders: 1 }] },
  stateLeft: { ordersChecked: 0, ordersWithoutAudit: 0, unpaid: { count: 0, moneyByCurrency: [], orders: [] }, paymentsRecovered: [], paymentsRecoveredCount: 0 },
  lists: { withheld: false, visibleTo: "editor" },
  examples: [],
  config: { ...REPORT_ATTRIBUTES, ordersTable: "orders", paymentsTable: "payments", unpaidStatuses: [] },
};

describe("formatReportCsv", () => {
  it("writes the facts one per line, with text that starts like a formula made harmless", () => {
    const lines = formatReportCsv(report).split("\r\n");
    expect(lines[0]).toBe("section,item,value,detail");
    expect(lines).toContain("window,from,2026-12-04T14:00:00.000Z,");
    expect(lines).toContain("totals,timed out,4,");
    expect(lines).toContain(`endpoint,'=cmd|' /C calc'!A0,4,POST /checkout; 100 requests`);
    expect(lines).toContain("customer,'@admin,,");
    // A negative amount is a number, not a formula.
    expect(lines).toContain("money at risk,EUR,-12.5,1 orders");
    expect(lines.some((line) => line.startsWith("lists,"))).toBe(false);
  });

  it("says when the lists were withheld for the reader's role", () => {
    const lines = formatReportCsv(withholdReportLists(report, "viewer")).split("\r\n");
    expect(lines).toContain("lists,withheld,true,customer and order ids need the editor role");
    expect(lines).toContain("impact,customers,1,");
    expect(lines.some((line) => line.startsWith("customer,"))).toBe(false);
  });
});
