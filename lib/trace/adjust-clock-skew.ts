import type { SpanTree } from "./build-span-tree";

// Clocks of different machines disagree, so a child span from another service can appear to
// start before its parent: impossible, and it draws the waterfall wrong. Following Jaeger's
// clock-skew adjuster, each service is treated as one clock: where a child from another service
// does not sit inside its parent, the child and every descendant on the same clock are shifted
// (by the same amount) until it does. A descendant on yet another clock is judged again
// against its shifted parent.
//
// Unlike Jaeger, a child that starts inside its parent but ends after it is only moved for a
// synchronous call (a CLIENT parent with a SERVER child): for anything else, outliving the
// parent is legitimate asynchronous work (a consumer, a fire-and-forget task), not skew.

const KIND_SERVER = 2;
const KIND_CLIENT = 3;

export interface SkewInput {
  startNs: ArrayLike<number>;
  durationNs: ArrayLike<number>;
  /** Clock of each span: spans with the same value share a clock (the service index). */
  clock: ArrayLike<number>;
  kind: ArrayLike<number>;
}

export interface SkewResult {
  /** Adjusted starts (durations never change). */
  startNs: Float64Array;
  /** How far each span was moved; positive is later. */
  shiftNs: Float64Array;
  /** Spans whose start was moved. */
  adjustedCount: number;
}

export function adjustClockSkew(tree: SpanTree, input: SkewInput): SkewResult {
  const { size, parent, preorder } = tree;
  const startNs = Float64Array.from(input.startNs);
  const shiftNs = new Float64Array(size);
  let adjustedCount = 0;
  // Preorder: a parent is final before any of its children is looked at.
  for (let k = 0; k < size; k++) {
    const i = preorder[k]!;
    const p = parent[i]!;
    if (p < 0) continue;
    const shift = input.clock[i] === input.clock[p] ? shiftNs[p]! : skewAgainstParent(i, p, startNs, input);
    if (shift !== 0) {
      startNs[i] = startNs[i]! + shift;
      shiftNs[i] = shift;
      adjustedCount++;
    }
  }
  return { startNs, shiftNs, adjustedCount };
}

/** The shift that puts child `c` (unshifted) inside parent `p` (already shifted), or 0. */
function skewAgainstParent(c: number, p: number, startNs: Float64Array, input: SkewInput): number {
  const childStart = startNs[c]!;
  const childDuration = input.durationNs[c]!;
  const parentStart = startNs[p]!;
  const parentDuration = input.durationNs[p]!;
  const startsBefore = childStart < parentStart;
  if (childDuration > parentDuration) {
    // It cannot fit; the most that is certain is that it did not start before its parent.
    return startsBefore ? parentStart - childStart : 0;
  }
  const endsAfter = childStart + childDuration > parentStart + parentDuration;
  if (!startsBefore && !endsAfter) return 0;
  if (!startsBefore && !(input.kind[p] === KIND_CLIENT && input.kind[c] === KIND_SERVER)) return 0;
  // Centre it: the network time before and after the call is taken to be the same.
  return parentStart + (parentDuration - childDuration) / 2 - childStart;
}
