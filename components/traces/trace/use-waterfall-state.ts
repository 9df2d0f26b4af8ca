"use client";

import { parseAsString, useQueryState } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { navigateWaterfall, type WaterfallAction } from "@/lib/trace/navigate-waterfall";
import { FULL_VIEW, type ViewWindow } from "@/lib/trace/view-window";
import { computeVisibleRows, expandAncestors, hasChildren } from "@/lib/trace/visible-rows";
import type { ScrollRequest } from "./trace-waterfall";

// The waterfall's state. The selected span lives in the URL (`?span=`), so a copied address
// opens the same span; what is collapsed and the zoom window are the reader's own and stay in
// the page. Everything else (rows shown, keyboard moves) is derived by lib/trace.

export interface WaterfallState {
  selected: number;
  collapsed: Uint8Array;
  rows: Int32Array;
  view: ViewWindow;
  scrollRequest: ScrollRequest | null;
  setView: (view: ViewWindow) => void;
  /** Selects a span (-1: none), opening whatever hides it; `scroll` brings it into view. */
  select: (span: number, scroll?: boolean) => void;
  toggle: (span: number) => void;
  act: (action: WaterfallAction) => void;
  expandAll: () => void;
  collapseAll: () => void;
}

export function useWaterfallState(model: TraceModel): WaterfallState {
  const [spanId, setSpanId] = useQueryState("span", parseAsString.withOptions({ history: "replace" }));
  // Collapsed flags belong to one model: a refetched trace with more spans starts open again.
  const [collapsedState, setCollapsedState] = useState<{ model: TraceModel; flags: Uint8Array }>(() => ({ model, flags: new Uint8Array(model.size) }));
  const collapsed = useMemo(() => (collapsedState.model.size === model.size ? collapsedState.flags : new Uint8Array(model.size)), [collapsedState, model]);
  const setCollapsed = useCallback(
    (update: (current: Uint8Array) => Uint8Array) =>
      setCollapsedState((state) => {
        const current = state.model.size === model.size ? state.flags : new Uint8Array(model.size);
        const next = update(current);
        return next === state.flags && state.model === model ? state : { model, flags: next };
      }),
    [model],
  );
  const [view, setView] = useState<ViewWindow>(FULL_VIEW);
  const selected = spanId ? (model.indexBySpanId.get(spanId) ?? -1) : -1;
  // A link with ?span= opens scrolled to that span (every span starts shown).
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(() => (selected >= 0 ? { span: selected, seq: 0 } : null));
  const rows = useMemo(() => computeVisibleRows(model.tree, collapsed), [model, collapsed]);

  const select = useCallback(
    (span: number, scroll = false) => {
      if (span >= 0) setCollapsed((current) => expandAncestors(model.tree, current, span));
      void setSpanId(span >= 0 ? model.spanIds[span]! : null);
      if (scroll && span >= 0) setScrollRequest((previous) => ({ span, seq: (previous?.seq ?? 0) + 1 }));
    },
    [model, setSpanId, setCollapsed],
  );

  const toggle = useCallback(
    (span: number) =>
      setCollapsed((current) => {
        const next = current.slice();
        next[span] = current[span] ? 0 : 1;
        return next;
      }),
    [setCollapsed],
  );

  const act = useCallback(
    (action: WaterfallAction) => {
      const next = navigateWaterfall(model, rows, { selected, collapsed }, action);
      if (next.collapsed !== collapsed) setCollapsed(() => next.collapsed);
      if (next.selected !== selected) select(next.selected, true);
    },
    [model, rows, selected, collapsed, select, setCollapsed],
  );

  const expandAll = useCallback(() => setCollapsed(() => new Uint8Array(model.size)), [model, setCollapsed]);
  const collapseAll = useCallback(
    () =>
      setCollapsed(() => {
        const flags = new Uint8Array(model.size);
        for (let i = 0; i < model.size; i++) if (hasChildren(model.tree, i)) flags[i] = 1;
        return flags;
      }),
    [model, setCollapsed],
  );

  return { selected, collapsed, rows, view, scrollRequest, setView, select, toggle, act, expandAll, collapseAll };
}
