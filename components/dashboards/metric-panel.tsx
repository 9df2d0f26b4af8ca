"use client";

import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";

export function MetricPanel(_props: { title: string; queries: MetricQuerySpec[] }) {
  return null;
}
