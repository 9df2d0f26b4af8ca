import { utcDay } from "@/lib/utc-day";
import { isTimeoutSpan } from "../classify-timeout";
import type { OtlpEncoding, ResourceInfo, SpanRecord } from "../otlp/model";
import { decodeTraces } from "../otlp/decode-traces";
import { pgJson, pgText } from "./pg-safe";
import { copyJson, copyText, microsToTimestamp, spanCopyRows } from "./span-copy-rows";
import { buildSpanRollups, foldRollupsToHours, type RollupRow } from "./span-rollups";
import { resourceId, resourceRow, type ResourceRow } from "./upsert-resources";

// Everything storeTraces computes before it talks to the database, done ahead of time (in an
// ingest worker thread, lib/ingest/worker/): decode and validate the body, then build the COPY
// text of spans and span events, the rollup rows and the resource rows. The result is a few
// byte arrays and small lists, cheap to hand between threads, so the thread that serves HTTP
// only streams it into PostgreSQL (store-prepared-traces.ts). It must describe exactly the
// rows storeTraces would write for the same records: prepare-traces.int.test.ts compares both.

export interface PreparedTraces {
  /** Items refused (OTLP partial success) and why (the first few reasons). */
  rejected: number;
  errors: string[];
  /** Spans accepted, one line each in `spanRows`. */
  spanCount: number;
  /** UTC days the spans start on: the partitions the write needs. */
  days: string[];
  /** COPY text (UTF-8) of the spans, columns SPAN_COPY_COLUMNS. */
  spanRows: Uint8Array;
  /** COPY text (UTF-8) of their events, columns SPAN_EVENT_COPY_COLUMNS; empty when none. */
  eventRows: Uint8Array;
  resources: ResourceRow[];
  minuteRollups: RollupRow[];
  hourRollups: RollupRow[];
}

export const SPAN_EVENT_COPY_COLUMNS = "span_start_time, trace_id, span_id, idx, time_ns, name, attributes, dropped_attributes_count";

const DAY_MS = 86_400_000;

/**
 * UTF-8 bytes in an ArrayBuffer of their own (a Buffer from the shared pool could not be
 * transferred to another thread); about twice as fast as TextEncoder on COPY text.
 */
function utf8(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** The UTC days the spans start on, formatted once a day rather than once a span. */
function startDays(spans: SpanRecord[]): string[] {
  const days = new Set<number>();
  for (const span of spans) days.add(Math.floor(Number(span.startTimeUnixNano / 1_000_000n) / DAY_MS));
  return [...days].map((day) => utcDay(day * DAY_MS));
}

export function prepareTraces(body: Uint8Array, encoding: OtlpEncoding, now: Date): PreparedTraces {
  const decoded = decodeTraces(body, encoding, { now });
  return { rejected: decoded.rejected, errors: decoded.errors, ...prepareSpans(decoded.records) };
}

/** The rows of already decoded spans (exported for the comparison test). */
export function prepareSpans(spans: SpanRecord[]): Omit<PreparedTraces, "rejected" | "errors"> {
  const timeouts = new Set(spans.filter(isTimeoutSpan));
  const resourceIds = new Map<ResourceInfo, string>();
  const resources: ResourceRow[] = [];
  for (const span of spans) {
    if (resourceIds.has(span.resource)) continue;
    const id = resourceId(span.resource);
    resourceIds.set(span.resource, id);
    if (resources.some((r) => r.id === id)) continue; // equal attributes in two resource blocks
    resources.push(resourceRow(id, span));
  }
  const minuteRollups = buildSpanRollups(spans, (s) => timeouts.has(s));
  return {
    spanCount: spans.length,
    days: startDays(spans),
    spanRows: utf8(spanCopyRows(spans, resourceIds, timeouts)),
    eventRows: utf8(spanEventCopyRows(spans)),
    resources,
    minuteRollups,
    hourRollups: foldRollupsToHours(minuteRollups),
  };
}

/** Span events in COPY text; the span's start is floored to microseconds as the span's is. */
export function spanEventCopyRows(spans: SpanRecord[]): string {
  let out = "";
  for (const span of spans) {
    if (span.events.length === 0) continue;
    const start = microsToTimestamp(span.startTimeUnixNano / 1000n);
    span.events.forEach((event, idx) => {
      out +=
        [
          start,
          `\\\\x${span.traceId}`,
          `\\\\x${span.spanId}`,
          idx,
          event.timeUnixNano,
          copyText(pgText(event.name)),
          copyJson(pgJson(event.attributes)),
          event.droppedAttributesCount,
        ].join("\t") + "\n";
    });
  }
  return out;
}
