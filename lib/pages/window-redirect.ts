import { parseRelative, resolveTimeRange } from "@/lib/client/time-range";

// A page opened without a time window (a typed address, a bookmark, a link from outside) gets
// one before it is rendered: the server redirects to the same address with absolute `from`/`to`
// (and `rel`), as the browser's TimeRangeProvider would write them after hydration. Knowing the
// window while rendering lets a page load its first data on the server, so the content is in
// the HTML instead of waiting for the scripts (docs/benchmarks.md, "Pages").
//
// Only an address naming no window at all is completed. One with a `from`, a `to` or a `rel`
// the page cannot read is left alone, so the page can say what it did not understand (issue 16:
// a URL parameter is never silently replaced).

/** Pages whose first view covers more than the last hour. */
const DEFAULT_REL: Record<string, string> = { "/reports/timeouts": "24h" };

export function addressWithWindow(url: URL, nowMs: number): URL | null {
  const params = url.searchParams;
  if (params.has("from") || params.has("to")) return null;
  const rel = params.get("rel") ?? DEFAULT_REL[url.pathname] ?? null;
  if (rel !== null && parseRelative(rel) === null) return null;
  const { range } = resolveTimeRange({ from: null, to: null, rel }, nowMs);
  const next = new URL(url);
  next.searchParams.set("from", String(range.fromMs));
  next.searchParams.set("to", String(range.toMs));
  next.searchParams.set("rel", range.rel ?? "1h");
  return next;
}
