import { hashKey, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { preload } from "react-dom";
import { compactTraceQuery, compactTraceUrl } from "@/components/traces/trace-queries";
import { TraceView } from "@/components/traces/trace/trace-view";
import { getReadPool } from "@/lib/db/client";
import { isFirstLoad, prefetchApiQueries } from "@/lib/pages/prefetch-api-queries";
import { countTraceSpansUpTo } from "@/lib/trace/count-trace-spans";

type Props = { params: Promise<{ traceId: string }> };

const TRACE_ID = /^[0-9a-f]{32}$/;
// Up to this many spans the trace's payload comes inside the HTML and the server draws the
// waterfall's first rows, so they show before the page's scripts have run. The server's work
// (fetch, parse, build the model, serialise the payload into the page) grows with the spans and
// runs on its one JavaScript thread, before the first byte: at 2,000 spans the HTML grew by
// 165 KB and its first byte came ~300 ms later on a loaded 2-core machine, the rows still
// ~550 ms sooner (December 2026). Past the limit (6 MB of payload at 100,000 spans) the payload
// is preloaded beside the HTML instead and the client draws the rows, as before.
const EMBED_MAX_SPANS = 2_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  const t = await getTranslations("traces.trace");
  return { title: t("pageTitle", { id: traceId.slice(0, 8).toLowerCase() }) };
}

export default async function TracePage({ params }: Props) {
  const traceId = (await params).traceId.toLowerCase();
  if (!TRACE_ID.test(traceId)) return <TraceView traceId={traceId} />;
  const query = compactTraceQuery(traceId);
  // A count that fails leaves the page as it was: the client loads the trace and says why it cannot.
  const spans = (await isFirstLoad()) ? await countTraceSpansUpTo(getReadPool(), traceId, EMBED_MAX_SPANS).catch(() => 0) : 0;
  const data = await prefetchApiQueries(spans > 0 && spans <= EMBED_MAX_SPANS ? [query] : []);
  // Otherwise (a big trace, an unknown one, a client-side navigation, a prefetch that failed) the
  // payload starts downloading with the HTML, while the page's scripts load; the query's fetch
  // then picks up the preloaded response instead of starting from zero.
  if (!data.queries.some((entry) => entry.queryHash === hashKey(query.queryKey))) preload(compactTraceUrl(traceId), { as: "fetch", crossOrigin: "anonymous" });
  return (
    <HydrationBoundary state={data}>
      <TraceView traceId={traceId} />
    </HydrationBoundary>
  );
}
