"use client";

import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { auditSearchParsers, type AuditSearchFilters } from "@/lib/audit/search/search-params";

/**
 * The search filters and the open change, owned by the URL. A change of filter is a new history
 * entry (Back undoes it); opening or closing a change replaces the entry.
 */
export function useAuditSearchFilters() {
  const [values, setValues] = useQueryStates(auditSearchParsers, { history: "push" });
  const setFilters = useCallback((patch: Partial<AuditSearchFilters>) => void setValues({ ...patch, change: null }), [setValues]);
  const openChange = useCallback((id: string | null) => void setValues({ change: id }, { history: "replace" }), [setValues]);
  const { change, ...filters } = values;
  return { filters: filters, openChangeId: change, setFilters, openChange };
}
