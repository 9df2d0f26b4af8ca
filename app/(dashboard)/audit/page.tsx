import { getTranslations } from "next-intl/server";
import { AuditSearch } from "@/components/audit/audit-search";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("audit");

export default async function AuditPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.audit")} description={t("audit.search.description")} />
      <AuditSearch />
    </>
  );
}
