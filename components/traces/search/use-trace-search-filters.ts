"use client";

import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { traceSearchParsers, type TraceSearchFilters } from "@/lib/trace/search/search-params";

/**
 * The search filters, owned by the URL. Every change is a new history entry, so Back undoes
 * the last change of filter, like the time picker does for the window.
 */
export function useTraceSearchFilters(): [TraceSearchFilters, (patch: Partial<TraceSearchFilters>) => void] {
  const [values, setValues] = useQueryStates(traceSearchParsers, { history: "push" });
  const setFilters = useCallback((patch: Partial<TraceSearchFilters>) => void setValues(patch), [setValues]);
  return [values, setFilters];
}
