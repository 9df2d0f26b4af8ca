import { ApiError } from "@/lib/http/api-error";

// Bodies are read before a request asks for a store slot (see admission.ts), so reading is not
// limited by the slots; what bounds memory instead is this budget of bytes held by requests in
// flight, raw and inflated, from the first chunk until the answer. A slow sender holds only what
// it has sent, so senders that dribble cannot starve the others; a burst of large bodies past
// the budget is answered 503 + Retry-After, as an overloaded store is.

export class BodyBudget {
  private held = 0;

  constructor(private readonly limits: { maxBytes: number; retryAfterSeconds: number }) {}

  /** Runs `work` with a `take` that accounts bytes against the budget; all are returned after. */
  async run<T>(work: (take: (bytes: number) => void) => Promise<T>): Promise<T> {
    let mine = 0;
    const take = (bytes: number) => {
      if (this.held + bytes > this.limits.maxBytes) {
        throw new ApiError("unavailable", `ingest is overloaded: ${this.limits.maxBytes} bytes of request bodies are in flight; retry after the delay in Retry-After`, {
          retryAfterSeconds: this.limits.retryAfterSeconds,
        });
      }
      this.held += bytes;
      mine += bytes;
    };
    try {
      return await work(take);
    } finally {
      this.held -= mine;
    }
  }

  get heldBytes() {
    return this.held;
  }
}

declare global {
  var sightlineIngestBodyBudget: BodyBudget | undefined;
}

/** The one body budget of this server process, shared by every ingest route. */
export function ingestBodyBudget(): BodyBudget {
  globalThis.sightlineIngestBodyBudget ??= new BodyBudget({ maxBytes: 256 * 1024 * 1024, retryAfterSeconds: 2 });
  return globalThis.sightlineIngestBodyBudget;
}
