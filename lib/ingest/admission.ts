import { ApiError } from "@/lib/http/api-error";

// Back-pressure for ingest: store slots. At most MAX_ACTIVE requests write at once (the database
// on two cores gains nothing from more), and at most MAX_QUEUED wait for a turn; past that, or
// after waiting MAX_WAIT_MS, the request is refused with 503 + Retry-After, which OTLP exporters
// treat as "retry later". A slot is asked for only once the body has been read and decoded, so a
// sender that uploads slowly never holds one (body-budget.ts bounds the memory of reading), and
// a request is refused before its body is read when the queue is already full.

export interface AdmissionLimits {
  maxActive: number;
  maxQueued: number;
  maxWaitMs: number;
  retryAfterSeconds: number;
}

export class Admission {
  private active = 0;
  private readonly queue: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  /** Runs `work` when a slot is free; throws ApiError("unavailable") when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Throws the 503 `run` would, without waiting, when no request could even queue now. */
  refuseIfFull(): void {
    if (this.active >= this.limits.maxActive && this.queue.length >= this.limits.maxQueued) throw this.overloaded();
  }

  get load() {
    return { active: this.active, queued: this.queue.length };
  }

  private acquire(): Promise<void> {
    if (this.active < this.limits.maxActive) {
      this.active++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.limits.maxQueued) return Promise.reject(this.overloaded());
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(entry);
          if (at >= 0) this.queue.splice(at, 1);
          reject(this.overloaded());
        }, this.limits.maxWaitMs),
      };
      this.queue.push(entry);
    });
  }

  private release() {
    const next = this.queue.shift();
    if (next) next.grant(); // the slot passes straight to the next waiter
    else this.active--;
  }

  private overloaded() {
    return new ApiError("unavailable", "ingest is overloaded: the store is behind; retry after the delay in Retry-After", {
      retryAfterSeconds: this.limits.retryAfterSeconds,
    });
  }
}

declare global {
  var sightlineIngestAdmission: Admission | undefined;
}

/** The one admission gate of this server process, shared by every ingest route. */
export function ingestAdmission(): Admission {
  globalThis.sightlineIngestAdmission ??= new Admission({ maxActive: 4, maxQueued: 32, maxWaitMs: 5_000, retryAfterSeconds: 2 });
  return globalThis.sightlineIngestAdmission;
}
