import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { timeoutReportQuery } from "@/components/reports/report-queries";
import { TimeoutReport } from "@/components/reports/timeout-report";
import { PageHeader } from "@/components/ui/page-header";
import { pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";
import { readReportEndpoint } from "@/lib/reports/report-url-rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports.timeouts");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

/** Opened without a window, the report covers the last 24 hours (lib/pages/window-redirect.ts). */
export default async function TimeoutReportPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("reports.timeouts");
  const range = pageWindow(params);
  const { service, operation } = readReportEndpoint(single(params.service), single(params.operation));
  const data = await prefetchApiQueries(range ? [timeoutReportQuery(range, service, operation)] : []);
  return (
    <HydrationBoundary state={data}>
      <PageHeader title={t("title")} description={t("description")} />
      <TimeoutReport />
    </HydrationBoundary>
  );
}
