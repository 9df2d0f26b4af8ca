// One OTLP metric data point → one MetricPointRecord. Throws ItemRejection for a point that
// must be rejected; the metric identity is shared by all points of a metric.

import { int32Flags, requireCount } from "../field-limits";
import { convertAttributes, convertAttributesIn } from "./attributes";
import { int64ToNumber, uint64ToBigInt } from "./int64";
import type {
  AggregationTemporalityNumber,
  Attributes,
  ExemplarRecord,
  ExponentialBuckets,
  MetricPointRecord,
  ResourceInfo,
  ScopeInfo,
} from "./model";
import type {
  PbBuckets,
  PbExemplar,
  PbExponentialHistogramDataPoint,
  PbHistogramDataPoint,
  PbNumberDataPoint,
  PbSummaryDataPoint,
  LongLike,
} from "./otlp-messages";
import { ItemRejection, optionalId, requireTime, type TimeWindow } from "./validate";

export interface MetricIdentity {
  name: string;
  description: string;
  unit: string;
  aggregationTemporality: AggregationTemporalityNumber;
  isMonotonic: boolean;
  metadata: Attributes;
  resource: ResourceInfo;
  scope: ScopeInfo;
  serviceName: string;
}

/** OTLP DataPointFlags.NO_RECORDED_VALUE: the point marks a gap (a staleness marker). */
const NO_RECORDED_VALUE = 1;


type PointBase = MetricIdentity & {
  attributes: Attributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  flags: number;
  exemplars: ExemplarRecord[];
};

function pointBase(
  identity: MetricIdentity,
  point: PbNumberDataPoint | PbHistogramDataPoint | PbExponentialHistogramDataPoint | PbSummaryDataPoint,
  exemplars: readonly PbExemplar[],
  window: TimeWindow,
): PointBase {
  const timeUnixNano = uint64ToBigInt(point.timeUnixNano);
  // OTLP: "Data points with the 0 value for TimeUnixNano SHOULD be rejected by consumers."
  if (timeUnixNano === 0n) throw new ItemRejection("timeUnixNano is missing");
  requireTime("timeUnixNano", timeUnixNano, window);
  const startTimeUnixNano = uint64ToBigInt(point.startTimeUnixNano);
  if (startTimeUnixNano !== 0n) {
    requireTime("startTimeUnixNano", startTimeUnixNano, window);
    if (startTimeUnixNano > timeUnixNano) {
      throw new ItemRejection(`startTimeUnixNano ${startTimeUnixNano} is after timeUnixNano ${timeUnixNano}`);
    }
  }
  return {
    ...identity,
    attributes: convertAttributes(point.attributes),
    startTimeUnixNano,
    timeUnixNano,
    flags: int32Flags(point.flags),
    exemplars: exemplars.map(convertExemplar),
  };
}

export function convertNumberPoint(
  type: "gauge" | "sum",
  identity: MetricIdentity,
  point: PbNumberDataPoint,
  window: TimeWindow,
): MetricPointRecord {
  let value: number | null;
  if (Object.hasOwn(point, "asInt") && point.asInt != null) value = int64ToNumber(point.asInt);
  else if (Object.hasOwn(point, "asDouble") && point.asDouble != null) value = point.asDouble;
  else if (point.flags & NO_RECORDED_VALUE) value = null;
  else throw new ItemRejection("data point has neither asInt nor asDouble");
  return { ...pointBase(identity, point, point.exemplars, window), type, value };
}

export function convertHistogramPoint(
  identity: MetricIdentity,
  point: PbHistogramDataPoint,
  window: TimeWindow,
): MetricPointRecord {
  const bucketCounts = counts("bucketCounts", point.bucketCounts);
  const explicitBounds = point.explicitBounds;
  const consistent =
    bucketCounts.length === 0 ? explicitBounds.length === 0 : bucketCounts.length === explicitBounds.length + 1;
  if (!consistent) {
    throw new ItemRejection(
      `histogram has ${bucketCounts.length} bucket counts for ${explicitBounds.length} explicit bounds`,
    );
  }
  return {
    ...pointBase(identity, point, point.exemplars, window),
    type: "histogram",
    count: requireCount("count", int64ToNumber(point.count)),
    sum: point.sum ?? null,
    min: point.min ?? null,
    max: point.max ?? null,
    bucketCounts,
    explicitBounds,
  };
}

export function convertExponentialHistogramPoint(
  identity: MetricIdentity,
  point: PbExponentialHistogramDataPoint,
  window: TimeWindow,
): MetricPointRecord {
  return {
    ...pointBase(identity, point, point.exemplars, window),
    type: "exponential_histogram",
    count: requireCount("count", int64ToNumber(point.count)),
    sum: point.sum ?? null,
    min: point.min ?? null,
    max: point.max ?? null,
    scale: point.scale,
    zeroCount: requireCount("zeroCount", int64ToNumber(point.zeroCount)),
    zeroThreshold: point.zeroThreshold,
    positive: buckets("positive", point.positive),
    negative: buckets("negative", point.negative),
  };
}

export function convertSummaryPoint(
  identity: MetricIdentity,
  point: PbSummaryDataPoint,
  window: TimeWindow,
): MetricPointRecord {
  return {
    ...pointBase(identity, point, [], window),
    type: "summary",
    count: requireCount("count", int64ToNumber(point.count)),
    sum: point.sum,
    quantileValues: point.quantileValues.map((q) => ({ quantile: q.quantile, value: q.value })),
  };
}

function convertExemplar(exemplar: PbExemplar, i: number): ExemplarRecord {
  let value: number;
  if (Object.hasOwn(exemplar, "asInt") && exemplar.asInt != null) value = int64ToNumber(exemplar.asInt);
  else if (Object.hasOwn(exemplar, "asDouble") && exemplar.asDouble != null) value = exemplar.asDouble;
  else throw new ItemRejection(`exemplar ${i} has neither asInt nor asDouble`);
  return {
    timeUnixNano: uint64ToBigInt(exemplar.timeUnixNano),
    value,
    // Exemplar trace context is optional; an invalid id just means "not linked to a trace".
    traceId: optionalId(exemplar.traceId, 16),
    spanId: optionalId(exemplar.spanId, 8),
    filteredAttributes: convertAttributesIn(`exemplar ${i}`, exemplar.filteredAttributes),
  };
}

function buckets(field: string, value: PbBuckets | null): ExponentialBuckets {
  return { offset: value?.offset ?? 0, bucketCounts: value ? counts(`${field}.bucketCounts`, value.bucketCounts) : [] };
}

function counts(field: string, values: readonly LongLike[]): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = requireCount(`${field}[${i}]`, int64ToNumber(values[i] as LongLike));
  return out;
}
