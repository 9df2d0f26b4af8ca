import type { Attributes, SpanRecord } from "./otlp/model";

// What Sightline counts as a timeout — the number the impact report quotes. A span is a timeout
// when any of these holds (each is what a real SDK or framework records for one):
//  1. HTTP 408 (request timeout) or 504 (gateway timeout) in http.response.status_code
//     (or the older http.status_code);
//  2. gRPC DEADLINE_EXCEEDED: rpc.grpc.status_code = 4;
//  3. status ERROR and the status message, error.type, or an exception event's exception.type /
//     exception.message says "timeout", "timed out" or "deadline exceeded" (TimeoutError,
//     ETIMEDOUT, context deadline exceeded, statement timeout, lock timeout ...);
//  4. an explicit span attribute `sightline.timeout` = true, for code that knows best.
// A slow span that finished successfully is not a timeout: slowness is what latency shows.

const TIMEOUT_TEXT = /time[ds]?[\s_-]?out|timed[\s_-]?out|deadline[\s_-]?exceeded|ETIMEDOUT/i;

export function isTimeoutSpan(span: Pick<SpanRecord, "attributes" | "status" | "events">): boolean {
  const a = span.attributes;
  const http = Number(a["http.response.status_code"] ?? a["http.status_code"]);
  if (http === 408 || http === 504) return true;
  if (Number(a["rpc.grpc.status_code"]) === 4) return true;
  if (a["sightline.timeout"] === true || a["sightline.timeout"] === "true") return true;
  if (span.status.code !== 2) return false;
  if (TIMEOUT_TEXT.test(span.status.message) || matches(a, "error.type")) return true;
  return span.events.some((event) => event.name === "exception" && (matches(event.attributes, "exception.type") || matches(event.attributes, "exception.message")));
}

function matches(attributes: Attributes, key: string): boolean {
  const value = attributes[key];
  return typeof value === "string" && TIMEOUT_TEXT.test(value);
}
