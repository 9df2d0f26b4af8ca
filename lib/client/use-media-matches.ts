"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether the CSS media query matches, read at once on the client; `onServer` while the server
 * renders and while the browser hydrates that HTML, then the real answer in the next render. So a
 * page drawn in the browser never shows a wrong first layout, and a page drawn on the server
 * hydrates without a mismatch (which mantine's useMediaQuery cannot do both of).
 */
export function useMediaMatches(query: string, onServer: boolean): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", changed);
      return () => list.removeEventListener("change", changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => onServer,
  );
}
