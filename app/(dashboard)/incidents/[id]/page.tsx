import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { incidentQuery, shareLinksQuery } from "@/components/incidents/incident-queries";
import { IncidentView } from "@/components/incidents/incident-view";
import { timeoutReportQuery } from "@/components/reports/report-queries";
import { pageMetadata } from "@/i18n/page-metadata";
import { incidentIdPathSchema, type Incident } from "@/lib/incidents/schemas";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("incidents");

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = incidentIdPathSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  // As IncidentView loads: the incident and its share links, then — unless the incident holds its
  // own copy — the timeout report of its window.
  const data = await prefetchApiQueries([incidentQuery(id), shareLinksQuery(id)], (client) => {
    const incident = client.getQueryData<Incident>(incidentQuery(id).queryKey);
    if (!incident || incident.frozen?.report) return [];
    const { service, operation } = incident.filters;
    return [timeoutReportQuery({ from: incident.window.fromMs, to: incident.window.toMs }, service ?? null, service ? (operation ?? null) : null)];
  });
  return (
    <HydrationBoundary state={data}>
      <IncidentView id={id} />
    </HydrationBoundary>
  );
}
