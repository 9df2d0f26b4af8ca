import { Grid, GridCol } from "@mantine/core";
import { HydrationBoundary } from "@tanstack/react-query";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { FindingsCard } from "@/components/findings/findings-card";
import { DatabaseHealthCard } from "@/components/overview/database-health-line";
import { HealthCard } from "@/components/overview/health-card";
import { RecentAnnotationsCard } from "@/components/overview/recent-annotations-card";
import { SendDataCard } from "@/components/overview/send-data-card";
import { ServiceHealthGrid } from "@/components/overview/service-health-grid";
import { StorageCard } from "@/components/overview/storage-card";
import { WorstOperationsCard } from "@/components/overview/worst-operations-card";
import { serviceHealthQuery } from "@/components/services/services-queries";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { requestOrigin } from "@/lib/auth/request-origin";
import { getPool } from "@/lib/db/client";
import { checkDatabase } from "@/lib/health/check-database";
import { healthQueryOptions, healthResponseSchema } from "@/lib/client/health-query";
import { storageQueryOptions } from "@/lib/client/storage-query";
import { readTimeRange } from "@/lib/client/time-range";
import { prefetchQueries, type ServerQuery } from "@/lib/pages/prefetch-queries";
import { getStorageStats } from "@/lib/query/get-storage-stats";
import { storageResponseSchema } from "@/lib/schemas/storage";
import { getServiceHealth } from "@/lib/services/get-service-health";
import { serviceHealthResponseSchema } from "@/lib/services/schemas";

export const generateMetadata = () => pageMetadata("overview");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Plain Unix milliseconds, as the time picker writes them; any other spelling is left to the
// browser (the query then runs there). The nuqs parsers cannot run in a server component.
const param = (value: string | string[] | undefined) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : null);

export default async function OverviewPage({ searchParams }: Props) {
  const t = await getTranslations();
  // Health, storage and (when the address names the window) the service health come with the
  // HTML: the cards show their content at first paint instead of after the scripts ran and
  // asked the API. Without from/to the window is chosen in the browser, so that query waits.
  const search = await searchParams;
  const range = readTimeRange({ from: param(search.from), to: param(search.to), rel: null });
  const queries: ServerQuery[] = [
    { queryKey: healthQueryOptions().queryKey, load: async () => ((await checkDatabase()).ok ? { status: "ok" } : Promise.reject(new Error("unavailable"))), schema: healthResponseSchema },
    { queryKey: storageQueryOptions().queryKey, load: getStorageStats, schema: storageResponseSchema },
  ];
  if (range) {
    const key = { from: range.fromMs, to: range.toMs };
    queries.push({ queryKey: serviceHealthQuery(key).queryKey, load: () => getServiceHealth(getPool(), { fromMs: key.from, toMs: key.to }), schema: serviceHealthResponseSchema });
  }
  const data = await prefetchQueries(queries);
  const requestHeaders = await headers();
  const origin = requestOrigin(`http://${requestHeaders.get("host") ?? "localhost"}/`, requestHeaders);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.overview")} description={t("overview.description")} />
      <Grid gap="lg">
        <GridCol span={{ base: 12, xl: 7 }}>
          <ServiceHealthGrid />
        </GridCol>
        <GridCol span={{ base: 12, xl: 5 }}>
          <WorstOperationsCard />
        </GridCol>
        <GridCol span={{ base: 12, xl: 6 }}><FindingsCard /></GridCol>
        <GridCol span={{ base: 12, md: 7 }}>
          <DatabaseHealthCard />
        </GridCol>
        <GridCol span={{ base: 12, md: 5 }}>
          <RecentAnnotationsCard />
        </GridCol>
        <GridCol span={{ base: 12, md: 5, xl: 4 }}>
          <HealthCard />
        </GridCol>
        <GridCol span={{ base: 12, md: 7, xl: 8 }}>
          <SendDataCard serverOrigin={origin} />
        </GridCol>
        <GridCol span={12}>
          <StorageCard />
        </GridCol>
      </Grid>
    </HydrationBoundary>
  );
}
