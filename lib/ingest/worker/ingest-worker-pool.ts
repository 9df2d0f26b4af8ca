import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { ApiError } from "@/lib/http/api-error";
import type { OtlpEncoding } from "../otlp/model";
import type { PreparedLogs } from "../store/prepare-logs";
import type { PreparedMetrics } from "../store/prepare-metrics";
import type { PreparedTraces } from "../store/prepare-traces";
import type { PreparedBySignal, PrepareOutcome, PrepareTask } from "./prepare-task";

// Worker threads (piscina) that decode, validate and build the rows of OTLP requests (traces,
// metrics and logs, one task each in prepare-task.ts), so
// the server's event loop only reads bodies, answers and streams COPY. Bounded twice, because a
// queued task holds its body: at most maxQueue tasks and maxQueuedBytes of bodies wait for a
// thread; past either, the request is refused with 503 + Retry-After (as admission.ts does when
// the store is behind) instead of memory growing with the backlog.
//
// The worker file is found from the working directory: the server bundles of `next build` live
// elsewhere and cannot be a worker's entry, while `npm start` (scripts/start.ts) and Vitest both
// run from the project root, where lib/ the worker compiles from is.

export const INGEST_WORKER_FILE = path.join(process.cwd(), "lib", "ingest", "worker", "ingest-worker.mjs");

export interface WorkerPoolLimits {
  threads: number;
  maxQueue: number;
  maxQueuedBytes: number;
  retryAfterSeconds: number;
}

export class IngestWorkerPool {
  private readonly pool: Piscina<PrepareTask, PrepareOutcome<unknown>>;
  private queuedBytes = 0;

  constructor(
    private readonly limits: WorkerPoolLimits,
    filename = INGEST_WORKER_FILE,
  ) {
    // Threads start with the pool and never idle out: starting one compiles the decoder (~1 s).
    this.pool = new Piscina({ filename, minThreads: limits.threads, maxThreads: limits.threads, maxQueue: limits.maxQueue, idleTimeout: 2 ** 31 - 1 });
    // A thread loads the decoder only with its first task (piscina counts it as created before),
    // so each thread is warmed with an empty request: ready means a thread has really decoded.
    // A thread that fails outside a task (e.g. cannot load the decoder) must not take the server
    // down as an unhandled 'error' event; until a warm-up succeeds, requests decode in the event loop.
    // (piscina then starts another thread and keeps the task waiting, so the first such error,
    // before any warm-up succeeded, is what says the threads cannot start.)
    const failedToStart = new Promise<never>((_, reject) => this.pool.once("error", reject));
    this.pool.on("error", (error: unknown) => console.error(`[sightline] an ingest worker thread failed: ${describe(error)}`));
    const warmUps = Array.from({ length: limits.threads }, () => this.pool.run({ body: new ArrayBuffer(0), encoding: "protobuf", nowMs: Date.now() }));
    this.started = Promise.race([Promise.any(warmUps), failedToStart]).then(
      () => {
        this.isReady = true;
      },
      (error: unknown) => console.error(`[sightline] the ingest worker threads could not start; OTLP requests are decoded in the event loop: ${describe(error instanceof AggregateError ? error.errors[0] : error)}`),
    );
    // Warm-ups left waiting on a thread that cannot start must not become unhandled rejections.
    for (const warmUp of warmUps) warmUp.catch(() => {});
  }

  private readonly started: Promise<void>;
  private isReady = false;

  /**
   * True once a thread has decoded its warm-up request. A thread takes a second or more to compile the decoder (far
   * longer on a busy machine), so until then the caller decodes in its own thread rather than
   * keep the first requests after a start waiting past an exporter's timeout.
   */
  get ready(): boolean {
    return this.isReady;
  }

  whenReady(): Promise<void> {
    return this.started;
  }

