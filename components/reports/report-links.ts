import type { TimeoutReport } from "@/lib/reports/schemas";

// Where the report's audit evidence is: the audit search of the orders table from the window's
// start (an order left unpaid may have changed long after its request), and one order's changes.

export function auditOrdersHref(report: Pick<TimeoutReport, "window" | "config" | "generatedAtMs">): string {
  const params = new URLSearchParams({ table: report.config.ordersTable, from: String(report.window.fromMs), to: String(Math.max(report.window.toMs, report.generatedAtMs)) });
  return `/audit?${params.toString()}`;
}

export function auditOrderHref(report: Pick<TimeoutReport, "window" | "config" | "generatedAtMs">, orderId: string): string {
  const params = new URLSearchParams({ table: report.config.ordersTable, pk: orderId, from: String(report.window.fromMs), to: String(Math.max(report.window.toMs, report.generatedAtMs)) });
  return `/audit?${params.toString()}`;
}
