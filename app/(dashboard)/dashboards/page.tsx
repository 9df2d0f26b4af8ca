import { getTranslations } from "next-intl/server";
import { DashboardList } from "@/components/dashboards/dashboard-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("dashboards");

export default async function DashboardsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.dashboards")} description={t("dashboards.description")} />
      <DashboardList />
    </>
  );
}
