import { SpanStatusCode, type Span } from "@opentelemetry/api";
import { ATTR_DB_RESPONSE_STATUS_CODE, ATTR_ERROR_TYPE, ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_STACKTRACE, ATTR_EXCEPTION_TYPE } from "./semconv";

/** An HTTP-style failure a handler answers with; `status` becomes the response status. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A call that got no answer in time. The name is what Sightline's timeout rule looks for. */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** The SQLSTATE of a PostgreSQL error (pg's DatabaseError carries it as `code`). */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Marks a span failed: status ERROR with the message, and an `exception` event. Written out
 * rather than span.recordException, which names the type after `error.code` when there is
 * one — a deadlock would show as type "40P01"; here the type is the class. On a DB span the
 * SQLSTATE goes to db.response.status_code and error.type, as the DB conventions say.
 */
export function recordError(span: Span, error: unknown, options: { dbSpan?: boolean } = {}): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const type = err.constructor.name !== "Error" ? err.constructor.name : err.name;
  span.addEvent("exception", {
    [ATTR_EXCEPTION_TYPE]: type,
    [ATTR_EXCEPTION_MESSAGE]: err.message,
    ...(err.stack ? { [ATTR_EXCEPTION_STACKTRACE]: err.stack } : {}),
  });
  const sqlState = options.dbSpan ? sqlStateOf(err) : undefined;
  span.setAttribute(ATTR_ERROR_TYPE, sqlState ?? type);
  if (sqlState) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, sqlState);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
