import { z } from "zod";

// The browser's one way to call Sightline's JSON API: the response is parsed with the same zod
// schema the server answers with, and `{ error: { code, message } }` bodies become a thrown
// error carrying the server's message, so a page can show *why* instead of "failed".

/**
 * api: the server explained the failure (`code`, `message`); http: a failure status without that
 * body (e.g. a 404 page); invalid_response: the body did not match the schema; network: no answer.
 */
export type FetchJsonErrorKind = "api" | "http" | "invalid_response" | "network";

export class FetchJsonError extends Error {
  override name = "FetchJsonError";
  readonly kind: FetchJsonErrorKind;
  readonly url: string;
  /** HTTP status, null when the request never got an answer. */
  readonly status: number | null;
  /** The API's error code (`bad_request`, `unavailable`, …) when the server sent one. */
  readonly code: string | null;

  constructor(init: { kind: FetchJsonErrorKind; message: string; url: string; status?: number | null; code?: string | null; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.url = init.url;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
  }
}

const apiErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export interface FetchJsonOptions extends Omit<RequestInit, "body"> {
  /** Failure statuses whose body is still data for `schema`, e.g. 503 from `/api/health`. */
  acceptStatuses?: readonly number[];
  /** A request body, sent as JSON (for POST and the like). */
  json?: unknown;
}

/**
 * While a page renders on the server, lib/pages/prefetch-api-queries.ts installs this to send the
 * page's relative `/api/…` requests to this server as the signed-in reader; the browser never has it.
 */
type ServerFetch = (url: string, init: RequestInit) => Promise<Response>;
const serverFetch = (): ServerFetch | undefined => (globalThis as { sightlineServerFetch?: ServerFetch }).sightlineServerFetch;

export async function fetchJson<S extends z.ZodType>(url: string, schema: S, options: FetchJsonOptions = {}): Promise<z.infer<S>> {
  const { acceptStatuses = [], headers: extraHeaders, json, ...init } = options;
  const headers = new Headers(extraHeaders);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  if (json !== undefined) headers.set("content-type", "application/json");

  let response: Response;
  try {
    const send = (typeof window === "undefined" && serverFetch()) || fetch;
    response = await send(url, { ...init, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  } catch (cause) {
    // A cancelled query is not a failure to report; let the caller see the abort as it is.
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new FetchJsonError({ kind: "network", message: `Could not reach ${url}`, url, cause });
  }

  const body = await readJsonBody(response);
  if (!response.ok && !acceptStatuses.includes(response.status)) {
    const apiError = apiErrorBodySchema.safeParse(body);
    if (apiError.success) {
      const { code, message } = apiError.data.error;
      throw new FetchJsonError({ kind: "api", message, url, status: response.status, code });
    }
    throw new FetchJsonError({ kind: "http", message: `${url} answered HTTP ${response.status}`, url, status: response.status });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new FetchJsonError({
      kind: "invalid_response",
      message: `${url} sent an unexpected response: ${summariseIssues(parsed.error)}`,
      url,
      status: response.status,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

async function readJsonBody(response: Response): Promise<unknown> {
  if (!response.headers.get("content-type")?.includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function summariseIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join("; ")} (and ${more} more)` : shown.join("; ");
}
