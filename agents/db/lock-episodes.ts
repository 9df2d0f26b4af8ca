import type { LockWaitInput } from "@/lib/schemas/locks";
import type { QueryTextMode } from "./config";
import { traceContextFromQuery } from "./parse-traceparent";
import { redactLiterals } from "./redact-literals";
import type { LockWaitSample, ProcessSample } from "./sample-locks";

// Samples of pg_locks → one event per wait episode. An episode is one process waiting for one
// lock from one start time; its id is derived from exactly that, so every update (longer
// duration, another blocker seen) and every re-send lands on the same stored event. An episode
// missing from a sample has ended; its last event says so, with the last duration seen.

export interface EpisodeOptions {
  database: string;
  queryText: QueryTextMode;
  statementMaxLength: number;
  /** While a wait goes on, send an updated duration at most this often. */
  updateEveryMs: number;
}

interface Episode {
  event: LockWaitInput;
  sentAt: number;
  sentBlockers: number;
}

export class LockEpisodes {
  private readonly open = new Map<string, Episode>();

  constructor(private readonly options: EpisodeOptions) {}

  /** Folds in one sample taken at `now`; returns the events worth sending now. */
  observe(samples: LockWaitSample[], now: number): LockWaitInput[] {
    const due: LockWaitInput[] = [];
    const seen = new Set<string>();
    for (const sample of samples) {
      const id = `${this.options.database}:wait:${sample.waiter.pid}:${sample.waitStart}`;
      seen.add(id);
      const episode = this.open.get(id);
      const blockers = mergeBlockers(episode?.event.blockers ?? [], sample, this.options);
      const event: LockWaitInput = {
        id,
        kind: "wait",
        database: this.options.database,
        time: sample.waitStart,
        durationMs: Math.round(sample.waitedMs),
        ended: false,
        lock: sample.lock,
        waiter: toProcess(sample.waiter, this.options),
        blockers,
      };
      if (!episode) {
        this.open.set(id, { event, sentAt: now, sentBlockers: blockers.length });
        due.push(event);
      } else {
        episode.event = event;
        if (now - episode.sentAt >= this.options.updateEveryMs || blockers.length !== episode.sentBlockers) {
          episode.sentAt = now;
          episode.sentBlockers = blockers.length;
          due.push(event);
        }
      }
    }
    for (const [id, episode] of this.open) {
      if (seen.has(id)) continue;
      this.open.delete(id);
      due.push({ ...episode.event, ended: true });
    }
    return due;
  }

  get openCount() {
    return this.open.size;
  }

  /** Forgets open episodes without ending them (the database went away; they may still be going on). */
  reset() {
    this.open.clear();
  }
}

type EventProcess = LockWaitInput["waiter"];

/** A process as shipped: trace context from its raw query, the text itself per the query-text mode. */
export function toProcess(p: ProcessSample, options: Pick<EpisodeOptions, "queryText" | "statementMaxLength">): EventProcess {
  const trace = traceContextFromQuery(p.query);
  return {
    pid: p.pid,
    query: shippedQueryText(p.query, options),
    state: p.state,
    user: p.user,
    applicationName: p.applicationName,
    xactStart: p.xactStart,
    traceId: trace?.traceId ?? null,
    spanId: trace?.spanId ?? null,
  };
}

export function shippedQueryText(query: string | null, { queryText, statementMaxLength }: Pick<EpisodeOptions, "queryText" | "statementMaxLength">): string | null {
  if (query === null || queryText === "none") return null;
  const truncated = query.slice(0, statementMaxLength);
  return queryText === "redacted" ? redactLiterals(truncated) : truncated;
}

/** Every blocker seen during the episode, the latest view of each (a blocker may finish and another take over). */
function mergeBlockers(previous: LockWaitInput["blockers"], sample: LockWaitSample, options: EpisodeOptions): LockWaitInput["blockers"] {
  const byPid = new Map(previous.map((b) => [b.pid, b]));
  for (const blocker of sample.blockers) {
    byPid.set(blocker.pid, { ...toProcess(blocker, options), heldModes: blocker.heldModes, waiting: blocker.waiting });
  }
  return [...byPid.values()];
}
