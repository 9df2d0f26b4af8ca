import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { dashboardListSchema, dashboardSchema, deletedDashboardSchema, type DashboardContent } from "@/lib/dashboards/schemas";
import { redResponseSchema } from "@/lib/schemas/red";

// Every request the dashboard pages make, each parsed with the API's own schema.

export function dashboardListQuery() {
  return queryOptions({
    queryKey: queryKeys.dashboards.list(),
    queryFn: ({ signal }) => fetchJson("/api/v1/dashboards", dashboardListSchema, { signal }),
  });
}

export function dashboardQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.dashboards.detail(id),
    queryFn: ({ signal }) => fetchJson(`/api/v1/dashboards/${encodeURIComponent(id)}`, dashboardSchema, { signal }),
  });
}

/** One RED panel's series: the rollups of one service (or one operation) over the window. */
export function redPanelQuery(range: RangeKey, service: string, operation: string | null) {
  const params = new URLSearchParams({ service, from: String(range.from), to: String(range.to) });
  if (operation) params.set("operation", operation);
  return queryOptions({
    queryKey: queryKeys.dashboards.red(range, service, operation),
    queryFn: ({ signal }) => fetchJson(`/api/v1/red?${params.toString()}`, redResponseSchema, { signal }),
  });
}

export const createDashboard = (content: Partial<DashboardContent> & { title: string }) =>
  fetchJson("/api/v1/dashboards", dashboardSchema, { method: "POST", json: content });

export const saveDashboard = (id: string, content: DashboardContent & { version: number }) =>
  fetchJson(`/api/v1/dashboards/${encodeURIComponent(id)}`, dashboardSchema, { method: "PUT", json: content });

export const duplicateDashboard = (id: string) => fetchJson(`/api/v1/dashboards/${encodeURIComponent(id)}/duplicate`, dashboardSchema, { method: "POST" });

export const deleteDashboard = (id: string) => fetchJson(`/api/v1/dashboards/${encodeURIComponent(id)}`, deletedDashboardSchema, { method: "DELETE" });
