"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import { liveRelativeSpec } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";
import { describeConfidence, describeForecast, type SaturationSubject } from "@/lib/forecast/describe-forecast";
import { chartEndMs, forecastOverlay, limitLine, LIMIT_COLOR, type OverlaySeries } from "@/lib/forecast/forecast-overlay";
import { forecastSaturation, latestLimit, type Point, type SaturationForecast } from "@/lib/forecast/forecast-saturation";

export interface SaturationForecastView {
  forecast: SaturationForecast;
  /** the limit line (carried to the chart's end) and, with a warning, the forecast line and band */
  overlay: OverlaySeries[];
  /** the chart's end: the window's, or later to show where the forecast meets the limit */
  endMs: number;
  sentence: string | null;
  confidence: string | null;
}

const NOT_LIVE: SaturationForecast = { kind: "none", reason: "stale" };

/**
 * The forecast for a gauge against its limit, ready to draw and to say. Only a live window
 * ("last hour", sliding) is forecast: "full in 12 min" of a window that ended yesterday would
 * be false, so a past or pinned window gets the limit line and no words.
 */
export function useSaturationForecast({
  series,
  limit,
  subject,
  range,
  limitName,
}: {
  series: readonly Point[] | null;
  limit: number | readonly Point[] | null;
  subject: SaturationSubject;
  range: RangeKey;
  /** the limit line's legend name (default "limit") */
  limitName?: string;
}): SaturationForecastView {
  const t = useTranslations("forecast");
  const { range: timeRange, pinned } = useTimeRange();
  const live = timeRange !== null && !pinned && liveRelativeSpec(timeRange) !== null && timeRange.toMs === range.to;
  return useMemo(() => {
    const forecast = series && live ? forecastSaturation(series, limit, { asOfMs: range.to }) : NOT_LIVE;
    const endMs = chartEndMs(range.to, forecast);
    const overlay = forecastOverlay(forecast, { forecast: t("series.forecast"), bandLower: t("series.bandLower"), bandUpper: t("series.bandUpper") });
    if (limit !== null && latestLimit(limit) !== null) overlay.push({ name: limitName ?? t("series.limit"), points: limitLine(limit, range.from, endMs), color: LIMIT_COLOR, dashed: true });
    return { forecast, overlay, endMs, sentence: describeForecast(t, subject, forecast), confidence: describeConfidence(t, forecast) };
  }, [series, limit, subject, range, live, limitName, t]);
}
