import type { SlowWindow } from "./schemas";
import { spanKindName } from "@/lib/query/span-codes";

// Slow windows from per-minute rollups: a minute of an operation is slow when its mean
// duration is at least SLOWER_BY times the operation's usual minute (the median over the
// searched time) and MIN_EXTRA_MS more, with traffic enough to mean something; neighbouring
// slow minutes make one window. The most slowed-down windows come first.

export interface MinutePoint {
  service: string;
  operation: string;
  kind: number;
  minuteMs: number;
  count: number;
  durationSumMs: number;
}

export const SLOWER_BY = 3;
export const MIN_EXTRA_MS = 50;
export const MIN_COUNT = 3;
/** Fewer minutes than this with traffic, and there is no "usual" to compare with. */
export const MIN_MINUTES = 4;
const MINUTE_MS = 60_000;

export function findSlowWindows(points: readonly MinutePoint[], limit = 10): SlowWindow[] {
  const byOperation = new Map<string, MinutePoint[]>();
  for (const point of points) {
    if (point.count <= 0) continue;
    const id = JSON.stringify([point.service, point.operation, point.kind]);
    const list = byOperation.get(id);
    if (list) list.push(point);
    else byOperation.set(id, [point]);
  }
  const windows: SlowWindow[] = [];
  for (const minutes of byOperation.values()) {
    if (minutes.length < MIN_MINUTES) continue;
    minutes.sort((a, b) => a.minuteMs - b.minuteMs);
    const usual = median(minutes.map(meanOf));
    const isSlow = (p: MinutePoint) => p.count >= MIN_COUNT && meanOf(p) >= Math.max(usual * SLOWER_BY, usual + MIN_EXTRA_MS);
    let run: MinutePoint[] = [];
    const close = () => {
      if (run.length === 0) return;
      const first = run[0]!;
      const count = run.reduce((sum, p) => sum + p.count, 0);
      const sum = run.reduce((total, p) => total + p.durationSumMs, 0);
      windows.push({
        service: first.service,
        operation: first.operation,
        kind: spanKindName(first.kind),
        fromMs: first.minuteMs,
        toMs: run.at(-1)!.minuteMs + MINUTE_MS,
        meanMs: sum / count,
        baselineMeanMs: usual,
        count,
      });
      run = [];
    };
    for (const minute of minutes) {
      if (!isSlow(minute)) continue;
      // A quiet minute in between (no traffic at all) does not split a window; a normal one does.
      const last = run.at(-1);
      if (last && minutes.some((m) => m.minuteMs > last.minuteMs && m.minuteMs < minute.minuteMs)) close();
      run.push(minute);
    }
    close();
  }
  const slowdown = (w: SlowWindow) => w.meanMs / Math.max(w.baselineMeanMs, 0.001);
  return windows.sort((a, b) => slowdown(b) - slowdown(a) || b.toMs - a.toMs).slice(0, limit);
}

const meanOf = (p: MinutePoint) => p.durationSumMs / p.count;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
