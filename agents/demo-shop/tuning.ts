// Every time and size the shop runs with. The defaults make a demo a person can watch (a 3 s
// payment timeout, faults that last half a minute); tests pass much shorter ones so each
// scenario plays out in a second or two.

export interface ShopTuning {
  /** payment's client timeout on calls to the payment provider */
  providerTimeoutMs: number;
  /** how long the provider takes to answer a charge */
  providerLatencyMs: number;
  /** how long after a charge the provider calls back */
  callbackDelayMs: number;
  /** simulated network time for each in-process hop between services */
  hopLatencyMs: number;
  /** the order service's pool size: small, so a few slow queries exhaust it */
  orderPoolMax: number;
  /** the coupon service's pool size: small, so its queue grows with load when lookups turn slow */
  couponPoolMax: number;
  /** the other services' pool sizes */
  poolMax: number;
  /** how long a request waits for a pool connection before failing */
  poolConnectTimeoutMs: number;
  /** how long a fault lasts (provider outage, held connections, peak) */
  faultMs: number;
  /** how long the coupon lookup takes while the peak-slowdown fault is on */
  couponStallMs: number;
  /** consecutive provider failures that open payment's circuit breaker, and how long it stays open */
  breakerFailureThreshold: number;
  breakerOpenMs: number;
  /** the expire-unpaid-orders batch job: how often, and how old an unpaid order must be */
  batchEveryMs: number;
  unpaidOrderTtlMs: number;
  /** OTLP export: metric interval, and the span batch delay */
  metricExportMs: number;
  spanExportDelayMs: number;
  /** whether the background rate follows the time of day (off: a flat rate, for tests) */
  dailyShape: boolean;
  /** seed of the traffic's random choices (a fixed seed replays the same shoppers) */
  seed: number;
}

export const DEFAULT_TUNING: ShopTuning = {
  providerTimeoutMs: 3000,
  providerLatencyMs: 120,
  callbackDelayMs: 800,
  hopLatencyMs: 1,
  orderPoolMax: 4,
  couponPoolMax: 2,
  poolMax: 3,
  poolConnectTimeoutMs: 10_000,
  faultMs: 30_000,
  couponStallMs: 150,
  breakerFailureThreshold: 5,
  breakerOpenMs: 15_000,
  batchEveryMs: 60_000,
  unpaidOrderTtlMs: 15 * 60_000,
  metricExportMs: 15_000,
  spanExportDelayMs: 5000,
  dailyShape: true,
  seed: Date.now() % 2 ** 31,
};
