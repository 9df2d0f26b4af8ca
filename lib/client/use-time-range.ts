"use client";

import { createContext, useContext } from "react";
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
  /** `push` for a user's choice (Back returns to the previous window), `replace` for refreshes. */
  setRange: (range: TimeRange, history: "push" | "replace") => void;
}

export const TimeRangeContext = createContext<TimeRangeContextValue | null>(null);

export function useTimeRange(): TimeRangeContextValue {
  const value = useContext(TimeRangeContext);
  if (!value) throw new Error("useTimeRange must be used inside <TimeRangeProvider>");
  return value;
}
