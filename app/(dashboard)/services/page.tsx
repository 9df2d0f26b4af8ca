import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ServicesList } from "@/components/services/services-list";
import { serviceHealthQuery } from "@/components/services/services-queries";
import { ServicesTabs } from "@/components/services/services-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("services");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ServicesPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const range = pageWindow(await searchParams);
  const data = await prefetchApiQueries(range ? [serviceHealthQuery(range)] : []);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.services")} description={t("services.list.description")} />
      <Suspense>
        <ServicesTabs active="list" />
      </Suspense>
      <ServicesList />
    </HydrationBoundary>
  );
}
