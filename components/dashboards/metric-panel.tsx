"use client";

import { MetricQueryChart } from "@/components/metrics/metric-query-chart";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { usePanelBodySize } from "./panel-size";

/** Height the chart leaves for the legend and notes below it, within the panel's body. */
const CHART_MARGIN = 8;

/**
 * A metric panel: the explorer's own chart over the app's window, sized to the panel. A click on
 * a point (or a drag) opens the traces of that window, as in the explorer.
 */
export function MetricPanel({ queries }: { title: string; queries: MetricQuerySpec[] }) {
  const { range } = useTimeRange();
  const { ref, height } = usePanelBodySize();
  return (
    <div ref={ref} style={{ height: "100%", overflow: "hidden" }}>
      {range && height > 0 && <MetricQueryChart queries={queries} range={{ fromMs: range.fromMs, toMs: range.toMs }} height={Math.max(80, height - CHART_MARGIN)} />}
    </div>
  );
}
