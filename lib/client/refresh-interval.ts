// Auto-refresh choices. Kept in localStorage, not the URL: a shared link must replay the
// sender's exact window, not start sliding it on the reader's screen.

export const REFRESH_INTERVALS = ["off", "5s", "10s", "30s", "1m", "5m"] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];

export const REFRESH_INTERVAL_STORAGE_KEY = "sightline.refresh-interval";

const INTERVAL_MS: Record<RefreshInterval, number | null> = {
  off: null,
  "5s": 5_000,
  "10s": 10_000,
  "30s": 30_000,
  "1m": 60_000,
  "5m": 300_000,
};

export function refreshIntervalMs(interval: RefreshInterval): number | null {
  return INTERVAL_MS[interval];
}

/** Whatever is in storage (an older version's value, a hand edit) falls back to "off". */
export function parseRefreshInterval(stored: string | null | undefined): RefreshInterval {
  return REFRESH_INTERVALS.find((interval) => interval === stored) ?? "off";
}
