"use client";

import { createContext, useContext } from "react";
import type { UrlProblem } from "./describe-url-problems";
import type { TimeRange } from "./time-range";

export interface TimeRangeContextValue {
  /**
   * The window every time-bound query must use, read from the URL. Null only for the moment
   * between a first visit without `from`/`to` and the provider writing the default window.
   */
  range: TimeRange | null;
  /**
   * A relative window opened from a link long after it was copied: auto-refresh leaves it where
   * the sender saw it (and the label shows its absolute times) until the user picks a range.
   */
  pinned: boolean;
  /**
   * What was wrong with the window the page was opened with (and so replaced): shown until the
   * user picks a window themselves, since the address bar no longer holds the bad value.
   */
  problems: UrlProblem[];
  /** `push` for a user's choice (Back returns to the previous window), `replace` for refreshes. */
  setRange: (range: TimeRange, history: "push" | "replace") => void;
}

export const TimeRangeContext = createContext<TimeRangeContextValue | null>(null);

export function useTimeRange(): TimeRangeContextValue {
  const value = useContext(TimeRangeContext);
  if (!value) throw new Error("useTimeRange must be used inside <TimeRangeProvider>");
  return value;
}
