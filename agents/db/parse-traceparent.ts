// Request context carried by SQL: the sqlcommenter comment ORMs append to statements
// (`/*action='x',traceparent='00-<trace>-<span>-01'*/`, keys and values URL-encoded, `'` escaped
// as `\'`; https://google.github.io/sqlcommenter/spec/) and the W3C traceparent inside it.
// The audit trigger reads the same comment inside the database (sightline_audit.traceparent_from);
// this is the agent's copy, for queries seen in pg_stat_activity and in the server log.

export interface TraceContext {
  traceId: string;
  spanId: string;
  flags: string;
}

const COMMENT = /\/\*((?:[^*]|\*+[^*/])*)\*+\//g;
const PAIR = /([^\s=,']+)\s*=\s*'((?:\\'|[^'])*)'/g;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** Every key='value' pair in the query's block comments; later comments win. */
export function parseSqlCommenter(query: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const comment of query.matchAll(COMMENT)) {
    for (const pair of (comment[1] ?? "").matchAll(PAIR)) {
      pairs[urlDecode(pair[1]!)] = urlDecode(pair[2]!.replaceAll("\\'", "'"));
    }
  }
  return pairs;
}

/** A W3C traceparent header value, or null when it is not one (all-zero ids are invalid too). */
export function parseTraceparent(value: string | null | undefined): TraceContext | null {
  if (!value) return null;
  const match = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!match) return null;
  const [, version, traceId, spanId, flags, rest] = match;
  // Version ff is forbidden; version 00 has exactly four fields, later versions may add more.
  if (version === "ff" || (version === "00" && rest !== undefined)) return null;
  if (/^0+$/.test(traceId!) || /^0+$/.test(spanId!)) return null;
  return { traceId: traceId!, spanId: spanId!, flags: flags! };
}

/** The trace context of a query that carries a sqlcommenter traceparent, else null. */
export function traceContextFromQuery(query: string | null | undefined): TraceContext | null {
  if (!query || !query.includes("traceparent")) return null;
  return parseTraceparent(parseSqlCommenter(query).traceparent);
}

function urlDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` is kept as written rather than dropping the pair
  }
}
