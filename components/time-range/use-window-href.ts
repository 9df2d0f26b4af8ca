"use client";

import { useCallback } from "react";
import { withTimeRange } from "@/lib/client/time-range-params";
import { useTimeRange } from "@/lib/client/use-time-range";

/** Links between pages keep the window the reader is looking at (services, dashboards, …). */
export function useWindowHref(): (path: string) => string {
  const { range } = useTimeRange();
  return useCallback((path: string) => (range ? withTimeRange(path, { from: range.fromMs, to: range.toMs, rel: range.rel }) : path), [range]);
}
