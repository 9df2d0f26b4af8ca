import { createParser, createSerializer, parseAsNativeArrayOf } from "nuqs/server";
import type { UrlParamRule } from "@/lib/client/describe-url-problems";
import { timeRangeParsers } from "@/lib/client/time-range-params";
import { metricQuerySpecSchema, type MetricQuerySpec } from "./metric-query-spec";

// The metrics explorer's URL: one `q` per query, each the query as compact JSON with its
// defaults left out, e.g. `q={"name":"http.server.request.duration","agg":"p95","groupBy":["service.name"]}`,
// beside the global `from`/`to`. JSON keeps any label text (commas, braces, `=`) exact, and a
// query reads back as the same spec a dashboard panel stores. A `q` that is not such a query is
// named by explorerUrlRules, never silently dropped.

export const MAX_EXPLORER_QUERIES = 6;
/** Far above any real query (names ≤ 255, 20 filters ≤ 1000): a longer `q` is not read at all. */
const MAX_QUERY_TEXT = 25_000;

export function readQuerySpec(text: string): MetricQuerySpec | null {
  if (text.length > MAX_QUERY_TEXT) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = metricQuerySpecSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Fields in a fixed order, defaults left out, so one query is always written the same way. */
export function writeQuerySpec(spec: MetricQuerySpec): string {
  return JSON.stringify({
    name: spec.name,
    ...(spec.agg ? { agg: spec.agg } : {}),
    ...(spec.filter.length ? { filter: spec.filter } : {}),
    ...(spec.groupBy.length ? { groupBy: spec.groupBy } : {}),
    ...(spec.chart !== "line" ? { chart: spec.chart } : {}),
    ...(spec.label ? { label: spec.label } : {}),
  });
}

const parseAsQuerySpec = createParser<MetricQuerySpec>({ parse: readQuerySpec, serialize: writeQuerySpec, eq: (a, b) => writeQuerySpec(a) === writeQuerySpec(b) });

export const explorerParsers = {
  q: parseAsNativeArrayOf(parseAsQuerySpec).withDefault([]),
};

/** The queries of a URL as the page uses them: the readable ones, at most MAX_EXPLORER_QUERIES. */
export function usedQueries(specs: readonly MetricQuerySpec[]): MetricQuerySpec[] {
  return specs.slice(0, MAX_EXPLORER_QUERIES);
}

export const explorerUrlRules: Record<string, UrlParamRule> = {
  q: (value, query) => {
    if (readQuerySpec(value) === null) return { reason: "unreadable", instead: { kind: "ignored" } };
    const readable = query.getAll("q").filter((text) => readQuerySpec(text) !== null);
    return readable.indexOf(value) >= MAX_EXPLORER_QUERIES ? { reason: "tooMany", instead: { kind: "ignored" } } : null;
  },
};

/** `/metrics?…` for a set of queries and a window (e.g. "open in explorer" from a dashboard panel). */
export const explorerHref = createSerializer({ ...timeRangeParsers, ...explorerParsers });
