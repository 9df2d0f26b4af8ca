// ExportMetricsServiceRequest (protobuf or OTLP/JSON) → one validated MetricPointRecord per
// data point. The data point is the unit of acceptance, as in OTLP's `rejected_data_points`.

import { indexedName, truncateUtf8 } from "../field-limits";
import { convertAttributes } from "./attributes";
import {
  convertExponentialHistogramPoint,
  convertHistogramPoint,
  convertNumberPoint,
  convertSummaryPoint,
  type MetricIdentity,
} from "./convert-data-points";
import type { AggregationTemporalityNumber, DecodeResult, MetricPointRecord, MetricType, OtlpEncoding, ScopeInfo } from "./model";
import { type HexIdFields, jsonItem, jsonList, jsonMessage, jsonObject, jsonString } from "./otlp-json";
import {
  InvalidItem,
  type Item,
  type PbExponentialHistogramDataPoint,
  type PbHistogramDataPoint,
  type PbKeyValue,
  type PbMetric,
  type PbMetricsRequest,
  type PbNumberDataPoint,
  type PbResource,
  type PbScope,
  type PbSummaryDataPoint,
} from "./otlp-messages";
import { otlpTypes } from "./otlp-root";
import { otlpTypes as shallow } from "./otlp-shallow-root";
import { decodeProtobufItem, decodeProtobufRequest, parseJsonBody } from "./parse-otlp-request";
import { convertResource, convertScope, type ResourceContext, warnTruncatedService } from "./resource-scope";
import { type DecodeOptions, ItemRejection, Rejections, type TimeWindow, timeWindow } from "./validate";

export function decodeMetrics(
  body: Uint8Array,
  encoding: OtlpEncoding,
  options: DecodeOptions = {},
): DecodeResult<MetricPointRecord> {
  const request =
    encoding === "protobuf"
      ? metricsRequestFromProtobuf(body)
      : metricsRequestFromJson(parseJsonBody(body));
  const window = timeWindow(options.now);
  const rejections = new Rejections();
  const records: MetricPointRecord[] = [];

  request.resourceMetrics.forEach((resourceMetrics, r) => {
    let context: ResourceContext;
    try {
      context = convertResource(resourceMetrics.resource, resourceMetrics.schemaUrl);
    } catch (error) {
      const points = resourceMetrics.scopeMetrics.reduce((n, s) => n + s.metrics.reduce(countPoints, 0), 0);
      rejections.absorb(error, points, `resource ${r}`);
      return;
    }
    warnTruncatedService(context, `resource ${r}`, rejections);
    resourceMetrics.scopeMetrics.forEach((scopeMetrics, s) => {
      let scope: ScopeInfo;
      try {
        scope = convertScope(scopeMetrics.scope, scopeMetrics.schemaUrl);
      } catch (error) {
        rejections.absorb(error, scopeMetrics.metrics.reduce(countPoints, 0), `scope ${s} of resource ${r}`);
        return;
      }
      for (const metric of scopeMetrics.metrics) {
        convertMetric(metric, context, scope, window, `resource ${r}`, rejections, records);
      }
    });
  });
  return { records, rejected: rejections.count, errors: rejections.messages };
}

interface MetricData {
  type: MetricType;
  points: Item<unknown>[];
  aggregationTemporality: number;
  isMonotonic: boolean;
}

function metricData(metric: PbMetric): MetricData | null {
  if (metric.gauge) return { type: "gauge", points: metric.gauge.dataPoints, aggregationTemporality: 0, isMonotonic: false };
  if (metric.sum) {
    const { dataPoints, aggregationTemporality, isMonotonic } = metric.sum;
    return { type: "sum", points: dataPoints, aggregationTemporality, isMonotonic };
  }
  if (metric.histogram) {
    const { dataPoints, aggregationTemporality } = metric.histogram;
    return { type: "histogram", points: dataPoints, aggregationTemporality, isMonotonic: false };
  }
  if (metric.exponentialHistogram) {
    const { dataPoints, aggregationTemporality } = metric.exponentialHistogram;
    return { type: "exponential_histogram", points: dataPoints, aggregationTemporality, isMonotonic: false };
  }
  if (metric.summary) return { type: "summary", points: metric.summary.dataPoints, aggregationTemporality: 0, isMonotonic: false };
  return null;
}

