// The part of the trace the waterfall shows, as fractions of the trace's duration (0..1), and
// the maths between it, pixels on the minimap and bars in the rows. The minimap and the rows
// both derive positions from here, so a span drawn at x on one is at x on the other.

export interface ViewWindow {
  start: number;
  end: number;
}

export const FULL_VIEW: ViewWindow = { start: 0, end: 1 };

/** Narrowest window: 0.1% of the trace (a 10 s trace zooms to 10 ms). */
export const MIN_VIEW_WIDTH = 0.001;

export function isFullView(view: ViewWindow): boolean {
  return view.start <= 0 && view.end >= 1;
}

/** Ordered, inside 0..1, and at least MIN_VIEW_WIDTH wide (widened around its centre). */
export function clampView(a: number, b: number): ViewWindow {
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(1, Math.max(a, b));
  if (end - start < MIN_VIEW_WIDTH) {
    const centre = Math.min(1 - MIN_VIEW_WIDTH / 2, Math.max(MIN_VIEW_WIDTH / 2, (start + end) / 2));
    start = centre - MIN_VIEW_WIDTH / 2;
    end = centre + MIN_VIEW_WIDTH / 2;
  }
  return { start, end };
}

/** A drag on the minimap from x `fromPx` to `toPx` on a strip `widthPx` wide. */
export function viewFromDrag(fromPx: number, toPx: number, widthPx: number): ViewWindow {
  if (!(widthPx > 0)) return FULL_VIEW;
  return clampView(fromPx / widthPx, toPx / widthPx);
}

/** The window moved by `delta` (a fraction of the trace), keeping its width, stopped at the ends. */
export function panView(view: ViewWindow, delta: number): ViewWindow {
  const width = view.end - view.start;
  const start = Math.min(1 - width, Math.max(0, view.start + delta));
  return { start, end: start + width };
}

/** Zoomed by `factor` (<1 in, >1 out) around `anchor` (0..1 of the trace). */
export function zoomView(view: ViewWindow, factor: number, anchor: number): ViewWindow {
  const width = Math.min(1, Math.max(MIN_VIEW_WIDTH, (view.end - view.start) * factor));
  const ratio = view.end > view.start ? (anchor - view.start) / (view.end - view.start) : 0.5;
  const start = Math.min(1 - width, Math.max(0, anchor - ratio * width));
  return { start, end: start + width };
}

export interface BarGeometry {
  /** Percent of the row's bar area; can be outside 0..100 when the span is partly out of view. */
  leftPct: number;
  widthPct: number;
  /** Entirely outside the window. */
  hidden: boolean;
}

/** Where a span `[startNs, startNs + durationNs)` sits in the bar area for `view`. */
export function barGeometry(startNs: number, durationNs: number, traceDurationNs: number, view: ViewWindow): BarGeometry {
  const total = traceDurationNs > 0 ? traceDurationNs : 1;
  const viewStart = view.start * total;
  const viewWidth = (view.end - view.start) * total;
  const leftPct = ((startNs - viewStart) / viewWidth) * 100;
  const widthPct = (durationNs / viewWidth) * 100;
  return { leftPct, widthPct, hidden: leftPct > 100 || leftPct + widthPct < 0 };
}

/** The view as nanosecond offsets from the trace start. */
export function viewRangeNs(view: ViewWindow, traceDurationNs: number): { fromNs: number; toNs: number } {
  return { fromNs: view.start * traceDurationNs, toNs: view.end * traceDurationNs };
}
