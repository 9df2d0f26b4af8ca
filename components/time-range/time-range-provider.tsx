"use client";

import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { describeUrlProblems, type UrlProblem } from "@/lib/client/describe-url-problems";
import { isPinnedRange, readTimeRange, resolveTimeRange, type TimeRange } from "@/lib/client/time-range";
import { timeRangeParsers } from "@/lib/client/time-range-params";
import { timeRangeUrlRules } from "@/lib/client/time-range-url-rules";
import { TimeRangeContext, type TimeRangeContextValue } from "@/lib/client/use-time-range";

const subscribeNever = () => () => {};
// `performance.timeOrigin` is when this document started loading; null on the server, so the
// server render and hydration agree and pinning only takes effect once the browser has it.
const readPageLoadedAt = () => performance.timeOrigin;
const noPageLoadedAt = () => null;
const NO_PROBLEMS: UrlProblem[] = [];

/** Owns the global time range: reads it from the URL and repairs the URL when it names none. */
export function TimeRangeProvider({ children }: { children: ReactNode }) {
  const [params, setParams] = useQueryStates(timeRangeParsers);
  const pageLoadedAtMs = useSyncExternalStore(subscribeNever, readPageLoadedAt, noPageLoadedAt);
  const [userChose, setUserChose] = useState(false);
  // Read once, from the address as opened: the effect below rewrites a window it cannot use, and
  // the reader must still learn what was replaced.
  const searchParams = useSearchParams();
  const [openedWith] = useState<UrlProblem[]>(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), timeRangeUrlRules));

  const range = useMemo(() => readTimeRange(params), [params]);

  // First visit (or a link without a window): write absolute times with "replace", so the
  // address bar can be copied at once and Back does not return to a window-less URL.
  useEffect(() => {
    const { range: resolved, rewrite } = resolveTimeRange(params, Date.now());
    if (rewrite) void setParams({ from: resolved.fromMs, to: resolved.toMs, rel: resolved.rel }, { history: "replace" });
  }, [params, setParams]);

  const setRange = useCallback(
    (next: TimeRange, history: "push" | "replace") => {
      setUserChose(true);
      void setParams({ from: next.fromMs, to: next.toMs, rel: next.rel }, { history });
    },
    [setParams],
  );

  const pinned = !userChose && range !== null && pageLoadedAtMs !== null && isPinnedRange(range, pageLoadedAtMs);
  const problems = userChose ? NO_PROBLEMS : openedWith;
  const value = useMemo<TimeRangeContextValue>(() => ({ range, pinned, problems, setRange }), [range, pinned, problems, setRange]);

  return <TimeRangeContext value={value}>{children}</TimeRangeContext>;
}
