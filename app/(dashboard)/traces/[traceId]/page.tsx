import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { preload } from "react-dom";
import { compactTraceUrl } from "@/components/traces/trace-queries";
import { TraceView } from "@/components/traces/trace/trace-view";

type Props = { params: Promise<{ traceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  const t = await getTranslations("traces.trace");
  return { title: t("pageTitle", { id: traceId.slice(0, 8).toLowerCase() }) };
}

export default async function TracePage({ params }: Props) {
  const traceId = (await params).traceId.toLowerCase();
  // The payload starts downloading with the HTML, while the page's scripts load; the query's
  // fetch then picks up the preloaded response instead of starting from zero.
  if (/^[0-9a-f]{32}$/.test(traceId)) preload(compactTraceUrl(traceId), { as: "fetch", crossOrigin: "anonymous" });
  return <TraceView traceId={traceId} />;
}
