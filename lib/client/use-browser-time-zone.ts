"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};
const readTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noTimeZone = () => null;

/**
 * The browser's IANA time zone, or null during server rendering and hydration: the server
 * cannot know it, and guessing would show the wrong clock and break hydration.
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribeNever, readTimeZone, noTimeZone);
}
