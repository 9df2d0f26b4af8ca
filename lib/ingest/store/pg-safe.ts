// PostgreSQL's text and jsonb cannot hold U+0000, which OTLP strings may carry, and jsonb refuses
// a lone UTF-16 surrogate (which JSON.stringify writes as a "\ud800" escape). Rather than fail
// the whole batch (and have the sender retry it forever), both become U+FFFD on the way in.
// (Text parameters need no surrogate fix: the driver's UTF-8 encoding already replaces them.)

export function pgText<T extends string | null | undefined>(value: T): T {
  return (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
}

// An escape in JSON text is one preceded by an even number of backslashes. JSON.stringify writes
// paired surrogates as characters, so any surrogate it escapes is a lone one.
const ESCAPED_UNSAFE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

export function pgJson(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  const json = JSON.stringify(value, replacer);
  return json.includes("\\u") ? json.replace(ESCAPED_UNSAFE, "$1\\ufffd") : json;
}
