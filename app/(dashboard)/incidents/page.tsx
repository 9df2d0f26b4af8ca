import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { incidentsQuery } from "@/components/incidents/incident-queries";
import { IncidentsList } from "@/components/incidents/incidents-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("incidents");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("incidents");
  // The unfiltered list (the page's first view); a status filter is read by the page itself.
  const filtered = (await searchParams).status !== undefined;
  return (
    <HydrationBoundary state={await prefetchApiQueries(filtered ? [] : [incidentsQuery(null)])}>
      <PageHeader title={t("title")} description={t("description")} />
      <IncidentsList />
    </HydrationBoundary>
  );
}
