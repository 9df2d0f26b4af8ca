import { SPAN_FLAG, type CompactTrace } from "@/lib/schemas/trace-compact";
import { adjustClockSkew } from "./adjust-clock-skew";
import { buildSpanTree, type SpanTree } from "./build-span-tree";
import { computeCriticalPath, type CriticalPath } from "./compute-critical-path";
import { computeSelfTimes } from "./compute-self-time";

// Everything the trace page draws, computed once per trace from the compact payload: the tree
// (after clock-skew correction), the critical path and self times. Times are nanoseconds after
// the trace's first span start, as plain numbers (exact up to ~104 days).

const STATUS_ERROR = 2;

export interface TraceModel {
  traceId: string;
  startTimeUnixNano: string;
  size: number;
  spanIds: string[];
  services: string[];
  names: string[];
  service: Int32Array;
  name: Int32Array;
  kind: Uint8Array;
  status: Uint8Array;
  flags: Uint8Array;
  /** After clock-skew correction. */
  startNs: Float64Array;
  durationNs: Float64Array;
  /** How far clock-skew correction moved each span. */
  shiftNs: Float64Array;
  skewAdjustedCount: number;
  /** From the first start to the last end (after correction). */
  durationTotalNs: number;
  tree: SpanTree;
  /** Parent ids that were never received, by span. */
  missingParentIds: Map<number, string>;
  criticalPath: CriticalPath;
  selfTimeNs: Float64Array;
  /** Spans with status ERROR, in display (preorder) order. */
  errorSpans: Int32Array;
  indexBySpanId: Map<string, number>;
}

export function buildTraceModel(trace: CompactTrace): TraceModel {
  const { spans } = trace;
  const size = spans.spanId.length;
  const rawStart = Float64Array.from(spans.startNs);
  const durationNs = Float64Array.from(spans.durationNs);
  const service = Int32Array.from(spans.service);
  const kind = Uint8Array.from(spans.kind);
  const missingParentIds = new Map(trace.missingParents.map((m) => [m.span, m.parentSpanId]));

  let tree = buildSpanTree(spans.parent, rawStart, missingParentIds.keys());
  const skew = adjustClockSkew(tree, { startNs: rawStart, durationNs, clock: service, kind });
  // Shifted siblings may now start in another order; the tree orders them by start.
  if (skew.adjustedCount > 0) tree = buildSpanTree(tree.parent, skew.startNs, missingParentIds.keys());
  const startNs = skew.startNs;

  // A correction can move a span before 0 or past the old end; rebase so the trace starts at 0.
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < size; i++) {
    first = Math.min(first, startNs[i]!);
    last = Math.max(last, startNs[i]! + durationNs[i]!);
  }
  if (size > 0 && first !== 0) for (let i = 0; i < size; i++) startNs[i] = startNs[i]! - first;

  const status = Uint8Array.from(spans.status);
  const errors: number[] = [];
  for (let k = 0; k < size; k++) if (status[tree.preorder[k]!] === STATUS_ERROR) errors.push(tree.preorder[k]!);

  const indexBySpanId = new Map<string, number>();
  for (let i = 0; i < size; i++) if (!indexBySpanId.has(spans.spanId[i]!)) indexBySpanId.set(spans.spanId[i]!, i);

  return {
    traceId: trace.traceId,
    startTimeUnixNano: size > 0 && first !== 0 ? (BigInt(trace.startTimeUnixNano) + BigInt(Math.round(first))).toString() : trace.startTimeUnixNano,
    size,
    spanIds: spans.spanId,
    services: trace.services,
    names: trace.names,
    service,
    name: Int32Array.from(spans.name),
    kind,
    status,
    flags: Uint8Array.from(spans.flags),
    startNs,
    durationNs,
    shiftNs: skew.shiftNs,
    skewAdjustedCount: skew.adjustedCount,
    durationTotalNs: size > 0 ? last - first : 0,
    tree,
    missingParentIds,
    criticalPath: computeCriticalPath(tree, startNs, durationNs),
    selfTimeNs: computeSelfTimes(tree, startNs, durationNs),
    errorSpans: Int32Array.from(errors),
    indexBySpanId,
  };
}

export function isError(model: TraceModel, span: number): boolean {
  return model.status[span] === STATUS_ERROR;
}

export function hasFlag(model: TraceModel, span: number, flag: number): boolean {
  return (model.flags[span]! & flag) !== 0;
}

export { SPAN_FLAG };
