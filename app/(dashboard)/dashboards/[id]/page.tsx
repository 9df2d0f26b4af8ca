import { HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { dashboardQuery, redPanelQuery } from "@/components/dashboards/dashboard-queries";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { metricHeatmapQuery, metricSeriesQuery } from "@/components/metrics/metric-queries";
import { pageMetadata } from "@/i18n/page-metadata";
import type { RangeKey } from "@/lib/client/query-keys";
import { dashboardIdPathSchema, type Dashboard } from "@/lib/dashboards/schemas";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries, type AnyQuery } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("dashboards");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every panel's first request over the window, the same options its component passes to useQuery. */
function panelQueries(dashboard: Dashboard | undefined, range: RangeKey): AnyQuery[] {
  return (dashboard?.panels ?? []).flatMap((panel): AnyQuery[] => {
    if (panel.kind === "red") return [redPanelQuery(range, panel.service, panel.operation ?? null)];
    if (panel.kind === "metric") return panel.queries.map((spec) => (spec.chart === "heatmap" ? metricHeatmapQuery(range, spec) : metricSeriesQuery(range, spec)));
    return [];
  });
}

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const parsed = dashboardIdPathSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const range = pageWindow(await searchParams);
  const detail = dashboardQuery(parsed.data.id);
  // The dashboard first, then its panels' data, so the page arrives with every chart's series.
  const data = await prefetchApiQueries([detail], (client: QueryClient) => (range ? panelQueries(client.getQueryData(detail.queryKey), range) : []));
  return (
    <HydrationBoundary state={data}>
      <DashboardView id={parsed.data.id} />
    </HydrationBoundary>
  );
}
