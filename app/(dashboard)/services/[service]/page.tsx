import { Group } from "@mantine/core";
import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { annotationsQuery } from "@/components/annotations/annotation-queries";
import { poolWaitsQuery } from "@/components/causes/causes-queries";
import { ServiceView } from "@/components/services/service-view";
import { redKindOf, servicePageQueries, servicePartQuery, serviceRedQueries } from "@/components/services/services-queries";
import { PageHeader } from "@/components/ui/page-header";
import { CreateAlertButton } from "@/components/alerts/create-alert-button";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

type Props = { params: Promise<{ service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: `${decodePathSegment((await params).service)} · ${t("services")}` };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const service = decodePathSegment((await params).service);
  const t = await getTranslations("services.page");
  const range = pageWindow(await searchParams);
  // Its parts first; then the RED charts, which show the kind of requests its operations say it handles.
  const data = await prefetchApiQueries(range ? [...servicePageQueries(service, range), poolWaitsQuery(service, range), annotationsQuery(range, service)] : [], (client) =>
    range ? Object.values(serviceRedQueries(service, range, redKindOf(client.getQueryData(servicePartQuery(service, "operations", range).queryKey)))) : [],
  );
  return (
    <HydrationBoundary state={data}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PageHeader title={service} description={t("description")} />
        <CreateAlertButton service={service} />
      </Group>
      <ServiceView service={service} />
    </HydrationBoundary>
  );
}
