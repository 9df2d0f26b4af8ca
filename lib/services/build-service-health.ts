import { compareHealth, compareToBaseline } from "./compare-to-baseline";
import type { CallTarget } from "./discover-calls";
import type { OperationRollup } from "./read-operation-rollups";
import type { Baseline, RedStats, ServiceHealth } from "./schemas";
import { addSums, emptySums, summariseRed } from "./summarise-red";

// The services list from rollup rows: a service is the requests it handled (its SERVER and
// CONSUMER operations, or every operation when it has none, e.g. a batch job); a peer is the
// CLIENT operations other services call it with. Each is judged against its own baselines.

/** SERVER and CONSUMER: the spans that are a service's requests. */
export const ENTRY_KINDS: ReadonlySet<number> = new Set([2, 5]);
const CLIENT_KIND = 3;

export interface HealthWindows {
  /** `lastSlotSeconds`: how much of the last slot the window covers (a live window ends mid-slot). */
  current: { operations: OperationRollup[]; seconds: number; slots: number; slotSeconds: number; lastSlotSeconds?: number };
  baselines: Record<Baseline, { operations: OperationRollup[]; seconds: number }>;
  calls: CallTarget[];
}

type Member = (op: OperationRollup) => boolean;

export function buildServiceHealth(windows: HealthWindows): ServiceHealth[] {
  const services = new Set(windows.current.operations.map((op) => op.service));
  const members = new Map<string, { type: ServiceHealth["type"]; member: Member }>();
  for (const service of services) {
    const hasEntry = windows.current.operations.some((op) => op.service === service && ENTRY_KINDS.has(op.kind));
    members.set(service, { type: "service", member: (op) => op.service === service && (!hasEntry || ENTRY_KINDS.has(op.kind)) });
  }
  const peerCalls = new Map<string, Set<string>>();
  for (const call of windows.calls) {
    if (call.type !== "peer" || services.has(call.target)) continue;
    let set = peerCalls.get(call.target);
    if (!set) peerCalls.set(call.target, (set = new Set()));
    set.add(`${call.caller}\u0000${call.operation}`);
  }
  for (const [peer, calls] of peerCalls) {
    members.set(peer, { type: "peer", member: (op) => op.kind === CLIENT_KIND && calls.has(`${op.service}\u0000${op.operation}`) });
  }

  const rows: ServiceHealth[] = [];
  for (const [name, { type, member }] of members) {
    const current = windows.current.operations.filter(member);
    const stats = statsOf(current, windows.current.seconds);
    if (stats.count === 0) continue;
    const baselines = {
      day: baselineStats(windows.baselines.day, member),
      week: baselineStats(windows.baselines.week, member),
    };
    const verdict = compareToBaseline(stats, baselines);
    const sparkline = new Array<number>(windows.current.slots).fill(0);
    for (const op of current) op.slotCounts.forEach((count, slot) => (sparkline[slot]! += count));
    // The last slot of a live window holds only the seconds since it began: dividing by a whole
    // slot would draw a drop at the end of every sparkline.
    const { slotSeconds, lastSlotSeconds = slotSeconds } = windows.current;
    const secondsOf = (slot: number) => (slot === sparkline.length - 1 && lastSlotSeconds > 0 ? Math.min(slotSeconds, lastSlotSeconds) : slotSeconds);
    rows.push({ name, type, stats, baselines, ...verdict, sparkline: sparkline.map((count, slot) => count / secondsOf(slot)) });
  }
  return rows.sort((a, b) => compareHealth(a, b) || a.name.localeCompare(b.name));
}

function baselineStats(window: { operations: OperationRollup[]; seconds: number }, member: Member): RedStats | null {
  const stats = statsOf(window.operations.filter(member), window.seconds);
  return stats.count > 0 ? stats : null;
}

/** The summed numbers and merged histogram of some rollup rows. */
export function statsOf(operations: readonly OperationRollup[], seconds: number): RedStats {
  const sums = emptySums();
  const histogram: number[] = [];
  for (const op of operations) {
    addSums(sums, op.sums);
    op.histogram.forEach((count, i) => (histogram[i] = (histogram[i] ?? 0) + count));
  }
  return summariseRed(sums, Array.from(histogram, (c) => c ?? 0), seconds);
}
