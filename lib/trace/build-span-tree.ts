// The span tree of a trace as flat typed arrays, so a 100,000-span trace costs a few MB and
// every walk is a loop, never recursion (a deep chain would overflow the stack).
//
// Invariants the rest of lib/trace relies on:
// - `preorder` lists every span exactly once, parents before children, siblings by start;
//   a span's descendants are the `subtreeSize[i] - 1` entries right after it in `preorder`.
// - `parent[i]` is -1 exactly for the spans in `roots`: true roots, spans whose parent was
//   never received (orphans), and one span of each parent cycle (a broken sender), cut there.

export const PARENT_STATE = {
  /** Has its parent in the trace, or is a real root. */
  ok: 0,
  /** Names a parent that is not in the trace. */
  missing: 1,
  /** Was part of a parent cycle; made a root to break it. */
  cycle: 2,
} as const;

export interface SpanTree {
  size: number;
  parent: Int32Array;
  /** Children of span i are `children[childOffsets[i] .. childOffsets[i + 1])`, by start. */
  childOffsets: Int32Array;
  children: Int32Array;
  /** Top-level spans by start: the root(s), then orphans and cut cycles in start order. */
  roots: Int32Array;
  depth: Int32Array;
  preorder: Int32Array;
  /** Position of span i in `preorder`. */
  preorderIndex: Int32Array;
  /** The span and all its descendants. */
  subtreeSize: Int32Array;
  parentState: Uint8Array;
}

/**
 * @param parentIndex parent of each span (-1: none in the trace)
 * @param startNs start of each span, any common origin; orders siblings
 * @param missingParent spans whose parent id names a span not in the trace
 */
export function buildSpanTree(parentIndex: ArrayLike<number>, startNs: ArrayLike<number>, missingParent: Iterable<number> = []): SpanTree {
  const size = parentIndex.length;
  const parent = Int32Array.from(parentIndex);
  const parentState = new Uint8Array(size);
  for (const i of missingParent) parentState[i] = PARENT_STATE.missing;

  let { childOffsets, children } = linkChildren(parent, startNs);
  const preorder = new Int32Array(size);
  const depth = new Int32Array(size);
  const visited = new Uint8Array(size);
  let filled = 0;
  const rootList: number[] = [];
  for (let i = 0; i < size; i++) if (parent[i] === -1) rootList.push(i);
  rootList.sort((a, b) => compareStart(startNs, a, b));
  filled = walk(rootList, childOffsets, children, preorder, depth, visited, filled);

  if (filled < size) {
    // Spans not reached from any root sit on parent cycles. Cut each cycle at its earliest
    // span (which becomes a root) and walk again; repeat until everything is reached.
    const unreached: number[] = [];
    for (let i = 0; i < size; i++) if (!visited[i]) unreached.push(i);
    unreached.sort((a, b) => compareStart(startNs, a, b));
    for (const i of unreached) {
      if (visited[i]) continue;
      parent[i] = -1;
      parentState[i] = PARENT_STATE.cycle;
      ({ childOffsets, children } = linkChildren(parent, startNs));
      rootList.push(i);
      filled = walk([i], childOffsets, children, preorder, depth, visited, filled);
    }
    rootList.sort((a, b) => compareStart(startNs, a, b));
    // Preorder must follow root order; rebuild it once now that the tree is whole.
    visited.fill(0);
    filled = walk(rootList, childOffsets, children, preorder, depth, visited, 0);
  }

  const preorderIndex = new Int32Array(size);
  for (let k = 0; k < size; k++) preorderIndex[preorder[k]!] = k;
  const subtreeSize = new Int32Array(size).fill(1);
  // Reverse preorder visits every child before its parent.
  for (let k = size - 1; k >= 0; k--) {
    const i = preorder[k]!;
    const p = parent[i]!;
    if (p >= 0) subtreeSize[p]! += subtreeSize[i]!;
  }
  return { size, parent, childOffsets, children, roots: Int32Array.from(rootList), depth, preorder, preorderIndex, subtreeSize, parentState };
}

function compareStart(startNs: ArrayLike<number>, a: number, b: number): number {
  return startNs[a]! - startNs[b]! || a - b;
}

/** Children lists in CSR form (counting sort by parent), each list ordered by start. */
function linkChildren(parent: Int32Array, startNs: ArrayLike<number>) {
  const size = parent.length;
  const childOffsets = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) if (parent[i]! >= 0) childOffsets[parent[i]! + 1]!++;
  for (let i = 0; i < size; i++) childOffsets[i + 1]! += childOffsets[i]!;
  const cursor = childOffsets.slice(0, size);
  const children = new Int32Array(childOffsets[size]!);
  for (let i = 0; i < size; i++) {
    const p = parent[i]!;
    if (p >= 0) children[cursor[p]!++] = i;
  }
  for (let p = 0; p < size; p++) {
    const from = childOffsets[p]!;
    const to = childOffsets[p + 1]!;
    if (to - from > 1) children.subarray(from, to).sort((a, b) => compareStart(startNs, a, b));
  }
  return { childOffsets, children };
}

/** Iterative depth-first walk from `starts`, appending to `preorder`; returns the new fill. */
function walk(
  starts: number[],
  childOffsets: Int32Array,
  children: Int32Array,
  preorder: Int32Array,
  depth: Int32Array,
  visited: Uint8Array,
  filled: number,
): number {
  const stack: number[] = [];
  for (let r = starts.length - 1; r >= 0; r--) {
    const root = starts[r]!;
    depth[root] = 0;
    stack.push(root);
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (visited[i]) continue;
    visited[i] = 1;
    preorder[filled++] = i;
    // Pushed in reverse so the earliest child is visited first.
    for (let c = childOffsets[i + 1]! - 1; c >= childOffsets[i]!; c--) {
      const child = children[c]!;
      depth[child] = depth[i]! + 1;
      stack.push(child);
    }
  }
  return filled;
}
