import { readTimeRange } from "@/lib/client/time-range";
import { rangeKey, type RangeKey } from "@/lib/client/query-keys";

type SearchParams = Record<string, string | string[] | undefined>;

/** A parameter as the page's client parsers read it: its first value when repeated, null when absent. */
export const firstValue = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? value[0] : value) ?? null;

// Plain Unix milliseconds, as the time picker (and lib/pages/window-redirect.ts) writes them; any
// other spelling is left to the browser, whose parsers also read ISO instants and whose page says
// what it could not read. The nuqs parsers cannot run in a server component.
const millis = (value: string | string[] | undefined) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : null);

/** The window a page's address names, as the client's query keys hold it; null when it names none the server can read. */
export function pageWindow(search: SearchParams): RangeKey | null {
  const range = readTimeRange({ from: millis(search.from), to: millis(search.to), rel: null });
  return range ? rangeKey(range) : null;
}
