import type { SpanTree } from "./build-span-tree";

// Self time: the part of a span's duration not covered by any of its children, i.e. the time
// the span spent working itself rather than waiting on a child. Children are clipped to the
// parent (asynchronous work after the parent ended is not the parent's waiting), and
// overlapping children count once, so parallel calls are not subtracted twice.

export function computeSelfTimes(tree: SpanTree, startNs: ArrayLike<number>, durationNs: ArrayLike<number>): Float64Array {
  const { size, childOffsets, children } = tree;
  const self = new Float64Array(size);
  const intervals: [number, number][] = [];
  for (let i = 0; i < size; i++) {
    const from = startNs[i]!;
    const to = from + durationNs[i]!;
    intervals.length = 0;
    for (let c = childOffsets[i]!; c < childOffsets[i + 1]!; c++) {
      const child = children[c]!;
      const s = Math.max(from, startNs[child]!);
      const e = Math.min(to, startNs[child]! + durationNs[child]!);
      if (s < e) intervals.push([s, e]);
    }
    // Children come by start, but clock-skew shifts can reorder them; sort to be sure.
    intervals.sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let runStart = -Infinity;
    let runEnd = -Infinity;
    for (const [s, e] of intervals) {
      if (s > runEnd) {
        if (runEnd > runStart) covered += runEnd - runStart;
        runStart = s;
        runEnd = e;
      } else if (e > runEnd) {
        runEnd = e;
      }
    }
    if (runEnd > runStart) covered += runEnd - runStart;
    self[i] = Math.max(0, durationNs[i]! - covered);
  }
  return self;
}
