import { getTranslations } from "next-intl/server";
import { ReportList } from "@/components/reports/report-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("reports");

export default async function ReportsPage() {
  const t = await getTranslations("reports");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ReportList />
    </>
  );
}
