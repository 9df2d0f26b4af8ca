import { getTranslations } from "next-intl/server";
import { MetricsExplorer } from "@/components/metrics/metrics-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("metrics");

export default async function MetricsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.metrics")} description={t("metrics.description")} />
      <MetricsExplorer />
    </>
  );
}