function countPoints(total: number, metric: PbMetric): number {
  return total + (metricData(metric)?.points.length ?? 0);
}

function convertMetric(
  metric: PbMetric,
  context: ResourceContext,
  scope: ScopeInfo,
  window: TimeWindow,
  resourceWhere: string,
  rejections: Rejections,
  records: MetricPointRecord[],
): void {
  // A metric without data has no points, so there is nothing to store or to count as rejected.
  const data = metricData(metric);
  if (!data) return;
  const metricWhere = `metric "${truncateUtf8(metric.name, 100).value}" in ${resourceWhere}`;
  let identity: MetricIdentity;
  try {
    const temporality = data.aggregationTemporality;
    if (!(temporality >= 0 && temporality <= 2)) {
      throw new ItemRejection(`aggregationTemporality must be 0..2, got ${temporality}`);
    }
    const name = indexedName(metric.name);
    if (name.cutBytes > 0) {
      rejections.warn(`${metricWhere}: name truncated to ${Buffer.byteLength(name.value)} bytes (${name.cutBytes} bytes cut)`);
    }
    identity = {
      name: name.value,
      description: metric.description,
      unit: metric.unit,
      aggregationTemporality: temporality as AggregationTemporalityNumber,
      isMonotonic: data.isMonotonic,
      metadata: convertAttributes(metric.metadata),
      resource: context.resource,
      scope,
      serviceName: context.serviceName,
    };
  } catch (error) {
    rejections.absorb(error, data.points.length, metricWhere);
    return;
  }
  data.points.forEach((point, i) => {
    const where = `data point ${i} of ${metricWhere}`;
    if (point instanceof InvalidItem) {
      rejections.reject(1, `${where}: ${point.reason}`);
      return;
    }
    try {
      records.push(convertPoint(data.type, identity, point, window));
    } catch (error) {
      rejections.absorb(error, 1, where);
    }
  });
}

function convertPoint(type: MetricType, identity: MetricIdentity, point: unknown, window: TimeWindow): MetricPointRecord {
  switch (type) {
    case "gauge":
    case "sum":
      return convertNumberPoint(type, identity, point as PbNumberDataPoint, window);
    case "histogram":
      return convertHistogramPoint(identity, point as PbHistogramDataPoint, window);
    case "exponential_histogram":
      return convertExponentialHistogramPoint(identity, point as PbExponentialHistogramDataPoint, window);
    case "summary":
      return convertSummaryPoint(identity, point as PbSummaryDataPoint, window);
  }
}

// JSON field name of each Metric.data member, with the message type of its data points.
const DATA_FIELDS = [
  ["gauge", otlpTypes.numberDataPoint],
  ["sum", otlpTypes.numberDataPoint],
  ["histogram", otlpTypes.histogramDataPoint],
  ["exponentialHistogram", otlpTypes.exponentialHistogramDataPoint],
  ["summary", otlpTypes.summaryDataPoint],
] as const;

const POINT_IDS: HexIdFields = { fields: [], lists: { exemplars: ["traceId", "spanId"] } };

function metricsRequestFromJson(json: unknown): PbMetricsRequest {
  const body = jsonObject(json, "the request body");
  return {
    resourceMetrics: jsonList(body, "resourceMetrics", "").map((value, r) => {
      const where = `resourceMetrics[${r}]`;
      const resourceMetrics = jsonObject(value, where);
      return {
        resource: jsonMessage<PbResource>(otlpTypes.resource, resourceMetrics.resource),
        schemaUrl: jsonString(resourceMetrics, "schemaUrl", where),
        scopeMetrics: jsonList(resourceMetrics, "scopeMetrics", where).map((scopeValue, s) => {
          const scopeWhere = `${where}.scopeMetrics[${s}]`;
          const scopeMetrics = jsonObject(scopeValue, scopeWhere);
          return {
            scope: jsonMessage<PbScope>(otlpTypes.scope, scopeMetrics.scope),
            schemaUrl: jsonString(scopeMetrics, "schemaUrl", scopeWhere),
            metrics: jsonList(scopeMetrics, "metrics", scopeWhere).map((metric, m) =>
              metricFromJson(metric, `${scopeWhere}.metrics[${m}]`),
            ),
          };
        }),
      };
    }),
  };
}

