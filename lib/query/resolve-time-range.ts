// The window a query reads when `from`/`to` are partly or wholly absent. The clock is passed in,
// so the rule is testable and a route reads Date.now() exactly once per request.

export const DEFAULT_WINDOW_MS = 3_600_000;

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/**
 * Both given: as given (the schemas already refused from ≥ to). Only `to`: the window ends
 * there. Only `from`: it runs to now, or one default window when `from` is in the future.
 * Neither: the last `defaultWindowMs` up to now.
 */
export function resolveTimeRange(
  query: { from?: number | undefined; to?: number | undefined },
  nowMs: number,
  defaultWindowMs = DEFAULT_WINDOW_MS,
): TimeWindow {
  const { from, to } = query;
  if (from !== undefined && to !== undefined) return { fromMs: from, toMs: to };
  if (to !== undefined) return { fromMs: to - defaultWindowMs, toMs: to };
  if (from !== undefined) return { fromMs: from, toMs: from < nowMs ? nowMs : from + defaultWindowMs };
  return { fromMs: nowMs - defaultWindowMs, toMs: nowMs };
}
