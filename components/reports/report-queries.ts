import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { timeoutReportSettingsResponseSchema, type TimeoutReportSettings } from "@/lib/reports/report-settings-schema";
import { timeoutReportSchema } from "@/lib/reports/schemas";
import { servicesResponseSchema } from "@/lib/schemas/services";

export function timeoutReportQuery(range: RangeKey, service: string | null, operation: string | null) {
  const params = new URLSearchParams({ from: String(range.from), to: String(range.to) });
  if (service) params.set("service", service);
  if (service && operation) params.set("operation", operation);
  return queryOptions({
    queryKey: queryKeys.reports.timeouts(range, service, operation),
    queryFn: ({ signal }) => fetchJson(`/api/v1/reports/timeouts?${params.toString()}`, timeoutReportSchema, { signal }),
  });
}

export function reportEndpointsQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.reports.endpoints(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/services?from=${range.from}&to=${range.to}`, servicesResponseSchema, { signal }),
  });
}

export function reportSettingsQuery() {
  return queryOptions({
    queryKey: queryKeys.reports.settings(),
    queryFn: ({ signal }) => fetchJson("/api/v1/settings/timeout-report", timeoutReportSettingsResponseSchema, { signal }),
  });
}

export function saveReportSettings(settings: TimeoutReportSettings) {
  return fetchJson("/api/v1/settings/timeout-report", timeoutReportSettingsResponseSchema, { method: "PUT", json: settings });
}

export function resetReportSettings() {
  return fetchJson("/api/v1/settings/timeout-report", timeoutReportSettingsResponseSchema, { method: "DELETE" });
}
