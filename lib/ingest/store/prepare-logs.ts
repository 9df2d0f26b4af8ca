import { utcDay } from "@/lib/utc-day";
import { decodeLogs } from "../otlp/decode-logs";
import type { LogRecordRecord, OtlpEncoding } from "../otlp/model";
import { pgJson, pgText } from "./pg-safe";
import { copyText, microsToTimestamp } from "./span-copy-rows";
import { recordHash } from "./log-record-hash";
import { resourceId, resourceRowsOf, type ResourceRow } from "./upsert-resources";

// Everything storeLogs computes before it talks to the database, done ahead of time (in an
// ingest worker thread, lib/ingest/worker/): decode and validate the body, hash each record's key
// and build the COPY text of the records plus the small list of resources, so the event loop
// only streams it in (store-prepared-logs.ts). The text must hold exactly the values storeLogs'
// INSERT would write: ingest-worker-pool.int.test.ts compares both.

export interface PreparedLogs {
  /** Log records refused (OTLP partial success) and why (the first few reasons). */
  rejected: number;
  errors: string[];
  /** Records accepted, one line each in `logRows`. */
  logCount: number;
  /** UTC days of the records: the partitions of log_records the write needs. */
  days: string[];
  /** COPY text (UTF-8) of the records, columns LOG_RECORD_COPY_COLUMNS. */
  logRows: Uint8Array;
  resources: ResourceRow[];
}

export const LOG_RECORD_COPY_COLUMNS =
  "time, record_hash, time_ns, observed_time_ns, trace_id, span_id, severity_number, severity_text, body, body_text, event_name, " +
  "service_name, attributes, resource_id, scope_name, flags, dropped_attributes_count";

const NULL = "\\N";
const utf8 = new TextEncoder();

export function prepareLogs(body: Uint8Array, encoding: OtlpEncoding, now: Date): PreparedLogs {
  const decoded = decodeLogs(body, encoding, { now });
  return { rejected: decoded.rejected, errors: decoded.errors, ...prepareLogRecords(decoded.records) };
}

/** The rows of already decoded records (exported for the comparison test). */
export function prepareLogRecords(logs: LogRecordRecord[]): Omit<PreparedLogs, "rejected" | "errors"> {
  return {
    logCount: logs.length,
    days: [...new Set(logs.map((l) => utcDay(Number(l.timeUnixNano / 1_000_000n))))],
    logRows: utf8.encode(logRecordCopyRows(logs)),
    resources: resourceRowsOf(logs),
  };
}

const optionalText = (value: string) => (value ? copyText(pgText(value)) : NULL);
const optionalId = (hex: string | null) => (hex ? `\\\\x${hex}` : NULL);

/** The records in COPY text; each value is the text storeLogs' INSERT casts, so both store the same. */
export function logRecordCopyRows(logs: LogRecordRecord[]): string {
  let out = "";
  for (const log of logs) {
    const body = pgJson(log.body);
    const attributes = pgJson(log.attributes);
    const resource = resourceId(log.resource);
    out +=
      [
        microsToTimestamp(log.timeUnixNano / 1000n),
        `\\\\x${recordHash(log, body, attributes, resource)}`,
        log.timeUnixNano,
        log.observedTimeUnixNano,
        optionalId(log.traceId),
        optionalId(log.spanId),
        log.severityNumber,
        optionalText(log.severityText),
        copyText(body),
        copyText(typeof log.body === "string" ? pgText(log.body) : body),
        optionalText(log.eventName),
        copyText(pgText(log.serviceName)),
        copyText(attributes),
        resource,
        optionalText(log.scope.name),
        log.flags,
        log.droppedAttributesCount,
      ].join("\t") + "\n";
  }
  return out;
}
