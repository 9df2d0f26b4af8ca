// ExportLogsServiceRequest (protobuf or OTLP/JSON) → validated LogRecordRecords.

import { clampInt32Count, int32Flags } from "../field-limits";
import { convertAnyValue, convertAttributes } from "./attributes";
import { uint64ToBigInt } from "./int64";
import type { DecodeResult, LogRecordRecord, OtlpEncoding, ScopeInfo } from "./model";
import { type HexIdFields, jsonItem, jsonList, jsonMessage, jsonObject, jsonString } from "./otlp-json";
import { InvalidItem, type PbLogRecord, type PbLogsRequest, type PbResource, type PbScope } from "./otlp-messages";
import { otlpTypes } from "./otlp-root";
import { otlpTypes as shallow } from "./otlp-shallow-root";
import { decodeProtobufItem, decodeProtobufRequest, parseJsonBody } from "./parse-otlp-request";
import { convertResource, convertScope, type ResourceContext, warnTruncatedService } from "./resource-scope";
import {
  type DecodeOptions,
  ItemRejection,
  optionalId,
  Rejections,
  requireTime,
  type TimeWindow,
  timeWindow,
} from "./validate";

export function decodeLogs(
  body: Uint8Array,
  encoding: OtlpEncoding,
  options: DecodeOptions = {},
): DecodeResult<LogRecordRecord> {
  const request =
    encoding === "protobuf"
      ? logsRequestFromProtobuf(body)
      : logsRequestFromJson(parseJsonBody(body));
  const window = timeWindow(options.now);
  const rejections = new Rejections();
  const records: LogRecordRecord[] = [];

  request.resourceLogs.forEach((resourceLogs, r) => {
    let context: ResourceContext;
    try {
      context = convertResource(resourceLogs.resource, resourceLogs.schemaUrl);
    } catch (error) {
      const count = resourceLogs.scopeLogs.reduce((n, s) => n + s.logRecords.length, 0);
      rejections.absorb(error, count, `resource ${r}`);
      return;
    }
    warnTruncatedService(context, `resource ${r}`, rejections);
    let index = 0;
    resourceLogs.scopeLogs.forEach((scopeLogs, s) => {
      let scope: ScopeInfo;
      try {
        scope = convertScope(scopeLogs.scope, scopeLogs.schemaUrl);
      } catch (error) {
        rejections.absorb(error, scopeLogs.logRecords.length, `scope ${s} of resource ${r}`);
        index += scopeLogs.logRecords.length;
        return;
      }
      for (const logRecord of scopeLogs.logRecords) {
        const where = `log record ${index++} of resource ${r}`;
        if (logRecord instanceof InvalidItem) {
          rejections.reject(1, `${where}: ${logRecord.reason}`);
          continue;
        }
        try {
          records.push(convertLogRecord(logRecord, context, scope, window));
        } catch (error) {
          rejections.absorb(error, 1, where);
        }
      }
    });
  });
  return { records, rejected: rejections.count, errors: rejections.messages };
}

function convertLogRecord(
  log: PbLogRecord,
  context: ResourceContext,
  scope: ScopeInfo,
  window: TimeWindow,
): LogRecordRecord {
  const observedTimeUnixNano = uint64ToBigInt(log.observedTimeUnixNano);
  const eventTimeUnixNano = uint64ToBigInt(log.timeUnixNano);
  // OTLP: "Use time_unix_nano if it is present, otherwise use observed_time_unix_nano."
  const [timeField, timeUnixNano] =
    eventTimeUnixNano !== 0n
      ? (["timeUnixNano", eventTimeUnixNano] as const)
      : (["observedTimeUnixNano", observedTimeUnixNano] as const);
  if (timeUnixNano === 0n) throw new ItemRejection("neither timeUnixNano nor observedTimeUnixNano is set");
  requireTime(timeField, timeUnixNano, window);
  // Unset (0) is allowed; a set observed time must be as plausible as the event time.
  if (observedTimeUnixNano !== 0n) requireTime("observedTimeUnixNano", observedTimeUnixNano, window);
  // OTLP SeverityNumber is 0 (unspecified) to 24; the column is a smallint.
  if (!(log.severityNumber >= 0 && log.severityNumber <= 24)) {
    throw new ItemRejection(`severityNumber must be 0..24, got ${log.severityNumber}`);
  }

  return {
    timeUnixNano,
    observedTimeUnixNano,
    severityNumber: log.severityNumber,
    severityText: log.severityText,
    body: convertAnyValue(log.body, "body", 1),
    attributes: convertAttributes(log.attributes),
    droppedAttributesCount: clampInt32Count(log.droppedAttributesCount),
    flags: int32Flags(log.flags),
    // A log's trace context is optional, and the spec tells receivers to treat an invalid
    // id as absent rather than to drop the record.
    traceId: optionalId(log.traceId, 16),
    spanId: optionalId(log.spanId, 8),
    eventName: log.eventName,
    resource: context.resource,
    scope,
    serviceName: context.serviceName,
  };
}

const LOG_IDS: HexIdFields = { fields: ["traceId", "spanId"] };

interface ShallowLogsRequest {
  resourceLogs: { resource: Uint8Array; schemaUrl: string; scopeLogs: { scope: Uint8Array; schemaUrl: string; logRecords: Uint8Array[] }[] }[];
}

function logsRequestFromProtobuf(body: Uint8Array): PbLogsRequest {
  const request = decodeProtobufRequest<ShallowLogsRequest>(shallow.logsRequest, body);
  return {
    resourceLogs: request.resourceLogs.map((resourceLogs) => ({
      resource: decodeProtobufItem<PbResource>(otlpTypes.resource, resourceLogs.resource),
      schemaUrl: resourceLogs.schemaUrl,
      scopeLogs: resourceLogs.scopeLogs.map((scopeLogs) => ({
        scope: decodeProtobufItem<PbScope>(otlpTypes.scope, scopeLogs.scope),
        schemaUrl: scopeLogs.schemaUrl,
        logRecords: scopeLogs.logRecords.map((log) => decodeProtobufItem<PbLogRecord>(otlpTypes.logRecord, log)),
      })),
    })),
  };
}

function logsRequestFromJson(json: unknown): PbLogsRequest {
  const body = jsonObject(json, "the request body");
  return {
    resourceLogs: jsonList(body, "resourceLogs", "").map((value, r) => {
      const where = `resourceLogs[${r}]`;
      const resourceLogs = jsonObject(value, where);
      return {
        resource: jsonMessage<PbResource>(otlpTypes.resource, resourceLogs.resource),
        schemaUrl: jsonString(resourceLogs, "schemaUrl", where),
        scopeLogs: jsonList(resourceLogs, "scopeLogs", where).map((scopeValue, s) => {
          const scopeWhere = `${where}.scopeLogs[${s}]`;
          const scopeLogs = jsonObject(scopeValue, scopeWhere);
          return {
            scope: jsonMessage<PbScope>(otlpTypes.scope, scopeLogs.scope),
            schemaUrl: jsonString(scopeLogs, "schemaUrl", scopeWhere),
            logRecords: jsonList(scopeLogs, "logRecords", scopeWhere).map((log) =>
              jsonItem<PbLogRecord>(otlpTypes.logRecord, log, LOG_IDS),
            ),
          };
        }),
      };
    }),
  };
}
