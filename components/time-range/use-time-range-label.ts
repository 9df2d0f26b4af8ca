"use client";

import { useTranslations } from "next-intl";
import { describeTimeRange, formatInstant, type TimeRange } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";

/** Catalogue key of "Last N <unit>" for each relative unit. */
export const relativeMessage = {
  s: "lastSeconds",
  m: "lastMinutes",
  h: "lastHours",
  d: "lastDays",
  w: "lastWeeks",
} as const;

export interface TimeRangeLabels {
  /** What the picker button says; null while the browser's time zone is not known yet. */
  label: string | null;
  /** Both ends in full, for a tooltip: the exact window even when the label says "last 15 minutes". */
  exact: string | null;
  timeZone: string | null;
}

export function useTimeRangeLabel(range: TimeRange | null, pinned: boolean): TimeRangeLabels {
  const t = useTranslations("timeRange");
  const timeZone = useBrowserTimeZone();
  if (!range) return { label: null, exact: null, timeZone };
  const exact = timeZone ? t("absolute", { from: formatInstant(range.fromMs, timeZone), to: formatInstant(range.toMs, timeZone) }) : null;
  // A pinned window is shown by its times: "last 15 minutes" would no longer be true.
  const described = describeTimeRange(pinned ? { ...range, rel: null } : range, timeZone ?? "UTC");
  if (described.kind === "relative") return { label: t(relativeMessage[described.unit], { count: described.amount }), exact, timeZone };
  return { label: timeZone ? t("absolute", { from: described.from, to: described.to }) : null, exact, timeZone };
}
