import type { SpanContext } from "@opentelemetry/api";

// sqlcommenter (https://google.github.io/sqlcommenter/spec/): request context appended to a
// statement as `/*key='value',...*/`, keys sorted, keys and values URL-encoded, `'` in values
// escaped as `\'`. The db agent's audit trigger reads the traceparent back out of the
// statement text, so every statement a traced request runs must end with one.

/** The W3C traceparent header value of a span context (version 00). */
export function formatTraceparent(spanContext: Pick<SpanContext, "traceId" | "spanId" | "traceFlags">): string {
  const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, "0");
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/** A sqlcommenter comment for the given tags (empty values are left out). */
export function formatSqlComment(tags: Record<string, string>): string {
  const pairs = Object.keys(tags)
    .filter((key) => tags[key])
    .sort()
    .map((key) => `${encodeURIComponent(key)}='${encodeURIComponent(tags[key]!).replaceAll("'", "\\'")}'`);
  return pairs.length ? `/*${pairs.join(",")}*/` : "";
}

/**
 * The statement with a traceparent comment at its end. A trailing `;` is dropped first: a
 * comment after the terminator would be a separate (empty) statement to some parsers.
 */
export function withTraceparentComment(sql: string, traceparent: string): string {
  const body = sql.trimEnd().replace(/;+$/, "").trimEnd();
  return `${body} ${formatSqlComment({ traceparent })}`;
}
