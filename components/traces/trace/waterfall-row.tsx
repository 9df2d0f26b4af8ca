"use client";

import { IconAlertTriangleFilled, IconChevronDown, IconChevronRight, IconClockExclamation, IconDatabaseEdit, IconLinkOff } from "@tabler/icons-react";
import { memo } from "react";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { PARENT_STATE } from "@/lib/trace/build-span-tree";
import type { CriticalSegment } from "@/lib/trace/compute-critical-path";
import { formatDurationNs } from "@/lib/trace/format-duration";
import { SPAN_FLAG } from "@/lib/schemas/trace-compact";
import { useServiceColor } from "../service-colors-context";
import { barGeometry, type ViewWindow } from "@/lib/trace/view-window";
import { hasChildren } from "@/lib/trace/visible-rows";
import classes from "./waterfall.module.css";

export interface RowLabels {
  expand: string;
  collapse: string;
  error: string;
  timeout: string;
  orphan: string;
  changes: string;
}

export interface WaterfallRowProps {
  model: TraceModel;
  span: number;
  top: number;
  view: ViewWindow;
  selected: boolean;
  collapsed: boolean;
  matched: boolean;
  /** Critical-path segments of this span, when the path is shown. */
  critical: CriticalSegment[] | undefined;
  /** The path is shown and this span is not on it. */
  dimmed: boolean;
  changeCount: number;
  position: number;
  setSize: number;
  labels: RowLabels;
  onSelect: (span: number) => void;
  onToggle: (span: number) => void;
  onHover: (span: number) => void;
}

const INDENT_PX = 12;
// Deeper levels stop indenting, so a 200-level chain still leaves room for names.
const MAX_INDENT_LEVELS = 24;

/** One span of the waterfall: its place in the tree on the left, its bar on the right. */
export const WaterfallRow = memo(function WaterfallRow(props: WaterfallRowProps) {
  const { model, span, view, labels } = props;
  const service = model.services[model.service[span]!]!;
  const name = model.names[model.name[span]!]!;
  const color = useServiceColor()(service);
  const depth = model.tree.depth[span]!;
  const expandable = hasChildren(model.tree, span);
  const isError = model.status[span] === 2;
  const isTimeout = (model.flags[span]! & SPAN_FLAG.timeout) !== 0;
  const isOrphan = model.tree.parentState[span] !== PARENT_STATE.ok;
  const start = model.startNs[span]!;
  const duration = model.durationNs[span]!;
  const bar = barGeometry(start, duration, model.durationTotalNs, view);
  const barEnd = bar.leftPct + bar.widthPct;
  // The duration sits after the bar; before it when the bar reaches the right edge; inside its
  // right end when the bar spans (nearly) the whole width.
  // A span outside the zoomed window says on which side it is.
  const labelPlace = bar.hidden ? (bar.leftPct > 100 ? "later" : "earlier") : barEnd < 82 ? "after" : bar.leftPct > 18 ? "before" : "inside";
  const labelStyle =
    labelPlace === "after" || labelPlace === "earlier"
      ? { left: `${Math.max(0, barEnd)}%` }
      : labelPlace === "before"
        ? { right: `${100 - bar.leftPct}%` }
        : { right: `${labelPlace === "later" ? 0 : Math.max(0, 100 - barEnd)}%` };
  const durationText = formatDurationNs(duration);

  return (
    <div
      className={classes.row}
      style={{ transform: `translateY(${props.top}px)` }}
      role="treeitem"
      aria-level={depth + 1}
      aria-selected={props.selected}
      aria-expanded={expandable ? !props.collapsed : undefined}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      data-span-id={model.spanIds[span]}
      data-critical={props.critical ? "true" : undefined}
      data-error={isError ? "true" : undefined}
      data-match={props.matched ? "true" : undefined}
      onClick={() => props.onSelect(span)}
      onMouseEnter={() => props.onHover(span)}
    >
      <div className={classes.name} style={{ paddingLeft: 4 + Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX }}>
        {expandable ? (
          <button
            type="button"
            className={classes.toggle}
            tabIndex={-1}
            aria-label={props.collapsed ? labels.expand : labels.collapse}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle(span);
            }}
          >
            {props.collapsed ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
          </button>
        ) : (
          <span className={classes.toggleSpacer} />
        )}
        <span className={classes.swatch} style={{ background: color }} />
        <span className={classes.service}>{service}</span>
        <span className={classes.operation}>{name}</span>
        {isError && (
          <span className={`${classes.marker} ${classes.error}`} title={labels.error}>
            <IconAlertTriangleFilled size={13} aria-label={labels.error} />
          </span>
        )}
        {isTimeout && (
          <span className={`${classes.marker} ${classes.warning}`} title={labels.timeout}>
            <IconClockExclamation size={13} aria-label={labels.timeout} />
          </span>
        )}
        {isOrphan && (
          <span className={`${classes.marker} ${classes.warning}`} title={labels.orphan}>
            <IconLinkOff size={13} aria-label={labels.orphan} />
          </span>
        )}
        {props.changeCount > 0 && (
          <span className={`${classes.marker} ${classes.changes}`} title={labels.changes}>
            <IconDatabaseEdit size={13} aria-label={labels.changes} />
          </span>
        )}
      </div>
      <div className={classes.timeline}>
        {!bar.hidden && (
          <div
            className={classes.bar}
            style={{ left: `${bar.leftPct}%`, width: `${bar.widthPct}%`, background: color }}
            data-error={isError ? "true" : undefined}
            data-dimmed={props.dimmed ? "true" : undefined}
          >
            {props.critical?.map((segment) => (
              <div
                key={segment.startNs}
                className={classes.cp}
                style={{ left: `${duration > 0 ? ((segment.startNs - start) / duration) * 100 : 0}%`, width: `${duration > 0 ? ((segment.endNs - segment.startNs) / duration) * 100 : 100}%` }}
              />
            ))}
          </div>
        )}
        <span className={classes.duration} style={labelStyle} data-place={labelPlace}>
          {labelPlace === "earlier" ? `◂ ${durationText}` : labelPlace === "later" ? `${durationText} ▸` : durationText}
        </span>
      </div>
    </div>
  );
});
