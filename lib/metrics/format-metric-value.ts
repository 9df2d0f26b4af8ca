import { formatBytes } from "@/lib/client/format-bytes";
import { formatDurationMs } from "@/lib/trace/format-duration";

// Metric values for people, by their OpenTelemetry (UCUM) unit: durations as durations
// ("s", "ms", "us", "ns"), bytes as bytes ("By"), "1" and annotations ("{request}") as plain
// numbers; any other unit is written after the number. A rate (agg=rate) is per second.

const DURATION_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1_000, min: 60_000, h: 3_600_000 };

export function formatMetricValue(value: number, unit: string, locale: string, options: { perSecond?: boolean } = {}): string {
  if (!Number.isFinite(value)) return "–";
  const suffix = options.perSecond ? "/s" : "";
  const factor = DURATION_MS[unit];
  if (factor !== undefined && !options.perSecond) return formatDurationMs(value * factor);
  if (unit === "By") return `${formatBytes(value, locale)}${suffix}`;
  const number = formatNumber(value, locale);
  const shownUnit = unit === "1" || unit === "" || /^\{.*\}$/.test(unit) ? "" : ` ${unit}`;
  return `${number}${shownUnit}${suffix}`;
}

/** Three significant digits for small values, whole numbers with grouping for large ones. */
export function formatNumber(value: number, locale: string): string {
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions = abs >= 1_000_000 ? { notation: "compact", maximumFractionDigits: 2 } : abs >= 100 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat(locale, options).format(value);
}
