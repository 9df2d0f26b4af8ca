import { HydrationBoundary } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { ConsistencyPage } from "@/components/consistency/consistency-page";
import { consistencyRulesQuery, consistencyViolationsQuery } from "@/components/consistency/consistency-queries";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { apiStateOf, violationFilterParsers } from "@/lib/consistency/violation-filters";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("consistency");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const loadFilters = createLoader(violationFilterParsers);

export default async function ConsistencyRoute({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const search = await searchParams;
  // As ConsistencyPage reads the address: the rules, and the violations of the window and filters.
  const { rule, state } = loadFilters(search);
  const range = pageWindow(search);
  const queries = [consistencyRulesQuery(), ...(range ? [consistencyViolationsQuery(range, rule, apiStateOf(state))] : [])];
  return (
    <HydrationBoundary state={await prefetchApiQueries(queries)}>
      <PageHeader title={t("nav.consistency")} description={t("consistency.description")} />
      <ConsistencyPage />
    </HydrationBoundary>
  );
}
