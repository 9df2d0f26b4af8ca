import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { jobsQuery } from "@/components/alerts/alerts-queries";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { JobsPage } from "@/components/jobs/jobs-page";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page() {
  const t = await getTranslations("alerts");
  return (
    <HydrationBoundary state={await prefetchApiQueries([jobsQuery()])}>
      <PageHeader title={t("pages.jobs.title")} description={t("pages.jobs.description")} />
      <AlertsTabs />
      <JobsPage />
    </HydrationBoundary>
  );
}
