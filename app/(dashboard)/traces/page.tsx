import { getTranslations } from "next-intl/server";
import { TraceSearch } from "@/components/traces/search/trace-search";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";

export const generateMetadata = () => pageMetadata("traces");

export default async function TracesPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.traces")} description={t("traces.search.description")} />
      <TraceSearch />
    </>
  );
}
