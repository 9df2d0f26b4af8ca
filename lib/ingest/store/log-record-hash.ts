import { createHash } from "node:crypto";
import type { LogRecordRecord } from "../otlp/model";

/** The record's key: a hash of everything that makes it itself (values as stored: JSON text, resource id). */
export function recordHash(log: LogRecordRecord, body: string, attributes: string, resourceId: string): string {
  return createHash("sha1")
    .update(`${log.timeUnixNano}\u0000${log.observedTimeUnixNano}\u0000${log.severityNumber}\u0000${log.severityText}\u0000${log.traceId}\u0000${log.spanId}\u0000${resourceId}\u0000${log.scope.name}\u0000${log.eventName}\u0000`)
    .update(body)
    .update("\u0000")
    .update(attributes)
    .digest("hex");
}
