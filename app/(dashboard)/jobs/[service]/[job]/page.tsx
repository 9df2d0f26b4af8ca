import { getTranslations } from "next-intl/server";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { JobDetail } from "@/components/jobs/job-detail";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/i18n/page-metadata";
import { decodePathSegment } from "@/lib/client/decode-path-segment";

export const generateMetadata = () => pageMetadata("alerts");

export default async function Page({ params }: { params: Promise<{ service: string; job: string }> }) {
  const { service, job } = await params;
  const t = await getTranslations("alerts");
  return (
    <>
      <PageHeader title={decodePathSegment(job)} description={t("pages.job.description", { service: decodePathSegment(service) })} />
      <AlertsTabs />
      <JobDetail service={decodePathSegment(service)} job={decodePathSegment(job)} />
    </>
  );
}
