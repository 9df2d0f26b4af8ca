import { performance } from "node:perf_hooks";

// The timing loop of the query benchmarks (bench:query, bench:audit): each case twice to warm
// the plan and page caches, then `runs` times one request at a time, reported as nearest-rank
// p50/p95 and the maximum.

export interface TimedCase {
  name: string;
  run: () => Promise<string>;
  /** The budget the case must meet, in ms (its p95), when it has one. */
  budgetMs?: number;
}

export interface CaseResult {
  name: string;
  p50: number;
  p95: number;
  max: number;
  note: string;
  budgetMs?: number;
}

export async function timeCases(cases: readonly TimedCase[], runs: number, log: (line: string) => void): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const { name, run, budgetMs } of cases) {
    let note = "";
    for (let i = 0; i < 2; i++) note = await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      note = await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const result = { name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) ?? 0, note, budgetMs };
    results.push(result);
    log(`${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${note})`);
  }
  return results;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** Runs work(0..count-1) on `workers` concurrent loops. */
export async function inParallel(count: number, workers: number, work: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
