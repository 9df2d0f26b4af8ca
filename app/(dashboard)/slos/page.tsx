import { getTranslations } from "next-intl/server";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { SlosPage } from "@/components/slo/slos-page";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page() {
  const t = await getTranslations("alerts");
  return (
    <>
      <PageHeader title={t("pages.slos.title")} description={t("pages.slos.description")} />
      <AlertsTabs />
      <SlosPage />
    </>
  );
}
