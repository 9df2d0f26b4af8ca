"use client";

import { useSyncExternalStore } from "react";

// The trace search the user last looked at in this tab, so a trace page reached from it (or a
// trace that is not there) can lead back to the same search, filters included. Session storage:
// per tab, gone with it, and never sent anywhere.

const KEY = "sightline:last-trace-search";

export function rememberTraceSearch(search: string): void {
  try {
    sessionStorage.setItem(KEY, search);
  } catch {
    // Storage can be disabled or full; the way back then keeps only the time range.
  }
}

const subscribeNever = () => () => {};
const readStored = () => {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
};
const noneOnServer = () => null;

/** `/traces?…` of the last search in this tab, else `fallback`. */
export function useLastTraceSearchHref(fallback: string): string {
  const search = useSyncExternalStore(subscribeNever, readStored, noneOnServer);
  return search ? `/traces${search}` : fallback;
}
