// The agent's HTTP side: JSON POSTs to Sightline's agent ingest endpoints with the ingest key.
// Errors say whether a retry can help (network, 429, 5xx: yes, after Retry-After when given) or
// not (401, 400: the batch or the key is wrong); the callers keep their data either way.

export class SightlineError extends Error {
  override name = "SightlineError";
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
  }

  /** True for errors that will not go away by retrying the same request (bad key, bad batch). */
  get permanent(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export interface SightlineClient {
  readonly baseUrl: string;
  postJson<T>(path: string, body: unknown): Promise<T>;
}

export interface SightlineClientOptions {
  baseUrl: string;
  ingestKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createSightlineClient({ baseUrl, ingestKey, timeoutMs = 15_000, fetch: doFetch = fetch }: SightlineClientOptions): SightlineClient {
  return {
    baseUrl,
    async postJson<T>(path: string, body: unknown): Promise<T> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${ingestKey}`, "User-Agent": "sightline-db-agent" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // fetch reports "fetch failed"; the reason (ECONNREFUSED, a timeout...) is in its cause.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new SightlineError(`Sightline at ${baseUrl} is unreachable (${cause?.code ?? cause?.message ?? (error as Error).message})`, undefined, undefined);
      }
      const text = await response.text();
      if (!response.ok) {
        throw new SightlineError(`${path} answered ${response.status}: ${errorMessage(text)}`, response.status, retryAfterMs(response.headers.get("retry-after")));
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new SightlineError(`${path} answered ${response.status} with a body that is not JSON`, response.status, undefined);
      }
    },
  };
}

function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not the JSON error shape: show the start of whatever came back
  }
  return body.slice(0, 200) || "(empty body)";
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
