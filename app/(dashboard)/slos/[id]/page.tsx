import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { alertRulesQuery, sloStatusQuery } from "@/components/alerts/alerts-queries";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { SloDetail } from "@/components/slo/slo-detail";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("alerts");
  const slo = decodePathSegment(id);
  return (
    <HydrationBoundary state={await prefetchApiQueries([sloStatusQuery(slo), alertRulesQuery()])}>
      <PageHeader title={t("pages.slo.title")} description={t("pages.slo.description")} />
      <AlertsTabs />
      <SloDetail id={slo} />
    </HydrationBoundary>
  );
}
