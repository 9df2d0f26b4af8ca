import { notFound } from "next/navigation";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { pageMetadata } from "@/i18n/page-metadata";
import { dashboardIdPathSchema } from "@/lib/dashboards/schemas";

export const generateMetadata = () => pageMetadata("dashboards");

export default async function DashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = dashboardIdPathSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return <DashboardView id={parsed.data.id} />;
}
