// A box dragged on the results scatter (x: start time in Unix ms, y: duration in ms) → the
// window and duration range the search narrows to. ECharts hands the box over as untyped
// `coordRange: [[x0, x1], [y0, y1]]`; anything else is ignored rather than trusted.

export interface BrushWindow {
  fromMs: number;
  toMs: number;
  minDurationMs: number;
  maxDurationMs: number;
}

export function brushToWindow(areas: readonly { coordRange?: unknown }[]): BrushWindow | null {
  const range = areas[0]?.coordRange;
  if (!Array.isArray(range) || range.length !== 2) return null;
  const [x, y] = range as unknown[];
  if (!isPair(x) || !isPair(y)) return null;
  const fromMs = Math.floor(Math.min(x[0], x[1]));
  const toMs = Math.ceil(Math.max(x[0], x[1]));
  if (toMs <= fromMs) return null;
  // Durations keep microsecond precision; a box below the axis still means "from 0".
  const minDurationMs = Math.max(0, Math.floor(Math.min(y[0], y[1]) * 1000) / 1000);
  const maxDurationMs = Math.max(minDurationMs, Math.ceil(Math.max(y[0], y[1]) * 1000) / 1000);
  return { fromMs, toMs, minDurationMs, maxDurationMs };
}

function isPair(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number" && Number.isFinite(v));
}
