import { getTranslations } from "next-intl/server";
import { DatabaseView } from "@/components/database/database-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("database");

export default async function DatabasePage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.database")} description={t("database.description")} />
      <DatabaseView />
    </>
  );
}
