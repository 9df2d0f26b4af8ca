import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { databaseNamesQuery, lockEventsQuery } from "@/components/database/database-queries";
import { DatabaseView } from "@/components/database/database-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("database");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DatabasePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const range = pageWindow(await searchParams);
  const data = await prefetchApiQueries(range ? [databaseNamesQuery(range), lockEventsQuery(range, null)] : []);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("nav.database")} description={t("database.description")} />
      <DatabaseView />
    </HydrationBoundary>
  );
}
