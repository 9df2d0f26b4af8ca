import type { SpanTree } from "./build-span-tree";

// The critical path: the chain of work that determined when the trace ended. Jaeger UI's
// algorithm, walked without recursion: start at the end of the root; the child that finished
// last (before that point) was what the root waited for, so the path continues inside it from
// its end; when a span has no child left that ends before the current point, the span itself
// was working from its start up to that point, and the walk returns to its parent at the
// span's start.
//
// Children are first clipped to their parent's window (an asynchronous child that outlives
// its parent did not hold it up past its end), and children starting after their parent ended
// are left out. Several top-level spans (a root plus orphans whose parent never arrived) hang
// under one virtual root spanning them all, so the path covers the whole trace.

export interface CriticalSegment {
  span: number;
  startNs: number;
  endNs: number;
}

export interface CriticalPath {
  /** From the end of the trace backwards. */
  segments: CriticalSegment[];
  /** 1 for spans with at least one segment on the path. */
  onPath: Uint8Array;
}

export function computeCriticalPath(tree: SpanTree, startNs: ArrayLike<number>, durationNs: ArrayLike<number>): CriticalPath {
  const { size, parent, preorder, roots, childOffsets, children } = tree;
  const onPath = new Uint8Array(size);
  if (size === 0) return { segments: [], onPath };
  const virtual = size;
  const effStart = new Float64Array(size + 1);
  const effEnd = new Float64Array(size + 1);
  const excluded = new Uint8Array(size + 1);

  let traceStart = Infinity;
  let traceEnd = -Infinity;
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    traceStart = Math.min(traceStart, startNs[root]!);
    traceEnd = Math.max(traceEnd, startNs[root]! + durationNs[root]!);
  }
  effStart[virtual] = traceStart;
  effEnd[virtual] = traceEnd;
  for (let k = 0; k < size; k++) {
    const i = preorder[k]!;
    const p = parent[i]! < 0 ? virtual : parent[i]!;
    const start = Math.max(startNs[i]!, effStart[p]!);
    const end = Math.min(startNs[i]! + durationNs[i]!, effEnd[p]!);
    effStart[i] = start;
    effEnd[i] = end;
    if (excluded[p] || start > end) excluded[i] = 1;
  }

  // Children of each visited span by clipped end, latest first; built only when reached.
  const sortedKids = new Map<number, number[]>();
  const kidsOf = (i: number): number[] => {
    let kids = sortedKids.get(i);
    if (!kids) {
      kids = [];
      if (i === virtual) for (let r = 0; r < roots.length; r++) kids.push(roots[r]!);
      else for (let c = childOffsets[i]!; c < childOffsets[i + 1]!; c++) kids.push(children[c]!);
      kids = kids.filter((c) => !excluded[c]).sort((a, b) => effEnd[b]! - effEnd[a]! || b - a);
      sortedKids.set(i, kids);
    }
    return kids;
  };
  const next = new Int32Array(size + 1);

  const segments: CriticalSegment[] = [];
  const add = (span: number, from: number, to: number) => {
    if (span === virtual || !(from < to)) return;
    segments.push({ span, startNs: from, endNs: to });
    onPath[span] = 1;
  };

  let current = virtual;
  let cursor = effEnd[virtual];
  for (;;) {
    const kids = kidsOf(current);
    let k = next[current]!;
    // The cursor only moves earlier while we are in `current`, so skipped children never
    // qualify again and each child is entered at most once.
    while (k < kids.length && effEnd[kids[k]!]! > cursor) k++;
    if (k < kids.length) {
      const child = kids[k]!;
      next[current] = k + 1;
      add(current, effEnd[child]!, cursor);
      current = child;
      cursor = effEnd[child]!;
      continue;
    }
    next[current] = k;
    add(current, effStart[current]!, cursor);
    if (current === virtual) break;
    cursor = effStart[current]!;
    current = parent[current]! < 0 ? virtual : parent[current]!;
  }
  // A zero-length root still ends the trace: mark it so the path is never empty.
  if (segments.length === 0) onPath[kidsOf(virtual)[0] ?? roots[0]!] = 1;
  return { segments, onPath };
}

/** Segments grouped by span, each list in time order, for drawing over the bars. */
export function segmentsBySpan(path: CriticalPath): Map<number, CriticalSegment[]> {
  const bySpan = new Map<number, CriticalSegment[]>();
  for (let s = path.segments.length - 1; s >= 0; s--) {
    const segment = path.segments[s]!;
    const list = bySpan.get(segment.span);
    if (list) list.push(segment);
    else bySpan.set(segment.span, [segment]);
  }
  return bySpan;
}
