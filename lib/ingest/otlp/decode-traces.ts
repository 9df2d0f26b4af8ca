// ExportTraceServiceRequest (protobuf or OTLP/JSON) → validated SpanRecords.

import { clampInt32Count, indexedName, int32Flags } from "../field-limits";
import { convertAttributes, convertAttributesIn } from "./attributes";
import { bytesToHex, isAllZero } from "./ids";
import { uint64ToBigInt } from "./int64";
import type { DecodeResult, OtlpEncoding, ScopeInfo, SpanKindNumber, SpanRecord, StatusCodeNumber } from "./model";
import { type HexIdFields, jsonItem, jsonList, jsonMessage, jsonObject, jsonString } from "./otlp-json";
import { InvalidItem, type PbResource, type PbScope, type PbSpan, type PbTracesRequest } from "./otlp-messages";
import { otlpTypes } from "./otlp-root";
import { otlpTypes as shallow } from "./otlp-shallow-root";
import { decodeProtobufItem, decodeProtobufRequest, parseJsonBody } from "./parse-otlp-request";
import { convertResource, convertScope, type ResourceContext, warnTruncatedService } from "./resource-scope";
import {
  type DecodeOptions,
  ItemRejection,
  Rejections,
  requireId,
  requireTime,
  type TimeWindow,
  timeWindow,
} from "./validate";

export function decodeTraces(
  body: Uint8Array,
  encoding: OtlpEncoding,
  options: DecodeOptions = {},
): DecodeResult<SpanRecord> {
  const request =
    encoding === "protobuf"
      ? tracesRequestFromProtobuf(body)
      : tracesRequestFromJson(parseJsonBody(body));
  const window = timeWindow(options.now);
  const rejections = new Rejections();
  const records: SpanRecord[] = [];

  request.resourceSpans.forEach((resourceSpans, r) => {
    const spanCount = resourceSpans.scopeSpans.reduce((n, s) => n + s.spans.length, 0);
    let resource: ResourceContext;
    try {
      resource = convertResource(resourceSpans.resource, resourceSpans.schemaUrl);
    } catch (error) {
      rejections.absorb(error, spanCount, `resource ${r}`);
      return;
    }
    warnTruncatedService(resource, `resource ${r}`, rejections);
    // Spans are numbered across the resource's scopes, as "span 3 of resource 0".
    let index = 0;
    resourceSpans.scopeSpans.forEach((scopeSpans, s) => {
      let scope: ScopeInfo;
      try {
        scope = convertScope(scopeSpans.scope, scopeSpans.schemaUrl);
      } catch (error) {
        rejections.absorb(error, scopeSpans.spans.length, `scope ${s} of resource ${r}`);
        index += scopeSpans.spans.length;
        return;
      }
      for (const span of scopeSpans.spans) {
        const where = `span ${index++} of resource ${r}`;
        if (span instanceof InvalidItem) {
          rejections.reject(1, `${where}: ${span.reason}`);
          continue;
        }
        try {
          records.push(convertSpan(span, resource, scope, window, (note) => rejections.warn(`${where}: ${note}`)));
        } catch (error) {
          rejections.absorb(error, 1, where);
        }
      }
    });
  });
  return { records, rejected: rejections.count, errors: rejections.messages };
}

