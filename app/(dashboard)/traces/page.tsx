import { HydrationBoundary } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { TraceSearch } from "@/components/traces/search/trace-search";
import { traceSearchQuery } from "@/components/traces/trace-queries";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";
import { traceSearchParsers } from "@/lib/trace/search/search-params";

export const generateMetadata = () => pageMetadata("traces");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const loadFilters = createLoader(traceSearchParsers);

export default async function TracesPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const search = await searchParams;
  // The same parsers the page's filters hook reads the address with: the same query key.
  const range = pageWindow(search);
  const data = await prefetchApiQueries(range ? [traceSearchQuery(range, loadFilters(search))] : []);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.traces")} description={t("traces.search.description")} />
      <TraceSearch />
    </HydrationBoundary>
  );
}
