import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { dehydrate, QueryClient, type DehydratedState, type FetchInfiniteQueryOptions, type FetchQueryOptions } from "@tanstack/react-query";
import { headers } from "next/headers";
import { withinDeadline } from "./within-deadline";

// A page's first data, asked of this server's own API while the page renders: each entry is a
// client query's options (the very object its component passes to useQuery), so key, URL,
// parameters and response schema are the client's by construction. Its `/api/…` request goes to
// this server over loopback with the reader's cookie or token, through the same route, checks
// and schema as the browser's would. The answers reach the client's cache (HydrationBoundary),
// so the HTML holds the content instead of skeletons waiting for the scripts to run
// (docs/benchmarks.md, "Pages").
//
// Only for a page's first load: a client-side navigation or refresh (an `RSC` request) renders
// at once and the browser asks for what its cache lacks, as before, rather than waiting here for
// answers it may already hold. A query that fails or is slower than LOAD_BUDGET_MS is left out:
// the client then runs it itself, as it always did.

const LOAD_BUDGET_MS = 1_500;
/**
 * The most a page's HTML waits for its first data, both rounds together. Each request is cut at
 * LOAD_BUDGET_MS, so two rounds end by about twice that; this bounds the whole whatever else
 * might hold it (pages were seen waiting 30 s and more for their HTML under load, cause not yet
 * found). What has arrived by then is sent; the browser asks for the rest.
 */
const PAGE_BUDGET_MS = 4_000;
/** The address this server listens on, as scripts/start.ts hands it over; without it nothing is prefetched. */
const internalBase = () => process.env.SIGHTLINE_INTERNAL_URL;

interface Reader {
  base: string;
  cookie: string | null;
  authorization: string | null;
}
const reader = new AsyncLocalStorage<Reader>();

(globalThis as { sightlineServerFetch?: (url: string, init: RequestInit) => Promise<Response> }).sightlineServerFetch = (url, init) => {
  const current = reader.getStore();
  if (!current || !url.startsWith("/api/")) return Promise.reject(new Error(`no server-side request for ${url}`));
  const sent = new Headers(init.headers);
  if (current.cookie) sent.set("cookie", current.cookie);
  if (current.authorization) sent.set("authorization", current.authorization);
  const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(LOAD_BUDGET_MS)]) : AbortSignal.timeout(LOAD_BUDGET_MS);
  return fetch(`${current.base}${url}`, { ...init, headers: sent, signal, cache: "no-store" });
};

// Any options object useQuery or useInfiniteQuery takes: its queryFn sees only the key, signal and page.
/* eslint-disable @typescript-eslint/no-explicit-any */
type InfiniteQuery = FetchInfiniteQueryOptions<any, any, any, any, any>;
export type AnyQuery = FetchQueryOptions<any, any, any, any> | InfiniteQuery;
/* eslint-enable @typescript-eslint/no-explicit-any */

const isInfinite = (query: AnyQuery): query is InfiniteQuery => "getNextPageParam" in query;
/** An infinite query's first page, as useInfiniteQuery would load it; any other query once. */
const prefetchOne = (client: QueryClient, query: AnyQuery) => (isInfinite(query) ? client.prefetchInfiniteQuery(query) : client.prefetchQuery(query));

/**
 * Loads `queries`, then the queries `next` derives from their answers (read with
 * `client.getQueryData`), as a page whose later requests depend on its first ones does.
 */
export async function prefetchApiQueries(queries: AnyQuery[], next?: (client: QueryClient) => AnyQuery[]): Promise<DehydratedState> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const base = internalBase();
  const incoming = await headers();
  if (base && queries.length > 0 && (await isFirstLoad())) {
    const context: Reader = { base, cookie: incoming.get("cookie"), authorization: incoming.get("authorization") };
    const deadline = Date.now() + PAGE_BUDGET_MS;
    const load = (list: AnyQuery[]) => withinDeadline(reader.run(context, () => Promise.all(list.map((query) => prefetchOne(client, query)))), deadline);
    const done = (await load(queries)) && (!next || (await load(next(client))));
    if (!done) console.warn(`[sightline] a page's first data took over ${PAGE_BUDGET_MS} ms; it was sent with what had arrived`);
  }
  return dehydrate(client);
}

/** Whether this render is a page's first load with a server to ask: the only kind prefetchApiQueries fills. */
export async function isFirstLoad(): Promise<boolean> {
  return internalBase() !== undefined && !(await headers()).has("rsc");
}
