import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ServiceMap } from "@/components/service-map/service-map";
import { serviceMapQuery } from "@/components/service-map/service-map-query";
import { ServicesTabs } from "@/components/services/services-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceMap");
  return { title: t("title") };
}

export default async function ServiceMapPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("serviceMap");
  const range = pageWindow(await searchParams);
  const data = await prefetchApiQueries(range ? [serviceMapQuery(range)] : []);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <ServicesTabs active="map" />
      </Suspense>
      <ServiceMap />
    </HydrationBoundary>
  );
}
