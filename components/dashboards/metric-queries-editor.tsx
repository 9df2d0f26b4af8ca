"use client";

import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";

export function MetricQueriesEditor(_props: { queries: MetricQuerySpec[]; onChange: (queries: MetricQuerySpec[]) => void }) {
  return null;
}
