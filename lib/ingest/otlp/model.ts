// Records the OTLP decoders hand to the store writer: plain objects, no protobuf types.
//
// Units: every `...UnixNano` field is a `bigint` count of nanoseconds since the Unix epoch,
// exactly as OTLP sends it (a JS number cannot hold it: 2^53 ns is only ~104 days). Durations
// are never precomputed here; subtract two `...UnixNano` values. Ids are lowercase hex
// (trace 32 chars, span 16). Counts (dropped*, bucket counts) are plain numbers.

/** An attribute, log body or other OTLP `AnyValue`, flattened to JSON-compatible data. */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };

/**
 * `AnyValue` mapping: kvlist → object, array → array, bytes → base64 string,
 * int64 → number when it is a safe integer, else its decimal string. An empty AnyValue → null.
 */
export type Attributes = Record<string, AttrValue>;

export interface ResourceInfo {
  attributes: Attributes;
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface ScopeInfo {
  name: string;
  version: string;
  attributes: Attributes;
  droppedAttributesCount: number;
  schemaUrl: string;
}

/** OTLP `SpanKind`: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export type SpanKindNumber = 0 | 1 | 2 | 3 | 4 | 5;

/** OTLP `Status.StatusCode`: 0 unset, 1 ok, 2 error. */
export type StatusCodeNumber = 0 | 1 | 2;

export interface SpanEventRecord {
  timeUnixNano: bigint;
  name: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface SpanLinkRecord {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Attributes;
  droppedAttributesCount: number;
  flags: number;
}

export interface SpanRecord {
  traceId: string;
  spanId: string;
  /** Null for a root span (empty `parent_span_id`). */
  parentSpanId: string | null;
  traceState: string;
  flags: number;
  name: string;
  kind: SpanKindNumber;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: SpanEventRecord[];
  droppedEventsCount: number;
  links: SpanLinkRecord[];
  droppedLinksCount: number;
  status: { code: StatusCodeNumber; message: string };
  resource: ResourceInfo;
  scope: ScopeInfo;
  /** Resource `service.name`, or "unknown_service" as the SDK specification prescribes. */
  serviceName: string;
}

export type MetricType = "gauge" | "sum" | "histogram" | "exponential_histogram" | "summary";

/** OTLP `AggregationTemporality`: 0 unspecified (gauge, summary), 1 delta, 2 cumulative. */
export type AggregationTemporalityNumber = 0 | 1 | 2;

export interface ExemplarRecord {
  timeUnixNano: bigint;
  value: number;
  traceId: string | null;
  spanId: string | null;
  filteredAttributes: Attributes;
}

export interface ExponentialBuckets {
  offset: number;
  bucketCounts: number[];
}

interface MetricPointBase {
  name: string;
  description: string;
  unit: string;
  /** For sum, histogram and exponential histogram; 0 for gauge and summary. */
  aggregationTemporality: AggregationTemporalityNumber;
  /** Only sums can be monotonic; false for every other type. */
  isMonotonic: boolean;
  /** The metric's non-identifying `metadata` key/values. */
  metadata: Attributes;
  attributes: Attributes;
  resource: ResourceInfo;
  scope: ScopeInfo;
  serviceName: string;
  /** 0n when the sender did not set it (gauges usually do not). */
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  flags: number;
  exemplars: ExemplarRecord[];
}

export interface NumberPointRecord extends MetricPointBase {
  type: "gauge" | "sum";
  /** `as_int` or `as_double`; null only on points flagged NO_RECORDED_VALUE. */
  value: number | null;
}

export interface HistogramPointRecord extends MetricPointBase {
  type: "histogram";
  count: number;
  sum: number | null;
  min: number | null;
  max: number | null;
  bucketCounts: number[];
  explicitBounds: number[];
}

export interface ExponentialHistogramPointRecord extends MetricPointBase {
  type: "exponential_histogram";
  count: number;
  sum: number | null;
  min: number | null;
  max: number | null;
  scale: number;
  zeroCount: number;
  zeroThreshold: number;
  positive: ExponentialBuckets;
  negative: ExponentialBuckets;
}

export interface SummaryPointRecord extends MetricPointBase {
  type: "summary";
  count: number;
  sum: number;
  quantileValues: { quantile: number; value: number }[];
}

/** One record per OTLP data point, carrying its metric's identity. */
export type MetricPointRecord =
  | NumberPointRecord
  | HistogramPointRecord
  | ExponentialHistogramPointRecord
  | SummaryPointRecord;

export interface LogRecordRecord {
  /** The event time, or the observed time when the sender left it 0 (OTLP's recommendation). */
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  body: AttrValue;
  attributes: Attributes;
  droppedAttributesCount: number;
  flags: number;
  traceId: string | null;
  spanId: string | null;
  eventName: string;
  resource: ResourceInfo;
  scope: ScopeInfo;
  serviceName: string;
}

/** What every decoder returns: accepted records plus the OTLP partial-success tally. */
export interface DecodeResult<R> {
  records: R[];
  /** Items (spans, data points, log records) dropped by validation. */
  rejected: number;
  /** Short messages for the first few rejected items. */
  errors: string[];
}

export type OtlpEncoding = "protobuf" | "json";
export type OtlpSignal = "traces" | "metrics" | "logs";
