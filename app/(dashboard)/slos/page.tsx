import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { slosQuery } from "@/components/alerts/alerts-queries";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { SlosPage } from "@/components/slo/slos-page";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page() {
  const t = await getTranslations("alerts");
  return (
    <HydrationBoundary state={await prefetchApiQueries([slosQuery()])}>
      <PageHeader title={t("pages.slos.title")} description={t("pages.slos.description")} />
      <AlertsTabs />
      <SlosPage />
    </HydrationBoundary>
  );
}
