import { getTranslations } from "next-intl/server";
import { IncidentsList } from "@/components/incidents/incidents-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("incidents");

export default async function IncidentsPage() {
  const t = await getTranslations("incidents");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IncidentsList />
    </>
  );
}
