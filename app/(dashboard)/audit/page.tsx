import { HydrationBoundary } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { auditSearchQuery } from "@/components/audit/audit-queries";
import { AuditSearch } from "@/components/audit/audit-search";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { auditSearchParsers } from "@/lib/audit/search/search-params";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("audit");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const loadFilters = createLoader(auditSearchParsers);

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const search = await searchParams;
  // As useAuditSearchFilters reads the address: every filter but the open change.
  const { change: _open, ...filters } = loadFilters(search);
  const range = pageWindow(search);
  const data = await prefetchApiQueries(range ? [auditSearchQuery(range, filters)] : []);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.audit")} description={t("audit.search.description")} />
      <AuditSearch />
    </HydrationBoundary>
  );
}
