import { formatDurationNs } from "./format-duration";

// Ticks of the waterfall's time ruler: round steps (1, 2 or 5 × 10^k ns) so labels read
// "0 ms, 20 ms, 40 ms", as many as fit `maxTicks`, positioned as fractions of the view.

export interface TimeTick {
  /** Offset from the trace start. */
  ns: number;
  /** 0..1 across the visible window. */
  position: number;
  label: string;
}

export function niceStep(rangeNs: number, maxTicks: number): number {
  if (!(rangeNs > 0) || maxTicks < 1) return 1;
  const rough = rangeNs / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= rough) return Math.max(1, factor * magnitude);
  return Math.max(1, 10 * magnitude);
}

/** Ticks between `fromNs` and `toNs` (inclusive of a tick landing exactly on either end). */
export function computeTimeTicks(fromNs: number, toNs: number, maxTicks: number): TimeTick[] {
  const range = toNs - fromNs;
  if (!(range > 0)) return [{ ns: fromNs, position: 0, label: formatDurationNs(fromNs) }];
  const step = niceStep(range, maxTicks);
  const ticks: TimeTick[] = [];
  for (let ns = Math.ceil(fromNs / step) * step; ns <= toNs + step * 1e-9; ns += step) {
    ticks.push({ ns, position: (ns - fromNs) / range, label: formatDurationNs(ns) });
  }
  return ticks;
}
