import { describe, expect, it } from "vitest";
import { buildSpanTree, PARENT_STATE } from "./build-span-tree";
import { loadFixture, tinyTrace } from "./fixtures/load-fixture";

const treeOf = (trace: ReturnType<typeof loadFixture>) =>
  buildSpanTree(trace.spans.parent, trace.spans.startNs, trace.missingParents.map((m) => m.span));

describe("buildSpanTree on the recorded checkout", () => {
  const trace = loadFixture("checkout");
  const tree = treeOf(trace);
  const name = (i: number) => trace.names[trace.spans.name[i]!];

  it("has one root and lists every span once, parents before children", () => {
    expect([...tree.roots]).toEqual([0]);
    expect(new Set(tree.preorder).size).toBe(trace.spans.spanId.length);
    for (let k = 0; k < tree.size; k++) {
      const span = tree.preorder[k]!;
      const parent = tree.parent[span]!;
      if (parent >= 0) expect(tree.preorderIndex[parent]!).toBeLessThan(k);
      expect(tree.depth[span]).toBe(parent >= 0 ? tree.depth[parent]! + 1 : 0);
    }
  });

  it("orders siblings by start and counts subtrees", () => {
    for (let i = 0; i < tree.size; i++) {
      const kids = [...tree.children.subarray(tree.childOffsets[i], tree.childOffsets[i + 1])];
      const starts = kids.map((k) => trace.spans.startNs[k]!);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(tree.subtreeSize[0]).toBe(tree.size);
    const charges = tree.preorder.find((i) => name(i) === "POST /charges" && trace.spans.kind[i] === 3)!;
    // The CLIENT call, payment's SERVER span and its two provider attempts.
    expect(tree.subtreeSize[charges]).toBe(4);
    // Descendants are exactly the entries after it in preorder.
    const k = tree.preorderIndex[charges]!;
    for (const d of tree.preorder.subarray(k + 1, k + 4)) {
      let p = tree.parent[d]!;
      while (p >= 0 && p !== charges) p = tree.parent[p]!;
      expect(p).toBe(charges);
    }
  });
});

describe("buildSpanTree with orphans", () => {
  it("puts spans whose parent never arrived at the top level, after the root, marked missing", () => {
    const trace = loadFixture("checkout-orphans");
    const tree = treeOf(trace);
    expect(tree.roots[0]).toBe(0);
    expect(tree.roots).toHaveLength(1 + trace.missingParents.length);
    for (const { span } of trace.missingParents) {
      expect(tree.parent[span]).toBe(-1);
      expect(tree.parentState[span]).toBe(PARENT_STATE.missing);
      expect(tree.depth[span]).toBe(0);
    }
    // Orphans keep their own subtrees: payment's spans still hang under the orphaned call.
    const orphanedCharges = trace.missingParents.map((m) => m.span).find((i) => trace.names[trace.spans.name[i]!] === "POST /charges")!;
    expect(tree.subtreeSize[orphanedCharges]).toBe(4);
    expect(tree.roots.slice(1).every((r, i, all) => i === 0 || trace.spans.startNs[all[i - 1]!]! <= trace.spans.startNs[r]!)).toBe(true);
  });

  it("cuts a parent cycle at its earliest span so every span is still shown once", () => {
    const trace = tinyTrace([
      { id: "root", start: 0, duration: 10 },
      { id: "a", parent: "b", start: 2, duration: 3 },
      { id: "b", parent: "a", start: 3, duration: 3 },
      { id: "c", parent: "b", start: 4, duration: 1 },
    ]);
    const tree = buildSpanTree(trace.spans.parent, trace.spans.startNs);
    const index = (id: string) => trace.spans.spanId.indexOf(id);
    expect(tree.preorder).toHaveLength(4);
    expect(new Set(tree.preorder).size).toBe(4);
    expect([...tree.roots]).toEqual([index("root"), index("a")]);
    expect(tree.parentState[index("a")]).toBe(PARENT_STATE.cycle);
    expect([...tree.preorder].map((i) => trace.spans.spanId[i])).toEqual(["root", "a", "b", "c"]);
  });

  it("handles a 100,000-deep chain without recursion", () => {
    const n = 100_000;
    const parent = Array.from({ length: n }, (_, i) => i - 1);
    const tree = buildSpanTree(parent, Array.from({ length: n }, (_, i) => i));
    expect(tree.depth[n - 1]).toBe(n - 1);
    expect(tree.subtreeSize[0]).toBe(n);
  });
});
