import type { SpanTree } from "./build-span-tree";

// Which spans the waterfall shows, in order, given the collapsed ones. Descendants of a span
// are contiguous in preorder, so a collapsed span skips its whole subtree in one step: the
// cost is the number of rows shown, not the size of the trace.

export function computeVisibleRows(tree: SpanTree, collapsed: Uint8Array): Int32Array {
  const rows = new Int32Array(tree.size);
  let count = 0;
  for (let k = 0; k < tree.size; ) {
    const span = tree.preorder[k]!;
    rows[count++] = span;
    k += collapsed[span] ? tree.subtreeSize[span]! : 1;
  }
  return rows.slice(0, count);
}

/** The collapsed flags with every ancestor of `span` expanded, or the same array if none was collapsed. */
export function expandAncestors(tree: SpanTree, collapsed: Uint8Array, span: number): Uint8Array {
  let next = collapsed;
  for (let p = tree.parent[span]!; p >= 0; p = tree.parent[p]!) {
    if (next[p]) {
      if (next === collapsed) next = collapsed.slice();
      next[p] = 0;
    }
  }
  return next;
}

export function hasChildren(tree: SpanTree, span: number): boolean {
  return tree.childOffsets[span + 1]! > tree.childOffsets[span]!;
}

