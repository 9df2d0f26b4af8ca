import { parseAsString } from "nuqs/server";

// The Database page's tabs, shared by its tabs component and by the server page that prefetches
// the open tab's data: both must pick the same tab, or the HTML holds another tab's data and the
// open one waits for its scripts.

/** The `db` parameter: the tab a link opens. */
export const databaseTabParser = parseAsString;

/**
 * One tab per database, sorted, from the agent's metric labels and the window's lock events; a
 * database the link names but not seen gets its tab too (its empty cards say so). The open tab
 * is the link's, else the first; null when there is none.
 */
export function chooseDatabaseTab(seen: Iterable<string>, chosen: string | null): { tabs: string[]; active: string | null } {
  const databases = [...new Set(seen)].sort();
  const tabs = chosen !== null && !databases.includes(chosen) ? [...databases, chosen] : databases;
  return { tabs, active: chosen ?? tabs[0] ?? null };
}
