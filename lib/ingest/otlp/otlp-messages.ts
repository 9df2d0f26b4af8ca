// The shapes protobufjs produces for the OTLP messages this module reads, both from
// `Type.decode` (protobuf bodies) and `Type.fromObject` (JSON bodies), so the converters
// are typed without generated code. Only fields we read are listed.
//
// Two protobufjs behaviours every reader must respect:
// - 64-bit fields are `Long` instances (the `long` package is installed), never numbers.
// - Unset scalar and oneof members are served from the prototype with their default
//   (e.g. `stringValue === ""`), so "which oneof member is set" must be asked with
//   `Object.hasOwn`, not by comparing against undefined. Message fields default to null.

export interface LongLike {
  low: number;
  high: number;
  unsigned: boolean;
  toString(radix?: number): string;
}

export interface PbKeyValue {
  key: string;
  value: PbAnyValue | null;
}

export interface PbAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: LongLike;
  doubleValue?: number;
  arrayValue?: { values: PbAnyValue[] } | null;
  kvlistValue?: { values: PbKeyValue[] } | null;
  bytesValue?: Uint8Array;
}

export interface PbResource {
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
}

export interface PbScope {
  name: string;
  version: string;
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
}

export interface PbSpanEvent {
  timeUnixNano: LongLike;
  name: string;
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
}

export interface PbSpanLink {
  traceId: Uint8Array;
  spanId: Uint8Array;
  traceState: string;
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
  flags: number;
}

export interface PbSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  traceState: string;
  parentSpanId: Uint8Array;
  flags: number;
  name: string;
  kind: number;
  startTimeUnixNano: LongLike;
  endTimeUnixNano: LongLike;
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
  events: PbSpanEvent[];
  droppedEventsCount: number;
  links: PbSpanLink[];
  droppedLinksCount: number;
  status: { message: string; code: number } | null;
}

export interface PbExemplar {
  filteredAttributes: PbKeyValue[];
  timeUnixNano: LongLike;
  asDouble?: number;
  asInt?: LongLike;
  spanId: Uint8Array;
  traceId: Uint8Array;
}

interface PbPointBase {
  attributes: PbKeyValue[];
  startTimeUnixNano: LongLike;
  timeUnixNano: LongLike;
  flags: number;
}

export interface PbNumberDataPoint extends PbPointBase {
  asDouble?: number;
  asInt?: LongLike;
  exemplars: PbExemplar[];
}

export interface PbHistogramDataPoint extends PbPointBase {
  count: LongLike;
  sum: number | null;
  bucketCounts: LongLike[];
  explicitBounds: number[];
  exemplars: PbExemplar[];
  min: number | null;
  max: number | null;
}

export interface PbBuckets {
  offset: number;
  bucketCounts: LongLike[];
}

export interface PbExponentialHistogramDataPoint extends PbPointBase {
  count: LongLike;
  sum: number | null;
  scale: number;
  zeroCount: LongLike;
  positive: PbBuckets | null;
  negative: PbBuckets | null;
  exemplars: PbExemplar[];
  min: number | null;
  max: number | null;
  zeroThreshold: number;
}

export interface PbSummaryDataPoint extends PbPointBase {
  count: LongLike;
  sum: number;
  quantileValues: { quantile: number; value: number }[];
}

/**
 * An item (or the resource, scope or metric above items) that could not be turned into a
 * message: a JSON value of the wrong type or a bad hex id, or protobuf bytes that do not
 * decode (malformed, or nested too deeply). It travels in place of the message so the
 * converter counts the items it covers as rejected with this reason.
 */
export class InvalidItem {
  constructor(readonly reason: string) {}
}

export type Item<T> = T | InvalidItem;

type Points<P> = { dataPoints: Item<P>[] };

export function isInvalid(value: unknown): value is InvalidItem {
  return value instanceof InvalidItem;
}

export interface PbMetric {
  name: string;
  description: string;
  unit: string;
  gauge: Points<PbNumberDataPoint> | null;
  sum: (Points<PbNumberDataPoint> & { aggregationTemporality: number; isMonotonic: boolean }) | null;
  histogram: (Points<PbHistogramDataPoint> & { aggregationTemporality: number }) | null;
  exponentialHistogram: (Points<PbExponentialHistogramDataPoint> & { aggregationTemporality: number }) | null;
  summary: Points<PbSummaryDataPoint> | null;
  metadata: PbKeyValue[];
}

export interface PbLogRecord {
  timeUnixNano: LongLike;
  observedTimeUnixNano: LongLike;
  severityNumber: number;
  severityText: string;
  body: PbAnyValue | null;
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
  flags: number;
  traceId: Uint8Array;
  spanId: Uint8Array;
  eventName: string;
}

interface PbResourceGroup {
  resource: Item<PbResource> | null;
  schemaUrl: string;
}

interface PbScopeGroup {
  scope: Item<PbScope> | null;
  schemaUrl: string;
}

export interface PbTracesRequest {
  resourceSpans: (PbResourceGroup & { scopeSpans: (PbScopeGroup & { spans: Item<PbSpan>[] })[] })[];
}

export interface PbMetricsRequest {
  resourceMetrics: (PbResourceGroup & { scopeMetrics: (PbScopeGroup & { metrics: PbMetric[] })[] })[];
}

export interface PbLogsRequest {
  resourceLogs: (PbResourceGroup & { scopeLogs: (PbScopeGroup & { logRecords: Item<PbLogRecord>[] })[] })[];
}
