import { HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { createLoader } from "nuqs/server";
import { databaseNamesQuery, databaseTabQueries, lockEventsQuery, saturationGaugeQueries, saturationListQueries } from "@/components/database/database-queries";
import { DatabaseView } from "@/components/database/database-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import type { RangeKey } from "@/lib/client/query-keys";
import { chooseDatabaseTab, databaseTabParser } from "@/lib/database/choose-database-tab";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries, type AnyQuery } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("database");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const loadTab = createLoader({ db: databaseTabParser });

/**
 * The databases and the saturation card's lists (every tab shows that card) first, with the open
 * tab's data when the link names the tab; then the tab the page opens when it does not (the
 * first database, known from the first answers), and the charts of the pools and queues listed.
 */
function databasePageQueries(range: RangeKey, chosen: string | null): [AnyQuery[], (client: QueryClient) => AnyQuery[]] {
  const names = databaseNamesQuery(range);
  const events = lockEventsQuery(range, null);
  const saturation = saturationListQueries(range);
  const first = [names, events, saturation.pools, saturation.queues, ...(chosen === null ? [] : databaseTabQueries(range, chosen))];
  const next = (client: QueryClient) => {
    const seen = [...(client.getQueryData(names.queryKey)?.values ?? []), ...(client.getQueryData(events.queryKey)?.events.map((e) => e.database) ?? [])];
    const { active } = chooseDatabaseTab(seen, chosen);
    if (active === null) return [];
    const charts = saturationGaugeQueries(range, client.getQueryData(saturation.pools.queryKey), client.getQueryData(saturation.queues.queryKey));
    return [...(chosen === null ? databaseTabQueries(range, active) : []), ...charts];
  };
  return [first, next];
}

export default async function DatabasePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const search = await searchParams;
  const range = pageWindow(search);
  const [first, next] = range ? databasePageQueries(range, loadTab(search).db) : [[], undefined];
  const data = await prefetchApiQueries(first, next);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.database")} description={t("database.description")} />
      <DatabaseView />
    </HydrationBoundary>
  );
}
