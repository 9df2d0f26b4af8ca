import type { AgentEventInput, LockIngestResponse } from "@/lib/schemas/locks";
import type { Backoff } from "./backoff";
import type { SightlineClient } from "./sightline-client";

// Lock events (and activity samples) waiting for Sightline. Keyed by event id, so a wait updated while Sightline is
// away is sent once in its latest form; bounded, so a long outage costs the oldest events, not
// the agent's memory.

export const LOCKS_INGEST_PATH = "/api/v1/ingest/locks";
const MAX_PENDING = 5_000;
const PER_REQUEST = 500;

export class LockEventQueue {
  private readonly pending = new Map<string, AgentEventInput>();
  private flushing: Promise<number> | undefined;
  dropped = 0;
  /** Events Sightline refused as items (it says why in `refusals`): sent, not stored, not retried. */
  refused = 0;
  refusals: string[] = [];

  constructor(
    private readonly sightline: SightlineClient,
    /** Shared with the audit shipping: both talk to the same Sightline. */
    private readonly backoff: Backoff,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  add(event: AgentEventInput) {
    this.pending.delete(event.id); // re-insert: the map's order stays oldest-first
    this.pending.set(event.id, event);
    while (this.pending.size > MAX_PENDING) {
      this.pending.delete(this.pending.keys().next().value!);
      this.dropped++;
    }
  }

  get size() {
    return this.pending.size;
  }

  /** Sends what is queued (one flush at a time); resolves to the number of events sent. */
  flush(): Promise<number> {
    this.flushing ??= this.send().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async send(): Promise<number> {
    let sent = 0;
    while (this.pending.size > 0 && this.backoff.ready()) {
      const batch = [...this.pending.values()].slice(0, PER_REQUEST);
      try {
        const answer = await this.sightline.postJson<LockIngestResponse>(LOCKS_INGEST_PATH, { events: batch });
        this.backoff.succeed();
        this.refused += answer.rejected ?? 0;
        this.refusals.push(...(answer.errors ?? []).slice(0, 3 - this.refusals.length));
      } catch (error) {
        this.onFailure(error);
        return sent;
      }
      // An event updated while the request was out stays queued with its newer content.
      for (const event of batch) if (this.pending.get(event.id) === event) this.pending.delete(event.id);
      sent += batch.length;
    }
    return sent;
  }
}
