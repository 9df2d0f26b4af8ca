import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { DashboardList } from "@/components/dashboards/dashboard-list";
import { dashboardListQuery } from "@/components/dashboards/dashboard-queries";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("dashboards");

export default async function DashboardsPage() {
  const t = await getTranslations();
  return (
    <HydrationBoundary state={await prefetchApiQueries([dashboardListQuery()])}>
      <PageHeader title={t("nav.dashboards")} description={t("dashboards.description")} />
      <DashboardList />
    </HydrationBoundary>
  );
}
