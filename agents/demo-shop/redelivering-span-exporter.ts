import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { Backoff, type BackoffOptions } from "../db/backoff";

// The OTLP exporter gives up on a batch after five attempts within its 10-s deadline and drops
// it: a busy Sightline (503 + Retry-After, or an answer slower than the deadline) then loses the
// demo's spans, and a trace misses its middle (the payment call of a timed-out checkout, so the
// report blames payment instead of the provider behind it). This wrapper keeps each batch until
// Sightline has acknowledged it, as an agent should: the SDK's batch processor hands batches
// over at once, and they go out one at a time, in order, each retried with backoff until it is
// taken. Only past `maxQueuedSpans` are the oldest dropped, with one line saying how many.

export interface RedeliveryOptions {
  maxQueuedSpans?: number;
  backoff?: BackoffOptions;
  /** How long forceFlush waits for the queue to drain before it returns anyway. */
  flushTimeoutMs?: number;
  log?: (line: string) => void;
}

export class RedeliveringSpanExporter implements SpanExporter {
  private readonly queue: ReadableSpan[][] = [];
  private queued = 0;
  private sending: Promise<void> | null = null;
  private readonly backoff: Backoff;
  private readonly maxQueuedSpans: number;
  private readonly flushTimeoutMs: number;
  private readonly log: (line: string) => void;
  private stopped = false;
  private wake: (() => void) | null = null;
  /** forceFlush calls waiting for the queue to drain or an attempt to fail. */
  private flushWaiters: (() => void)[] = [];

  constructor(
    private readonly inner: SpanExporter,
    { maxQueuedSpans = 50_000, backoff = { baseMs: 1_000, maxMs: 15_000 }, flushTimeoutMs = 30_000, log = (line) => console.error(line) }: RedeliveryOptions = {},
  ) {
    this.backoff = new Backoff(backoff);
    this.maxQueuedSpans = maxQueuedSpans;
    this.flushTimeoutMs = flushTimeoutMs;
    this.log = log;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) return resultCallback({ code: ExportResultCode.FAILED, error: new Error("exporter is shut down") });
    this.queue.push(spans);
    this.queued += spans.length;
    this.dropOldestPastLimit();
    this.sending ??= this.sendAll().finally(() => (this.sending = null));
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  /** Spans handed over and not yet acknowledged. */
  get pendingSpans(): number {
    return this.queued;
  }

  /**
   * Tries at once (cutting a backoff short) and waits until what was handed over is taken, or
   * until an attempt fails (Sightline is down: the spans stay held, and waiting longer would
   * only delay the caller), at most flushTimeoutMs.
   */
  async forceFlush(): Promise<void> {
    if (this.queue.length === 0) return;
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => this.flushWaiters.push(resolve)), new Promise((resolve) => (timer = setTimeout(resolve, this.flushTimeoutMs)))]);
    clearTimeout(timer);
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
    this.stopped = true;
    this.wake?.();
    await this.inner.shutdown();
  }

  private async sendAll(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue[0]!;
      const result = await new Promise<ExportResult>((resolve) => this.inner.export(batch, resolve));
      if (result.code === ExportResultCode.SUCCESS) {
        if (this.backoff.consecutiveFailures > 0) this.log(`[demo-shop] Sightline took the held spans again (${this.queued} were waiting)`);
        this.backoff.succeed();
        this.takeOff(batch);
        continue;
      }
      if (refusedStatus(result.error) !== null) {
        // Sightline answered that it will never take this batch (4xx): sending it again cannot help.
        this.log(`[demo-shop] Sightline refused ${batch.length} spans (${refusedStatus(result.error)}: ${result.error!.message}); dropped them`);
        this.takeOff(batch);
        continue;
      }
      const delay = this.backoff.fail(result.error ?? new Error("export failed"));
      this.releaseFlushes();
      if (this.backoff.consecutiveFailures === 1) this.log(`[demo-shop] Sightline did not take ${batch.length} spans (${this.backoff.lastError}); holding them and retrying`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    this.releaseFlushes();
  }

  /** Takes `batch` off the queue (unless the limit dropped it meanwhile); releases flushes once empty. */
  private takeOff(batch: ReadableSpan[]) {
    if (this.queue[0] === batch) {
      this.queue.shift();
      this.queued -= batch.length;
    }
    if (this.queue.length === 0) this.releaseFlushes();
  }

  private releaseFlushes() {
    for (const resolve of this.flushWaiters.splice(0)) resolve();
  }

  private dropOldestPastLimit() {
    let dropped = 0;
    while (this.queued > this.maxQueuedSpans && this.queue.length > 1) {
      const oldest = this.queue.shift()!;
      this.queued -= oldest.length;
      dropped += oldest.length;
    }
    if (dropped > 0) this.log(`[demo-shop] dropped the ${dropped} oldest spans: more than ${this.maxQueuedSpans} were waiting for Sightline`);
  }
}

/** The HTTP status of an export Sightline refused for good (4xx; 408 and 429 come back as retryable). */
function refusedStatus(error: Error | undefined): number | null {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "number" && code >= 400 && code < 500 ? code : null;
}
