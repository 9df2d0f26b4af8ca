import { formatDurationMs } from "@/lib/trace/format-duration";
import { formatBytes } from "./format-bytes";

// A chart's values for people, by what they measure. Metric units arrive as OpenTelemetry/UCUM
// text ("s", "ms", "By", "1", "{request}"); `chartUnitOf` maps the common ones onto the kinds a
// chart formats itself, and any other unit is shown after the number as given.

export type ChartUnit = "ms" | "s" | "ratio" | "percent" | "perSecond" | "count" | "bytes" | { text: string };

const compact = (value: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2 }).format(value);

export function formatChartValue(value: number | null | undefined, unit: ChartUnit, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (unit === "ms") return formatDurationMs(value);
  if (unit === "s") return formatDurationMs(value * 1_000);
  if (unit === "ratio") return `${compact(value * 100, locale)}%`;
  if (unit === "percent") return `${compact(value, locale)}%`;
  if (unit === "perSecond") return `${compact(value, locale)}/s`;
  if (unit === "bytes") return formatBytes(value, locale);
  if (unit === "count") {
    const big = Math.abs(value) >= 10_000;
    return new Intl.NumberFormat(locale, big ? { notation: "compact", maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 }).format(value);
  }
  return unit.text ? `${compact(value, locale)} ${unit.text}` : compact(value, locale);
}

/** The chart unit for a metric's stored unit; `{request}`-style annotations read as plain words. */
export function chartUnitOf(metricUnit: string): ChartUnit {
  switch (metricUnit) {
    case "ms":
      return "ms";
    case "s":
      return "s";
    case "By":
      return "bytes";
    case "%":
      return "percent";
    case "1":
    case "":
      return "count";
    default:
      return { text: metricUnit.replace(/^\{(.*)\}$/, "$1") };
  }
}
