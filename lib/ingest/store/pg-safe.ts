// PostgreSQL's text and jsonb cannot hold U+0000, which OTLP strings may carry. Rather than fail
// the whole batch (and have the exporter retry it forever), NUL becomes U+FFFD on the way in.

export function pgText<T extends string | null | undefined>(value: T): T {
  return (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
}

// An escaped NUL in JSON text is "\u0000" preceded by an even number of backslashes.
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

export function pgJson(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  const json = JSON.stringify(value, replacer);
  return json.includes("\\u0000") ? json.replace(ESCAPED_NUL, "$1\\ufffd") : json;
}
