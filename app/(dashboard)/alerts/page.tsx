import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { AlertsPage } from "@/components/alerts/alerts-page";
import { alertEventsQuery, alertRulesQuery } from "@/components/alerts/alerts-queries";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page() {
  const t = await getTranslations("alerts");
  return (
    <HydrationBoundary state={await prefetchApiQueries([alertRulesQuery(), alertEventsQuery(null)])}>
      <PageHeader title={t("pages.alerts.title")} description={t("pages.alerts.description")} />
      <AlertsTabs />
      <AlertsPage />
    </HydrationBoundary>
  );
}
