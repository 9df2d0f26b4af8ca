// What a person types in a duration box → milliseconds: "250" (ms), "250ms", "1.5s", "800us"
// or "800µs", "2m", "1h". Null for anything else, so the form can say it did not understand
// instead of searching for something else.

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000 };
const PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s*(ns|us|µs|ms|s|m|min|h)?$/i;

export function parseDurationInput(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  const unit = (match[2] ?? "ms").toLowerCase();
  const ms = value * UNIT_MS[unit]!;
  return Number.isFinite(ms) ? Math.round(ms * 1e6) / 1e6 : null;
}

/** Milliseconds back to the shortest text that parses to the same value ("1.5s", "250ms"). */
export function formatDurationInput(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "";
  if (ms >= 1000 && Number.isInteger(ms / 100)) return `${ms / 1000}s`;
  if (ms < 1 && ms > 0) return `${Math.round(ms * 1e6) / 1e3}µs`;
  return `${ms}ms`;
}
