// Durations for people: the largest unit that keeps the number at least 1, three significant
// digits at most ("1.23 s", "45.6 ms", "850 µs", "120 ns"), so a column of them compares at a
// glance. Unit symbols are SI and the same in every language.

const UNITS = [
  { ns: 3_600_000_000_000, symbol: "h" },
  { ns: 60_000_000_000, symbol: "min" },
  { ns: 1_000_000_000, symbol: "s" },
  { ns: 1_000_000, symbol: "ms" },
  { ns: 1_000, symbol: "µs" },
  { ns: 1, symbol: "ns" },
] as const;

export function formatDurationNs(ns: number): string {
  if (!Number.isFinite(ns)) return "–";
  const sign = ns < 0 ? "-" : "";
  const abs = Math.abs(ns);
  if (abs === 0) return "0 ms";
  // Minutes and hours read better as "2 min 5 s" than "2.08 min".
  if (abs >= 60_000_000_000) {
    const totalSeconds = Math.round(abs / 1e9);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    const parts = hours > 0 ? [`${hours} h`, `${minutes} min`] : [`${minutes} min`, `${seconds} s`];
    return sign + parts.join(" ");
  }
  const unit = UNITS.find((u) => abs >= u.ns) ?? UNITS[UNITS.length - 1]!;
  return `${sign}${toSignificant(abs / unit.ns)} ${unit.symbol}`;
}

export function formatDurationMs(ms: number): string {
  return formatDurationNs(ms * 1e6);
}

function toSignificant(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  // Rounding can carry into the next magnitude (99.96 → "100.0"); trim trailing zeros after.
  return value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, "$1");
}
