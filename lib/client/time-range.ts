// Pure maths of the global time range. The URL holds ABSOLUTE Unix milliseconds (`from`, `to`)
// so a copied link replays exactly the sender's window; `rel` only records that the window was
// chosen as "last N" (for the label and for auto-refresh sliding). Nothing here reads the clock:
// callers pass `nowMs`, which keeps every function deterministic and testable.

export type RelativeUnit = "s" | "m" | "h" | "d" | "w";

export interface RelativeSpec {
  amount: number;
  unit: RelativeUnit;
}

export interface TimeRange {
  fromMs: number;
  toMs: number;
  /** Normalised relative key such as "15m", or null when the range was chosen as absolute. */
  rel: string | null;
}

/** The raw URL values, as the query-string parsers hand them over (null when absent or unparsable). */
export interface TimeRangeParams {
  from: number | null;
  to: number | null;
  rel: string | null;
}

export const RELATIVE_PRESETS = ["5m", "15m", "30m", "1h", "3h", "6h", "12h", "24h", "2d", "7d"] as const;

// What a first visit shows: the last hour.
const DEFAULT_SPEC: RelativeSpec = { amount: 1, unit: "h" };

const UNIT_MS: Record<RelativeUnit, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

// A year and a bit: long enough for any retention, short enough that a typo like "9999999d"
// cannot produce a window the store would have to scan end to end.
const MAX_RELATIVE_MS = 400 * UNIT_MS.d;

const RELATIVE_PATTERN = /^([1-9]\d{0,5})([smhdw])$/;

export function parseRelative(text: string | null | undefined): RelativeSpec | null {
  if (!text) return null;
  const match = RELATIVE_PATTERN.exec(text.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2] as RelativeUnit;
  if (amount * UNIT_MS[unit] > MAX_RELATIVE_MS) return null;
  return { amount, unit };
}

export function relativeKey(spec: RelativeSpec): string {
  return `${spec.amount}${spec.unit}`;
}

export function relativeDurationMs(spec: RelativeSpec): number {
  return spec.amount * UNIT_MS[spec.unit];
}

/** The window "last N" ending at `nowMs`. */
export function relativeRange(spec: RelativeSpec, nowMs: number): TimeRange {
  return { fromMs: nowMs - relativeDurationMs(spec), toMs: nowMs, rel: relativeKey(spec) };
}

export function isValidAbsolute(fromMs: number | null, toMs: number | null): boolean {
  return (
    fromMs !== null &&
    toMs !== null &&
    Number.isSafeInteger(fromMs) &&
    Number.isSafeInteger(toMs) &&
    fromMs >= 0 &&
    fromMs < toMs
  );
}

/** The window the URL names, or null when `from`/`to` are missing or broken. */
export function readTimeRange(params: TimeRangeParams): TimeRange | null {
  if (!isValidAbsolute(params.from, params.to)) return null;
  const spec = parseRelative(params.rel);
  return { fromMs: params.from as number, toMs: params.to as number, rel: spec ? relativeKey(spec) : null };
}

/**
 * Turns URL values into the range to show. `rewrite` is true when the URL must be corrected
 * (missing or broken from/to, unparsable rel): the caller writes `range` back with history
 * "replace", so the address bar always names an exact window.
 */
export function resolveTimeRange(params: TimeRangeParams, nowMs: number): { range: TimeRange; rewrite: boolean } {
  const fromUrl = readTimeRange(params);
  // An unparsable `rel` is dropped from the URL; the absolute window stays untouched.
  if (fromUrl) return { range: fromUrl, rewrite: params.rel !== fromUrl.rel };
  const spec = parseRelative(params.rel) ?? DEFAULT_SPEC;
  return { range: relativeRange(spec, nowMs), rewrite: true };
}

/**
 * The relative spec a range honestly represents, or null. A `rel` whose duration does not match
 * from/to (a hand-edited link) is ignored: the absolute times are the contract, so they win.
 */
export function liveRelativeSpec(range: TimeRange): RelativeSpec | null {
  const spec = parseRelative(range.rel);
  if (!spec) return null;
  return range.toMs - range.fromMs === relativeDurationMs(spec) ? spec : null;
}

// A relative window whose end was already this old when the page loaded came from a link (or a
// reload) rather than from a live view; one minute leaves room for a slow first load.
const PINNED_AFTER_MS = 60_000;

/**
 * True when a relative window was opened long after it was chosen: auto-refresh must not slide
 * it (the reader would lose the sender's window within seconds) and its label must show the
 * absolute times, since "last 15 minutes" is no longer what it shows.
 */
export function isPinnedRange(range: TimeRange, pageLoadedAtMs: number): boolean {
  return liveRelativeSpec(range) !== null && pageLoadedAtMs - range.toMs > PINNED_AFTER_MS;
}

/** Auto-refresh step: a relative window moves to end at `nowMs`; an absolute one stays put. */
export function slideTimeRange(range: TimeRange, nowMs: number): TimeRange {
  const spec = liveRelativeSpec(range);
  return spec ? relativeRange(spec, nowMs) : range;
}

// When a move would push the end past "now" although the window ended in the past, it stops at
// "now" instead (as Grafana does): an empty future tail is never what the user wanted.
function clampToNow(fromMs: number, toMs: number, previousToMs: number, nowMs: number): TimeRange {
  if (toMs > nowMs && previousToMs <= nowMs) {
    const offset = toMs - nowMs;
    return { fromMs: fromMs - offset, toMs: nowMs, rel: null };
  }
  return { fromMs, toMs, rel: null };
}

/** Moves the window by half its length, earlier (-1) or later (+1). The result is absolute. */
export function shiftTimeRange(range: TimeRange, direction: -1 | 1, nowMs: number): TimeRange {
  const half = Math.round((range.toMs - range.fromMs) / 2);
  return clampToNow(range.fromMs + direction * half, range.toMs + direction * half, range.toMs, nowMs);
}

/** Doubles the window around its centre; "last 15 minutes" becomes "last 30 minutes". */
export function zoomOutTimeRange(range: TimeRange, nowMs: number): TimeRange {
  const spec = liveRelativeSpec(range);
  if (spec) {
    const doubled = { amount: spec.amount * 2, unit: spec.unit };
    if (relativeDurationMs(doubled) <= MAX_RELATIVE_MS) return relativeRange(doubled, nowMs);
  }
  const span = range.toMs - range.fromMs;
  const centre = range.fromMs + span / 2;
  return clampToNow(Math.max(0, Math.round(centre - span)), Math.round(centre + span), range.toMs, nowMs);
}

export type TimeRangeLabel =
  | { kind: "relative"; amount: number; unit: RelativeUnit }
  | { kind: "absolute"; from: string; to: string };

/**
 * What the header shows. Absolute instants are rendered as `YYYY-MM-DD HH:mm:ss` in `timeZone`
 * (locale-neutral, sortable, what operators paste into logs); when both ends fall on the same day
 * the end drops its date.
 */
export function describeTimeRange(range: TimeRange, timeZone: string): TimeRangeLabel {
  const spec = liveRelativeSpec(range);
  if (spec) return { kind: "relative", amount: spec.amount, unit: spec.unit };
  const from = formatInstant(range.fromMs, timeZone);
  const to = formatInstant(range.toMs, timeZone);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return { kind: "absolute", from, to: sameDay ? to.slice(11) : to };
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm:ss` of `ms` in `timeZone` (an IANA name such as "UTC" or "Asia/Shanghai"). */
export function formatInstant(ms: number, timeZone: string): string {
  let formatter = instantFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    instantFormatters.set(timeZone, formatter);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(ms)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
