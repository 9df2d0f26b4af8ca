import type { Faults } from "./faults";
import type { Lifecycle } from "./lifecycle";
import type { Shoppers } from "./shopper";
import { dailyRateMultiplier, nextArrivalDelayMs, pickRequestKind } from "./traffic-shape";

// The background traffic: Poisson arrivals at `rate` × the time of day × any peak a scenario
// declares, each a shopper action from the mix; now and then a crawler bursts past the rate
// limiter. Requests run concurrently but are capped, so a stuck dependency cannot pile up an
// unbounded number of them.

const MAX_IN_FLIGHT = 64;
const RECHECK_MS = 5000; // a sleep never outlasts a rate change by more than this
const CRAWL_CHANCE = 0.002; // per arrival: about one burst every few minutes at the default rate
const CRAWL_BURST = 25;

export interface TrafficStats {
  requests: number;
  failed: number;
  rejected: number;
}

export class Traffic {
  private inFlight = 0;
  private stats: TrafficStats = { requests: 0, failed: 0, rejected: 0 };

  constructor(
    private readonly shoppers: Shoppers,
    private readonly lifecycle: Lifecycle,
    private readonly faults: Faults,
    private readonly options: { rate: number; dailyShape: boolean; random: () => number; onError: (error: unknown) => void },
  ) {}

  start(): void {
    if (this.options.rate > 0) this.lifecycle.spawn(() => this.loop(), this.options.onError);
  }

  /** The counts since the last call (for the shop's periodic log line). */
  takeStats(): TrafficStats {
    const stats = this.stats;
    this.stats = { requests: 0, failed: 0, rejected: 0 };
    return stats;
  }

  private async loop(): Promise<void> {
    const { random } = this.options;
    while (!this.lifecycle.stopping) {
      const shape = this.options.dailyShape ? dailyRateMultiplier(new Date()) : 1;
      const rate = this.options.rate * shape * this.faults.trafficMultiplier;
      const delay = nextArrivalDelayMs(rate, random());
      // Memorylessness: sleeping RECHECK_MS and drawing again is the same process, at the new rate.
      await this.lifecycle.idle(Math.min(delay, RECHECK_MS));
      if (delay > RECHECK_MS || this.lifecycle.stopping || this.inFlight >= MAX_IN_FLIGHT) continue;
      if (random() < CRAWL_CHANCE) this.track(() => this.shoppers.crawl(CRAWL_BURST));
      else this.track(async () => [await this.shoppers.act(pickRequestKind(random()))]);
    }
  }

  private track(work: () => Promise<{ status: number }[]>): void {
    this.inFlight += 1;
    this.lifecycle.spawn(async () => {
      try {
        for (const answer of await work()) {
          this.stats.requests += 1;
          if (answer.status === 429) this.stats.rejected += 1;
          else if (answer.status >= 500) this.stats.failed += 1;
        }
      } catch (error) {
        this.stats.failed += 1;
        throw error;
      } finally {
        this.inFlight -= 1;
      }
    }, this.options.onError);
  }
}
