// The one rule for what a failed database call means to the caller, shared by every route (through
// lib/http/error-response.ts) and by ingest:
// - "unavailable": the store cannot answer now but a retry can work (server down or restarting,
//   connection lost, too many connections, out of resources, a serialization failure or deadlock):
//   503 + Retry-After, so OTLP exporters and agents keep their data and send again.
// - "bad_input": PostgreSQL refused a value the request carried (SQLSTATE class 22, data
//   exception): retrying the same request cannot help, so it is the caller's to fix (400).
// - "internal": anything else, a defect on our side (500, no detail).
// Errors arrive in several wrappings: raw `pg` errors (SQLSTATE in `code`), Node socket errors
// (errno text in `code`, sometimes inside an AggregateError for each address tried), pg-pool's
// plain-text connection errors, and Prisma's errors around its driver adapter's. All are unwrapped.

export type StoreErrorKind = "unavailable" | "bad_input" | "internal";

/** Seconds a client is told to wait when the store is unavailable (a restart takes about that). */
export const STORE_RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown: another backend crashed, the server is resetting
  "57P03", // cannot_connect_now: the server is starting up or recovering
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);
/** 08: connection exception; 53: insufficient resources (too many connections, disk full, out of memory). */
const UNAVAILABLE_SQLSTATE_CLASSES = new Set(["08", "53"]);

const SOCKET_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);

/** pg and pg-pool report a lost or refused connection with these messages and no code. */
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Query read timeout/i;

/** Prisma's codes for an unreachable server, a closed connection, timeouts, pool exhaustion, write conflicts, too many connections. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034", "P2037"]);

/** Kinds of Prisma's driver adapter errors (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionWriteConflict"]);
const ADAPTER_BAD_INPUT = new Set(["LengthMismatch", "ValueOutOfRange", "InvalidInputValue"]);

export function classifyStoreError(error: unknown): StoreErrorKind {
  let badInput = false;
  for (const candidate of unwrap(error)) {
    const kind = classifyOne(candidate);
    if (kind === "unavailable") return "unavailable";
    if (kind === "bad_input") badInput = true;
  }
  return badInput ? "bad_input" : "internal";
}

function classifyOne(error: Record<string, unknown>): StoreErrorKind | undefined {
  const code = typeof error.code === "string" ? error.code : undefined;
  const isPrisma = typeof error.clientVersion === "string";
  if (code && isPrisma) return PRISMA_UNAVAILABLE.has(code) ? "unavailable" : undefined;
  if (typeof error.kind === "string") {
    if (ADAPTER_UNAVAILABLE.has(error.kind)) return "unavailable";
    if (ADAPTER_BAD_INPUT.has(error.kind)) return "bad_input";
  }
  if (code && SOCKET_ERRORS.has(code)) return "unavailable";
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SQLSTATE_CLASSES.has(code.slice(0, 2))) return "unavailable";
    if (code.startsWith("22")) return "bad_input";
    return undefined;
  }
  if (!code && typeof error.message === "string" && CONNECTION_MESSAGES.test(error.message)) return "unavailable";
  return undefined;
}

/** The error and everything it wraps: causes, AggregateError members, Prisma's adapter error. */
function unwrap(error: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 5 || typeof error !== "object" || error === null) return [];
  const record = error as Record<string, unknown>;
  const inner: unknown[] = [record.cause];
  if (Array.isArray(record.errors)) inner.push(...(record.errors as unknown[]));
  const meta = record.meta as Record<string, unknown> | undefined;
  if (meta && typeof meta === "object") inner.push(meta.driverAdapterError);
  return [record, ...inner.flatMap((e) => unwrap(e, depth + 1))];
}
