import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { loadFixture } from "./fixtures/load-fixture";
import { actionForKey, navigateWaterfall, type WaterfallAction, type WaterfallNavState } from "./navigate-waterfall";
import { computeVisibleRows } from "./visible-rows";

const model = buildTraceModel(loadFixture("checkout"));
const { tree } = model;

function run(actions: WaterfallAction[], start: WaterfallNavState = { selected: -1, collapsed: new Uint8Array(tree.size) }) {
  let state = start;
  for (const action of actions) state = navigateWaterfall(model, computeVisibleRows(tree, state.collapsed), state, action);
  return state;
}
const label = (span: number) => `${model.services[model.service[span]!]} ${model.names[model.name[span]!]}`;

describe("navigateWaterfall", () => {
  it("down from nothing selects the first row; up and down walk the rows and stop at the ends", () => {
    expect(run(["down"]).selected).toBe(tree.preorder[0]);
    expect(run(["down", "down", "down"]).selected).toBe(tree.preorder[2]);
    expect(run(["down", "up", "up"]).selected).toBe(tree.preorder[0]);
    expect(run(["end", "down"]).selected).toBe(tree.preorder[tree.size - 1]);
    expect(run(["end", "home"]).selected).toBe(tree.preorder[0]);
  });

  it("left closes an open span, then goes to its parent; right opens, then goes to the first child", () => {
    const atCheckout = run(["down", "down", "down"]);
    expect(label(atCheckout.selected)).toBe("checkout POST /orders");
    const closed = run(["left"], atCheckout);
    expect(closed.selected).toBe(atCheckout.selected);
    expect(closed.collapsed[atCheckout.selected]).toBe(1);
    expect(computeVisibleRows(tree, closed.collapsed)).toHaveLength(tree.size - tree.subtreeSize[atCheckout.selected]! + 1);
    expect(run(["left"], closed).selected).toBe(tree.parent[atCheckout.selected]);
    const reopened = run(["right"], closed);
    expect(reopened.collapsed[atCheckout.selected]).toBe(0);
    expect(label(run(["right"], reopened).selected)).toBe("checkout SELECT carts");
  });

  it("right on a leaf and left on the root change nothing", () => {
    const root = run(["down"]);
    expect(run(["left", "left"], root).selected).toBe(root.selected);
    const leaf = run(["end"]);
    expect(run(["right"], leaf)).toBe(leaf);
  });

  it("next error walks the ERROR spans in display order, wraps, and opens what hides them", () => {
    const first = run(["nextError"]);
    expect(first.selected).toBe(model.errorSpans[0]);
    const second = run(["nextError"], first);
    expect(label(second.selected)).toBe("payment POST /charges");
    expect(run(["nextError", "nextError", "nextError", "nextError", "nextError"]).selected).toBe(model.errorSpans[0]);
    expect(run(["previousError"]).selected).toBe(model.errorSpans.at(-1));

    const allClosed = { selected: -1, collapsed: new Uint8Array(tree.size).fill(1) };
    const found = run(["nextError", "nextError"], allClosed);
    expect(computeVisibleRows(tree, found.collapsed)).toContain(found.selected);
  });
});

describe("actionForKey", () => {
  it("maps arrows, Home/End and e / Shift+E; leaves other keys alone", () => {
    expect(actionForKey("ArrowDown", false)).toBe("down");
    expect(actionForKey("ArrowLeft", false)).toBe("left");
    expect(actionForKey("e", false)).toBe("nextError");
    expect(actionForKey("E", true)).toBe("previousError");
    expect(actionForKey("x", false)).toBeNull();
  });
});
