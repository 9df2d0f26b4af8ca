import type { RedPoint } from "@/lib/schemas/red";
import type { RedShow } from "./schemas";

// What a RED panel draws from /api/v1/red: requests per second, the share of errors and of
// timeouts (0..1), or the latency percentiles in milliseconds. An empty bucket stays null (a gap),
// never a zero that would read as "no errors" or "instant".

export interface RedPanelSeries {
  /** Key of the series name in the `dashboards.red` messages. */
  key: "rate" | "errors" | "timeouts" | "p50" | "p95" | "p99";
  points: [number, number | null][];
}

export const RED_UNITS = { rate: "perSecond", errors: "ratio", latency: "ms" } as const satisfies Record<RedShow, string>;

export function redPanelSeries(points: readonly RedPoint[], show: RedShow): RedPanelSeries[] {
  const pick = (key: RedPanelSeries["key"], value: (p: RedPoint) => number | null): RedPanelSeries => ({ key, points: points.map((p) => [p.time, value(p)]) });
  switch (show) {
    case "rate":
      return [pick("rate", (p) => (p.count === 0 ? 0 : p.rate))];
    case "errors":
      return [pick("errors", (p) => p.errorRate), pick("timeouts", (p) => p.timeoutRate)];
    case "latency":
      return [pick("p50", (p) => p.p50), pick("p95", (p) => p.p95), pick("p99", (p) => p.p99)];
  }
}

/** Whether the window holds any request at all (a panel says "no requests" instead of a flat line). */
export function hasRequests(points: readonly RedPoint[]): boolean {
  return points.some((p) => p.count > 0);
}
