import { Grid, GridCol } from "@mantine/core";
import { HydrationBoundary } from "@tanstack/react-query";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { recentCausesQuery } from "@/components/causes/causes-queries";
import { RecentCausesCard } from "@/components/causes/recent-causes-card";
import { ConsistencyOverviewCard } from "@/components/consistency/consistency-overview-card";
import { consistencyRulesQuery, consistencyViolationsQuery } from "@/components/consistency/consistency-queries";
import { FindingsCard } from "@/components/findings/findings-card";
import { duplicateDeliveriesQuery, slowWindowsQuery } from "@/components/findings/findings-queries";
import { DatabaseHealthCard } from "@/components/overview/database-health-line";
import { HealthCard } from "@/components/overview/health-card";
import { RecentAnnotationsCard } from "@/components/overview/recent-annotations-card";
import { SendDataCard } from "@/components/overview/send-data-card";
import { ServiceHealthGrid } from "@/components/overview/service-health-grid";
import { StorageCard } from "@/components/overview/storage-card";
import { WorstOperationsCard } from "@/components/overview/worst-operations-card";
import { recentPartOf, serviceHealthQuery, worstOperationsQuery } from "@/components/services/services-queries";
import { annotationsQuery } from "@/components/annotations/annotation-queries";
import { databaseHealthQueries } from "@/components/database/database-queries";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { requestOrigin } from "@/lib/auth/request-origin";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";
import { storageQueryOptions } from "@/lib/client/storage-query";

export const generateMetadata = () => pageMetadata("overview");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const t = await getTranslations();
  // Every card's first data comes with the HTML (lib/pages/prefetch-api-queries.ts), so the
  // overview shows its content at first paint instead of after the scripts ran and asked the API.
  // The proxy gives an address without a window the default one, so the window is known here.
  const range = pageWindow(await searchParams);
  const windowed = range
    ? [
        serviceHealthQuery(range),
        worstOperationsQuery(recentPartOf(range)),
        annotationsQuery(range, null),
        recentCausesQuery(range),
        consistencyViolationsQuery(range, null, "open"),
        duplicateDeliveriesQuery(range),
        slowWindowsQuery(range),
        ...Object.values(databaseHealthQueries(range)),
      ]
    : [];
  const data = await prefetchApiQueries([storageQueryOptions(), consistencyRulesQuery(), ...windowed]);
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
        <GridCol span={{ base: 12, xl: 7 }}>
          <RecentCausesCard />
        </GridCol>
        <GridCol span={{ base: 12, xl: 5 }}>
          <FindingsCard />
        </GridCol>
        <ConsistencyOverviewCard />
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
