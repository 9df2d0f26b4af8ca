import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TimeoutReport } from "@/components/reports/timeout-report";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports.timeouts");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Opened without a window, the report covers the last 24 hours (other pages default to one hour). */
export default async function TimeoutReportPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  if (params.from === undefined && params.to === undefined && params.rel === undefined) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
    query.set("rel", "24h");
    redirect(`/reports/timeouts?${query.toString()}`);
  }
  const t = await getTranslations("reports.timeouts");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TimeoutReport />
    </>
  );
}
