import { notFound } from "next/navigation";
import { IncidentView } from "@/components/incidents/incident-view";
import { pageMetadata } from "@/i18n/page-metadata";
import { incidentIdPathSchema } from "@/lib/incidents/schemas";

export const generateMetadata = () => pageMetadata("incidents");

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = incidentIdPathSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return <IncidentView id={parsed.data.id} />;
}
