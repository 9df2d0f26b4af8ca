import { formatDurationMs } from "../format-duration";
import { usedTraceIds } from "./build-search-request";
import type { TraceSearchFilters } from "./search-params";

// The filters in force, each with the change that removes it: the chips above the results and
// the empty state's "try removing…" list are both built from this one function.

export type ActiveFilter =
  | { kind: "service" | "operation" | "touches"; value: string; remove: Partial<TraceSearchFilters> }
  | { kind: "minDuration" | "maxDuration"; value: string; remove: Partial<TraceSearchFilters> }
  | { kind: "status"; value: "error" | "ok"; remove: Partial<TraceSearchFilters> }
  | { kind: "timeout"; value: ""; remove: Partial<TraceSearchFilters> }
  | { kind: "attr" | "attrExists"; value: string; remove: Partial<TraceSearchFilters> }
  /** `value`: how many traces were chosen (one chip for all: ids mean nothing to read). */
  | { kind: "traceIds"; value: string; remove: Partial<TraceSearchFilters> };

export function activeFilters(filters: TraceSearchFilters): ActiveFilter[] {
  const list: ActiveFilter[] = [];
  // Removing the service also removes its operation: an operation name belongs to a service.
  if (filters.service) list.push({ kind: "service", value: filters.service, remove: { service: null, operation: null } });
  if (filters.operation) list.push({ kind: "operation", value: filters.operation, remove: { operation: null } });
  if (filters.minDurationMs !== null) list.push({ kind: "minDuration", value: formatDurationMs(filters.minDurationMs), remove: { minDurationMs: null } });
  if (filters.maxDurationMs !== null) list.push({ kind: "maxDuration", value: formatDurationMs(filters.maxDurationMs), remove: { maxDurationMs: null } });
  if (filters.status !== "any") list.push({ kind: "status", value: filters.status, remove: { status: "any" } });
  if (filters.timeout) list.push({ kind: "timeout", value: "", remove: { timeout: false } });
  for (const condition of filters.attr) list.push({ kind: "attr", value: condition, remove: { attr: filters.attr.filter((c) => c !== condition) } });
  for (const key of filters.attrExists) list.push({ kind: "attrExists", value: key, remove: { attrExists: filters.attrExists.filter((k) => k !== key) } });
  if (filters.traceId.length > 0) list.push({ kind: "traceIds", value: String(usedTraceIds(filters.traceId).length), remove: { traceId: [] } });
  if (filters.touches) list.push({ kind: "touches", value: filters.touches, remove: { touches: null } });
  return list;
}