function convertSpan(span: PbSpan, context: ResourceContext, scope: ScopeInfo, window: TimeWindow, warn: (note: string) => void): SpanRecord {
  const traceId = requireId("traceId", span.traceId, 16);
  const spanId = requireId("spanId", span.spanId, 8);
  const kind = span.kind;
  if (!(kind >= 0 && kind <= 5)) throw new ItemRejection(`kind must be 0..5, got ${kind}`);
  const code = span.status?.code ?? 0;
  if (!(code >= 0 && code <= 2)) throw new ItemRejection(`status code must be 0..2, got ${code}`);
  const startTimeUnixNano = requireTime("startTimeUnixNano", uint64ToBigInt(span.startTimeUnixNano), window);
  const endTimeUnixNano = requireTime("endTimeUnixNano", uint64ToBigInt(span.endTimeUnixNano), window);
  if (endTimeUnixNano < startTimeUnixNano) {
    throw new ItemRejection(`endTimeUnixNano ${endTimeUnixNano} is before startTimeUnixNano ${startTimeUnixNano}`);
  }

  const name = indexedName(span.name);
  if (name.cutBytes > 0) warn(`name truncated to ${Buffer.byteLength(name.value)} bytes (${name.cutBytes} bytes cut)`);
  const flags = int32Flags(span.flags);
  if (flags !== span.flags >>> 0) warn(`flags ${span.flags >>> 0} has reserved bit 31 set; stored without it`);

  return {
    traceId,
    spanId,
    parentSpanId: parentSpanId(span.parentSpanId),
    traceState: span.traceState,
    flags,
    name: name.value,
    kind: kind as SpanKindNumber,
    startTimeUnixNano,
    endTimeUnixNano,
    attributes: convertAttributes(span.attributes),
    droppedAttributesCount: clampInt32Count(span.droppedAttributesCount),
    events: span.events.map((event, i) => ({
      timeUnixNano: requireTime(`event ${i} timeUnixNano`, uint64ToBigInt(event.timeUnixNano), window),
      name: event.name,
      attributes: convertAttributesIn(`event ${i}`, event.attributes),
      droppedAttributesCount: clampInt32Count(event.droppedAttributesCount),
    })),
    droppedEventsCount: clampInt32Count(span.droppedEventsCount),
    links: span.links.map((link, i) => ({
      traceId: requireId(`link ${i} traceId`, link.traceId, 16),
      spanId: requireId(`link ${i} spanId`, link.spanId, 8),
      traceState: link.traceState,
      attributes: convertAttributesIn(`link ${i}`, link.attributes),
      droppedAttributesCount: clampInt32Count(link.droppedAttributesCount),
      flags: int32Flags(link.flags),
    })),
    droppedLinksCount: clampInt32Count(span.droppedLinksCount),
    status: { code: code as StatusCodeNumber, message: span.status?.message ?? "" },
    resource: context.resource,
    scope,
    serviceName: context.serviceName,
  };
}

// Empty means root. Eight zero bytes are not a valid span id either, and some bridges send them
// for roots, so they mean root too; any other length is a broken reference.
function parentSpanId(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  if (bytes.length !== 8) throw new ItemRejection(`parentSpanId must be empty or 8 bytes, got ${bytes.length}`);
  return isAllZero(bytes) ? null : bytesToHex(bytes);
}

const SPAN_IDS: HexIdFields = {
  fields: ["traceId", "spanId", "parentSpanId"],
  lists: { links: ["traceId", "spanId"] },
};

interface ShallowTracesRequest {
  resourceSpans: { resource: Uint8Array; schemaUrl: string; scopeSpans: { scope: Uint8Array; schemaUrl: string; spans: Uint8Array[] }[] }[];
}

/** The protobuf parse alone (each item decoded, nothing validated); exported for the step profile of scripts/bench/profile-ingest-steps.ts. */
export function tracesRequestFromProtobuf(body: Uint8Array): PbTracesRequest {
  const request = decodeProtobufRequest<ShallowTracesRequest>(shallow.traceRequest, body);
  return {
    resourceSpans: request.resourceSpans.map((resourceSpans) => ({
      resource: decodeProtobufItem<PbResource>(otlpTypes.resource, resourceSpans.resource),
      schemaUrl: resourceSpans.schemaUrl,
      scopeSpans: resourceSpans.scopeSpans.map((scopeSpans) => ({
        scope: decodeProtobufItem<PbScope>(otlpTypes.scope, scopeSpans.scope),
        schemaUrl: scopeSpans.schemaUrl,
        spans: scopeSpans.spans.map((span) => decodeProtobufItem<PbSpan>(otlpTypes.span, span)),
      })),
    })),
  };
}

function tracesRequestFromJson(json: unknown): PbTracesRequest {
  const body = jsonObject(json, "the request body");
  return {
    resourceSpans: jsonList(body, "resourceSpans", "").map((value, r) => {
      const where = `resourceSpans[${r}]`;
      const resourceSpans = jsonObject(value, where);
      return {
        resource: jsonMessage<PbResource>(otlpTypes.resource, resourceSpans.resource),
        schemaUrl: jsonString(resourceSpans, "schemaUrl", where),
        scopeSpans: jsonList(resourceSpans, "scopeSpans", where).map((scopeValue, s) => {
          const scopeWhere = `${where}.scopeSpans[${s}]`;
          const scopeSpans = jsonObject(scopeValue, scopeWhere);
          return {
            scope: jsonMessage<PbScope>(otlpTypes.scope, scopeSpans.scope),
            schemaUrl: jsonString(scopeSpans, "schemaUrl", scopeWhere),
            spans: jsonList(scopeSpans, "spans", scopeWhere).map((span) => jsonItem<PbSpan>(otlpTypes.span, span, SPAN_IDS)),
          };
        }),
      };
    }),
  };
}
