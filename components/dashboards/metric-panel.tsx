"use client";

import { useElementSize } from "@mantine/hooks";
import { useRouter } from "next/navigation";
import { MetricQueryChart, type MetricPointClick } from "@/components/metrics/metric-query-chart";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { SERVICE_LABEL } from "@/lib/schemas/metrics";

/** Height the chart leaves for the legend and notes below it, within the panel's body. */
const CHART_MARGIN = 8;

/**
 * A metric panel: the explorer's own chart over the app's window, sized to the panel. A click on
 * a point of a series that names its service opens that service's traces of the bucket.
 */
export function MetricPanel({ queries }: { title: string; queries: MetricQuerySpec[] }) {
  const { range } = useTimeRange();
  const router = useRouter();
  const { ref, height } = useElementSize();
  const openTraces = (point: MetricPointClick) => {
    const service = point.labels[SERVICE_LABEL];
    if (service) router.push(traceSearchLink({ service, fromMs: point.fromMs, toMs: point.toMs }));
  };
  return (
    <div ref={ref} style={{ height: "100%", overflow: "hidden" }}>
      {range && height > 0 && (
        <MetricQueryChart queries={queries} range={{ fromMs: range.fromMs, toMs: range.toMs }} height={Math.max(80, height - CHART_MARGIN)} compactLegend onPointClick={openTraces} />
      )}
    </div>
  );
}
