"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { isTimeBoundKey } from "@/lib/client/query-keys";
import { slideTimeRange } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";

/**
 * One refresh: a relative window slides to end now (with "replace", so Back is not flooded),
 * which gives every window-bound query a new key and so a fetch; the other queries are
 * invalidated. An absolute window keeps its times and all its queries are refetched, since
 * late data can still arrive for a past window. Automatic refreshes leave a pinned window alone.
 */
export function useRefresh(): (trigger: "manual" | "auto") => void {
  const queryClient = useQueryClient();
  const { range, pinned, setRange } = useTimeRange();
  return useCallback(
    (trigger) => {
      if (!range) return;
      const next = trigger === "auto" && pinned ? range : slideTimeRange(range, Date.now());
      if (next !== range) {
        setRange(next, "replace");
        void queryClient.invalidateQueries({ predicate: (query) => !isTimeBoundKey(query.queryKey) });
      } else {
        void queryClient.invalidateQueries();
      }
    },
    [queryClient, range, pinned, setRange],
  );
}
