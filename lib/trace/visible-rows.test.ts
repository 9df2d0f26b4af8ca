import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { loadFixture } from "./fixtures/load-fixture";
import { computeVisibleRows, expandAncestors, hasChildren } from "./visible-rows";

describe("computeVisibleRows", () => {
  const model = buildTraceModel(loadFixture("checkout"));
  const { tree } = model;
  const byName = (service: string, name: string, kind: number) =>
    model.spanIds.findIndex((_, i) => model.services[model.service[i]!] === service && model.names[model.name[i]!] === name && model.kind[i] === kind);
  const checkoutServer = byName("checkout", "POST /orders", 2);

  it("shows every span in preorder when nothing is collapsed", () => {
    expect([...computeVisibleRows(tree, new Uint8Array(tree.size))]).toEqual([...tree.preorder]);
  });

  it("hides exactly the descendants of a collapsed span", () => {
    const collapsed = new Uint8Array(tree.size);
    collapsed[checkoutServer] = 1;
    const rows = computeVisibleRows(tree, collapsed);
    expect(rows).toHaveLength(tree.size - (tree.subtreeSize[checkoutServer]! - 1));
    expect(rows).toContain(checkoutServer);
    expect(rows.at(-1)).toBe(checkoutServer);
  });

  it("collapsing the root leaves one row", () => {
    const collapsed = new Uint8Array(tree.size);
    collapsed[tree.roots[0]!] = 1;
    expect([...computeVisibleRows(tree, collapsed)]).toEqual([tree.roots[0]]);
  });

  it("expandAncestors opens the path to a span and nothing else, and returns the same array when already open", () => {
    const stock = byName("inventory", "UPDATE stock", 3);
    const open = new Uint8Array(tree.size);
    expect(expandAncestors(tree, open, stock)).toBe(open);
    const collapsed = new Uint8Array(tree.size).fill(1);
    const opened = expandAncestors(tree, collapsed, stock);
    expect(computeVisibleRows(tree, opened)).toContain(stock);
    expect(opened[stock]).toBe(1);
    expect(collapsed.every((v) => v === 1)).toBe(true);
    expect(hasChildren(tree, stock)).toBe(false);
  });
});