/**
 * The metric's identity through fromObject as a whole; its data points one by one. A metric
 * whose identity is malformed refuses all its points, with the reason.
 */
function metricFromJson(value: unknown, where: string): PbMetric {
  const metric = jsonObject(value, where);
  const field = DATA_FIELDS.find(([name]) => metric[name] != null);
  if (!field) return orEmptyMetric(jsonMessage<PbMetric>(otlpTypes.metric, metric));
  const [name, pointType] = field;
  const data = jsonObject(metric[name], `${where}.${name}`);
  const points = jsonList(data, "dataPoints", `${where}.${name}`);
  const shell = jsonMessage<PbMetric>(otlpTypes.metric, { ...metric, [name]: { ...data, dataPoints: [] } });
  if (shell instanceof InvalidItem || !shell?.[name]) {
    const reason = shell instanceof InvalidItem ? shell.reason : `${name} is missing`;
    return { ...emptyMetric(), name: typeof metric.name === "string" ? metric.name : "", [name]: { ...emptyData(), dataPoints: points.map(() => new InvalidItem(`metric: ${reason}`)) } };
  }
  shell[name].dataPoints = points.map((point) => jsonItem<never>(pointType, point, POINT_IDS));
  return shell;
}

interface ShallowData {
  dataPoints: Uint8Array[];
  aggregationTemporality: number;
  isMonotonic: boolean;
}

interface ShallowMetric {
  name: string;
  description: string;
  unit: string;
  gauge: ShallowData | null;
  sum: ShallowData | null;
  histogram: ShallowData | null;
  exponentialHistogram: ShallowData | null;
  summary: ShallowData | null;
  metadata: Uint8Array[];
}

interface ShallowMetricsRequest {
  resourceMetrics: { resource: Uint8Array; schemaUrl: string; scopeMetrics: { scope: Uint8Array; schemaUrl: string; metrics: ShallowMetric[] }[] }[];
}

function metricsRequestFromProtobuf(body: Uint8Array): PbMetricsRequest {
  const request = decodeProtobufRequest<ShallowMetricsRequest>(shallow.metricsRequest, body);
  return {
    resourceMetrics: request.resourceMetrics.map((resourceMetrics) => ({
      resource: decodeProtobufItem<PbResource>(otlpTypes.resource, resourceMetrics.resource),
      schemaUrl: resourceMetrics.schemaUrl,
      scopeMetrics: resourceMetrics.scopeMetrics.map((scopeMetrics) => ({
        scope: decodeProtobufItem<PbScope>(otlpTypes.scope, scopeMetrics.scope),
        schemaUrl: scopeMetrics.schemaUrl,
        metrics: scopeMetrics.metrics.map(metricFromProtobuf),
      })),
    })),
  };
}

/** Metadata entries and data points decoded one by one; bad metadata refuses every point. */
function metricFromProtobuf(metric: ShallowMetric): PbMetric {
  const metadata = metric.metadata.map((entry) => decodeProtobufItem<PbKeyValue>(otlpTypes.keyValue, entry));
  const badMetadata = metadata.find((entry) => entry instanceof InvalidItem);
  const out: PbMetric = { ...emptyMetric(), name: metric.name, description: metric.description, unit: metric.unit };
  out.metadata = badMetadata ? [] : (metadata as PbKeyValue[]);
  for (const [name, pointType] of DATA_FIELDS) {
    const data = metric[name];
    if (!data) continue;
    const dataPoints = data.dataPoints.map((point) =>
      badMetadata ? new InvalidItem(`metric metadata: ${badMetadata.reason}`) : decodeProtobufItem<never>(pointType, point),
    );
    out[name] = { dataPoints, aggregationTemporality: data.aggregationTemporality, isMonotonic: data.isMonotonic };
  }
  return out;
}

function emptyData() {
  return { dataPoints: [], aggregationTemporality: 0, isMonotonic: false };
}

function emptyMetric(): PbMetric {
  return { name: "", description: "", unit: "", gauge: null, sum: null, histogram: null, exponentialHistogram: null, summary: null, metadata: [] };
}

/** A metric without data points whose identity is malformed has nothing to refuse. */
function orEmptyMetric(metric: Item<PbMetric> | null): PbMetric {
  return metric instanceof InvalidItem || metric === null ? emptyMetric() : metric;
}
