import { getTranslations } from "next-intl/server";
import { ConsistencyPage } from "@/components/consistency/consistency-page";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("consistency");

export default async function ConsistencyRoute() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.consistency")} description={t("consistency.description")} />
      <ConsistencyPage />
    </>
  );
}
