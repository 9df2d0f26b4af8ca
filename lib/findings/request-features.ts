import { buildSpanTree } from "@/lib/trace/build-span-tree";
import { computeSelfTimes } from "@/lib/trace/compute-self-time";
import { spanKindName } from "@/lib/query/span-codes";
import type { SlowFeature } from "./schemas";

// What one request was made of, as the features BubbleUp counts: the services, operations and
// span kinds below the request's span, the attribute values its spans carried (business
// attributes included), where it failed, and where it waited — a span whose own time (not
// covered by its children) took at least WAITED_SHARE of the request and MIN_WAITED_MS (so a
// 1 ms pool checkout in a 4 ms request is not "waiting", or the baseline would be full of it).

export interface FeatureSpan {
  spanId: string;
  parentSpanId: string | null;
  service: string;
  name: string;
  kind: number;
  /** nanoseconds from any common origin within the trace */
  startNs: number;
  durationNs: number;
  error: boolean;
  attributes: Record<string, unknown>;
}

export const WAITED_SHARE = 0.2;
export const MIN_WAITED_MS = 5;
/** Long values (SQL text, URLs with queries, stack traces) are not values a person compares. */
const MAX_VALUE_LENGTH = 80;
/** Keys whose values are per request by nature: never shared, so never a difference. */
const PER_REQUEST_KEYS = /(^|\.)(trace_?id|span_?id|traceparent)$|^db\.query\.text$|^db\.statement$|^exception\.stacktrace$/;
/** A runaway span must not make one request weigh more than the rest. */
const MAX_FEATURES = 400;

export const featureId = (feature: SlowFeature): string => JSON.stringify(Object.values(feature));

export function requestFeatures(spans: readonly FeatureSpan[], requestSpanId: string): SlowFeature[] {
  const index = new Map(spans.map((span, i) => [span.spanId, i]));
  const request = index.get(requestSpanId);
  if (request === undefined) return [];
  const parentIndex = spans.map((span) => (span.parentSpanId === null ? -1 : (index.get(span.parentSpanId) ?? -1)));
  const startNs = spans.map((span) => span.startNs);
  const durationNs = spans.map((span) => span.durationNs);
  const tree = buildSpanTree(parentIndex, startNs);
  const selfNs = computeSelfTimes(tree, startNs, durationNs);
  const first = tree.preorderIndex[request]!;
  const subtree = tree.preorder.subarray(first, first + tree.subtreeSize[request]!);
  const requestNs = Math.max(1, spans[request]!.durationNs);

  const features = new Map<string, SlowFeature>();
  const add = (feature: SlowFeature) => {
    if (features.size < MAX_FEATURES) features.set(featureId(feature), feature);
  };
  for (const i of subtree) {
    const span = spans[i]!;
    if (selfNs[i]! >= WAITED_SHARE * requestNs && selfNs[i]! >= MIN_WAITED_MS * 1e6) add({ type: "waited", service: span.service, operation: span.name });
    if (span.error) add({ type: "error", service: span.service, operation: span.name });
    // The request span's own operation counts too: for a whole service's requests, which
    // operation was slow is a difference; for one operation it is shared by all, so none.
    add({ type: "service", service: span.service });
    add({ type: "operation", service: span.service, operation: span.name });
    add({ type: "kind", service: span.service, kind: spanKindName(span.kind) });
    for (const [key, raw] of Object.entries(span.attributes)) {
      if (PER_REQUEST_KEYS.test(key) || (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean")) continue;
      const value = String(raw);
      if (value.length <= MAX_VALUE_LENGTH) add({ type: "attribute", key, value });
    }
  }
  return [...features.values()];
}
