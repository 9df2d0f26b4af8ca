import type { TraceModel } from "./build-trace-model";
import { stepMatch } from "./find-in-trace";
import { expandAncestors, hasChildren } from "./visible-rows";

// The waterfall's keyboard, as a pure step: (state, key) → state. Up/down move between shown
// rows; right opens a closed span, or goes to its first child; left closes an open span, or
// goes to its parent (the file-tree convention); "next error" jumps to the next ERROR span in
// display order, opening whatever hides it.

export type WaterfallAction = "up" | "down" | "left" | "right" | "home" | "end" | "nextError" | "previousError";

export interface WaterfallNavState {
  /** Selected span, or -1. */
  selected: number;
  collapsed: Uint8Array;
}

/**
 * @param rows the spans currently shown, in order (computeVisibleRows of `state.collapsed`)
 * @returns the next state; `collapsed` is the same array when nothing opened or closed
 */
export function navigateWaterfall(model: TraceModel, rows: Int32Array, state: WaterfallNavState, action: WaterfallAction): WaterfallNavState {
  const { selected, collapsed } = state;
  const { tree } = model;
  const row = selected >= 0 ? rows.indexOf(selected) : -1;
  switch (action) {
    case "down":
      if (rows.length === 0) return state;
      return { selected: rows[row < 0 ? 0 : Math.min(rows.length - 1, row + 1)]!, collapsed };
    case "up":
      if (rows.length === 0) return state;
      return { selected: rows[row < 0 ? 0 : Math.max(0, row - 1)]!, collapsed };
    case "home":
      return rows.length ? { selected: rows[0]!, collapsed } : state;
    case "end":
      return rows.length ? { selected: rows[rows.length - 1]!, collapsed } : state;
    case "right": {
      if (selected < 0 || !hasChildren(tree, selected)) return state;
      if (collapsed[selected]) return { selected, collapsed: setFlag(collapsed, selected, 0) };
      return { selected: tree.children[tree.childOffsets[selected]!]!, collapsed };
    }
    case "left": {
      if (selected < 0) return state;
      if (hasChildren(tree, selected) && !collapsed[selected]) return { selected, collapsed: setFlag(collapsed, selected, 1) };
      const parent = tree.parent[selected]!;
      return parent >= 0 ? { selected: parent, collapsed } : state;
    }
    case "nextError":
    case "previousError": {
      const target = stepMatch(model, model.errorSpans, selected, action === "nextError" ? 1 : -1);
      if (target < 0) return state;
      return { selected: target, collapsed: expandAncestors(tree, collapsed, target) };
    }
  }
}

function setFlag(collapsed: Uint8Array, span: number, value: 0 | 1): Uint8Array {
  const next = collapsed.slice();
  next[span] = value;
  return next;
}

/** Keyboard keys → actions; anything else is left to the browser. */
export function actionForKey(key: string, shiftKey: boolean): WaterfallAction | null {
  switch (key) {
    case "ArrowDown":
    case "j":
      return "down";
    case "ArrowUp":
    case "k":
      return "up";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    case "Home":
      return "home";
    case "End":
      return "end";
    case "e":
    case "E":
      return shiftKey ? "previousError" : "nextError";
    default:
      return null;
  }
}