  /** Throws the 503 `prepareTraces` would, before a body is read, when the queue is full. */
  refuseIfFull(): void {
    if (this.pool.queueSize >= this.limits.maxQueue || this.queuedBytes >= this.limits.maxQueuedBytes) throw this.overloaded();
  }

  /** Decodes and prepares one traces body in a worker; `bytes` can no longer be used after (the body comes back as `body`). */
  prepareTraces(bytes: Uint8Array, encoding: OtlpEncoding, now: Date): Promise<{ prepared: PreparedTraces; body: Uint8Array }> {
    return this.prepare("prepareTraces", bytes, encoding, now);
  }

  /** The same for a metrics body. */
  prepareMetrics(bytes: Uint8Array, encoding: OtlpEncoding, now: Date): Promise<{ prepared: PreparedMetrics; body: Uint8Array }> {
    return this.prepare("prepareMetrics", bytes, encoding, now);
  }

  /** The same for a logs body. */
  prepareLogs(bytes: Uint8Array, encoding: OtlpEncoding, now: Date): Promise<{ prepared: PreparedLogs; body: Uint8Array }> {
    return this.prepare("prepareLogs", bytes, encoding, now);
  }

  private async prepare<K extends keyof PreparedBySignal>(task: K, bytes: Uint8Array, encoding: OtlpEncoding, now: Date): Promise<{ prepared: PreparedBySignal[K]; body: Uint8Array }> {
    this.refuseIfFull();
    const body = ownedArrayBuffer(bytes);
    const size = body.byteLength;
    this.queuedBytes += size;
    let outcome: PrepareOutcome<PreparedBySignal[K]>;
    try {
      outcome = (await this.pool.run({ body, encoding, nowMs: now.getTime() }, { name: task, transferList: [body] })) as PrepareOutcome<PreparedBySignal[K]>;
    } catch (error) {
      if (error instanceof Error && error.message === "Task queue is at limit") throw this.overloaded();
      // A thread that died or could not load took the body with it: the exporter must send it
      // again, so this is a 503 (retried), never a 500 (dropped).
      throw new ApiError("unavailable", "an ingest worker thread failed; retry after the delay in Retry-After", { retryAfterSeconds: this.limits.retryAfterSeconds, cause: error });
    } finally {
      this.queuedBytes -= size;
    }
    if (!outcome.ok) throw new ApiError(outcome.code, outcome.message);
    return { prepared: outcome.prepared, body: new Uint8Array(outcome.body) };
  }

  get load() {
    return { queued: this.pool.queueSize, queuedBytes: this.queuedBytes, threads: this.pool.threads.length, completed: this.pool.completed };
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }

  private overloaded() {
    return new ApiError("unavailable", "ingest is overloaded: the decoders are behind; retry after the delay in Retry-After", {
      retryAfterSeconds: this.limits.retryAfterSeconds,
    });
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

// Moving a buffer to another thread detaches it here. A body that shares its ArrayBuffer with
// other data (Node's small-buffer pool, a socket read) is copied first, so nothing else is lost.
function ownedArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  if (whole) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** One worker per core beyond the first (that one serves HTTP and the store), 1 to 4. */
export function defaultIngestWorkers(): number {
  return Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

declare global {
  var sightlineIngestWorkerPool: IngestWorkerPool | undefined;
}

/** The one worker pool of this server process, or null when `threads` is 0 (decode in the event loop). */
export function ingestWorkerPool(threads: number): IngestWorkerPool | null {
  if (threads === 0) return null;
  // Eight waiting requests a thread: a few milliseconds each on an idle machine, so a full queue
  // means the decoders are starved or flooded, and waiting longer would only push requests
  // past the exporters' 10 s timeout (measured: 32 senders with 64 queued gave a p99 of 11 s).
  globalThis.sightlineIngestWorkerPool ??= new IngestWorkerPool({ threads, maxQueue: 8 * threads, maxQueuedBytes: 64 * 1024 * 1024, retryAfterSeconds: 2 });
  return globalThis.sightlineIngestWorkerPool;
}
