"use client";

import { useCallback } from "react";
import { withTimeRange } from "@/lib/client/time-range-params";
import { useTimeRange } from "@/lib/client/use-time-range";

/** A dashboard's address with the app's window, so opening one keeps the range the user chose. */
export function useDashboardHref(): (id: string) => string {
  const { range } = useTimeRange();
  return useCallback((id: string) => withTimeRange(`/dashboards/${id}`, range ? { from: range.fromMs, to: range.toMs, rel: range.rel } : {}), [range]);
}
