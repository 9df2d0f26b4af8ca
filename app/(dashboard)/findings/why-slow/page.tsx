import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { whySlowQuery } from "@/components/findings/findings-queries";
import { WhySlowView } from "@/components/findings/why-slow-view";
import { PageHeader } from "@/components/ui/page-header";
import { readThresholdMs } from "@/lib/findings/why-slow-url-rules";
import { firstValue, pageWindow } from "@/lib/pages/page-window";
import { prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("findings.whySlow");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A parameter's value as the page reads it; null when absent or blank. */
const param = (value: string | string[] | undefined) => {
  const first = firstValue(value);
  return first?.trim() ? first : null;
};

export default async function WhySlowPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("findings.whySlow");
  const search = await searchParams;
  // As WhySlowView reads the address: nothing to ask for until a service is named.
  const range = pageWindow(search);
  const service = param(search.service);
  const queries = range && service ? [whySlowQuery(range, service, param(search.operation), readThresholdMs(firstValue(search.thresholdMs)))] : [];
  return (
    <HydrationBoundary state={await prefetchApiQueries(queries)}>
      <PageHeader title={t("title")} description={t("description")} />
      <WhySlowView />
    </HydrationBoundary>
  );
}
