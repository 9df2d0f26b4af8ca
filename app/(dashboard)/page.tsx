import { Grid, GridCol } from "@mantine/core";
import { HydrationBoundary } from "@tanstack/react-query";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { HealthCard } from "@/components/overview/health-card";
import { SendDataCard } from "@/components/overview/send-data-card";
import { StorageCard } from "@/components/overview/storage-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { requestOrigin } from "@/lib/auth/request-origin";
import { checkDatabase } from "@/lib/health/check-database";
import { healthQueryOptions, healthResponseSchema } from "@/lib/client/health-query";
import { storageQueryOptions } from "@/lib/client/storage-query";
import { prefetchQueries } from "@/lib/pages/prefetch-queries";
import { getStorageStats } from "@/lib/query/get-storage-stats";
import { storageResponseSchema } from "@/lib/schemas/storage";

export const generateMetadata = () => pageMetadata("overview");

export default async function OverviewPage() {
  const t = await getTranslations();
  // Health and storage come with the HTML (two catalog reads, ~50 ms): the cards show their
  // content at first paint instead of after the scripts ran and asked the API.
  const data = await prefetchQueries([
    { queryKey: healthQueryOptions().queryKey, load: async () => ((await checkDatabase()).ok ? { status: "ok" } : Promise.reject(new Error("unavailable"))), schema: healthResponseSchema },
    { queryKey: storageQueryOptions().queryKey, load: getStorageStats, schema: storageResponseSchema },
  ]);
  const requestHeaders = await headers();
  const origin = requestOrigin(`http://${requestHeaders.get("host") ?? "localhost"}/`, requestHeaders);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.overview")} description={t("overview.description")} />
      <Grid gap="lg">
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
