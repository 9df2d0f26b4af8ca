import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { jobQuery } from "@/components/alerts/alerts-queries";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { JobDetail } from "@/components/jobs/job-detail";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page({ params }: { params: Promise<{ service: string; job: string }> }) {
  const { service, job } = await params;
  const t = await getTranslations("alerts");
  const [serviceName, jobName] = [decodePathSegment(service), decodePathSegment(job)];
  return (
    <HydrationBoundary state={await prefetchApiQueries([jobQuery(serviceName, jobName)])}>
      <PageHeader title={jobName} description={t("pages.job.description", { service: serviceName })} />
      <AlertsTabs />
      <JobDetail service={serviceName} job={jobName} />
    </HydrationBoundary>
  );
}
