"use client";

import { useElementSize } from "@mantine/hooks";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import type { CriticalSegment } from "@/lib/trace/compute-critical-path";
import { actionForKey, type WaterfallAction } from "@/lib/trace/navigate-waterfall";
import { computeTimeTicks } from "@/lib/trace/time-ticks";
import { viewRangeNs, type ViewWindow } from "@/lib/trace/view-window";
import classes from "./waterfall.module.css";
import { WaterfallRow, type RowLabels } from "./waterfall-row";

export const ROW_HEIGHT = 26;
const TICK_SPACING_PX = 110;

export interface ScrollRequest {
  span: number;
  /** Changes on every request, so asking for the same span twice scrolls twice. */
  seq: number;
}

export interface TraceWaterfallProps {
  model: TraceModel;
  rows: Int32Array;
  collapsed: Uint8Array;
  selected: number;
  view: ViewWindow;
  matches: ReadonlySet<number>;
  critical: Map<number, CriticalSegment[]> | null;
  changeCounts: ReadonlyMap<number, number>;
  scrollRequest: ScrollRequest | null;
  height: number;
  onSelect: (span: number) => void;
  onToggle: (span: number) => void;
  onHover: (span: number) => void;
  onAction: (action: WaterfallAction) => void;
  onEscape: () => void;
}

/**
 * The virtualised span tree: only the rows in view (plus a few) exist in the DOM, so a
 * 100,000-span trace scrolls like a 100-span one. Keyboard focus is on the tree itself.
 */
export function TraceWaterfall(props: TraceWaterfallProps) {
  const { model, rows, view, critical } = props;
  const t = useTranslations("traces.waterfall");
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ref: rulerRef, width: rulerWidth } = useElementSize();

  // The virtualizer's instance changes without a new identity, so the React Compiler leaves
  // this component alone (as it must); the rule only reports that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]!,
    // Until the pane is measured, it is as tall as it is asked to be: the server (a small trace's
    // page is drawn there) and the browser's first render then yield the same first rows.
    initialRect: { width: 0, height: props.height },
  });

  // Only a new request scrolls: rows changing under an old request must not pull the view
  // back. The rows are read through a ref (updated first, effects run in order) for that.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  });
  const { scrollRequest } = props;
  useEffect(() => {
    if (!scrollRequest) return;
    const index = rowsRef.current.indexOf(scrollRequest.span);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [scrollRequest, virtualizer]);

  const range = viewRangeNs(view, model.durationTotalNs);
  const ticks = useMemo(() => computeTimeTicks(range.fromNs, range.toNs, Math.max(2, Math.floor(rulerWidth / TICK_SPACING_PX))), [range.fromNs, range.toNs, rulerWidth]);

  const labels = useMemo<RowLabels>(
    () => ({ expand: t("expand"), collapse: t("collapse"), error: t("errorMarker"), timeout: t("timeoutMarker"), orphan: t("orphanMarker"), changes: t("changesMarker") }),
    [t],
  );

  const { onAction, onEscape } = props;
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key === "Escape") {
        onEscape();
        return;
      }
      const action = actionForKey(event.key, event.shiftKey);
      if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      onAction(action);
    },
    [onAction, onEscape],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div className={classes.waterfall}>
      <div className={classes.header}>
        <div className={classes.headerName}>{t("nameColumn")}</div>
        <div className={classes.ruler} ref={rulerRef} aria-hidden>
          {ticks.map((tick) => (
            <div key={tick.ns} className={classes.tick} style={{ left: `${tick.position * 100}%` }}>
              {tick.label}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className={classes.scroller}
        style={{ height: props.height }}
        role="tree"
        aria-label={t("label", { count: model.size })}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="trace-waterfall"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          <div className={classes.grid} aria-hidden>
            {ticks.map((tick) => (
              <div key={tick.ns} className={classes.gridLine} style={{ left: `${tick.position * 100}%` }} />
            ))}
          </div>
          {items.map((item) => {
            const span = rows[item.index]!;
            const segments = critical?.get(span);
            return (
              <WaterfallRow
                key={span}
                model={model}
                span={span}
                top={item.start}
                view={view}
                selected={span === props.selected}
                collapsed={props.collapsed[span] === 1}
                matched={props.matches.has(span)}
                critical={segments}
                dimmed={critical !== null && segments === undefined}
                changeCount={props.changeCounts.get(span) ?? 0}
                position={item.index + 1}
                setSize={rows.length}
                labels={labels}
                onSelect={props.onSelect}
                onToggle={props.onToggle}
                onHover={props.onHover}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
