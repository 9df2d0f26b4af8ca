// The switches fault scenarios flip. Services consult them where a real fault would strike
// (the provider's handler, the coupon lookup, the report query); everything that follows —
// timeouts, queueing for connections, lock waits, the deadlock — is real behaviour of the
// code, the pools and PostgreSQL.

export type CallbackFaultMode = "duplicate" | "drop";

export interface CallbackFault {
  mode: CallbackFaultMode;
  /** called by the provider with the payment's idempotency key once the callbacks are dealt with */
  settle(idempotencyKey: string): void;
}

export interface DeadlockFault {
  orderId: string;
  /** both transactions wait here holding their first row lock, then ask for the other's */
  meet(): Promise<void>;
}

export class Faults {
  /** while set, the payment provider answers nothing until it resolves */
  providerOutage: Promise<void> | undefined;
  /** claimed by the next successful charge: its callback is sent twice, or never */
  callbackFault: CallbackFault | undefined;
  /** the sales report holds its connection this long */
  reportStallMs = 0;
  /** each coupon lookup takes this long */
  couponStallMs = 0;
  /** multiplies the background traffic rate (a peak) */
  trafficMultiplier = 1;
  deadlock: DeadlockFault | undefined;

  /** Arms a callback fault for the next successful charge; resolves with that payment's idempotency key. */
  armCallbackFault(mode: CallbackFaultMode): Promise<string> {
    return new Promise((resolve) => {
      this.callbackFault = { mode, settle: resolve };
    });
  }

  /** The armed callback fault, if any, for exactly one charge. */
  takeCallbackFault(): CallbackFault | undefined {
    const fault = this.callbackFault;
    this.callbackFault = undefined;
    return fault;
  }
}

/**
 * A meeting point for `parties` callers: each waits until all have arrived, or `timeoutMs` has
 * passed (so a party that never comes cannot hang the others).
 */
export function rendezvous(parties: number, timeoutMs: number): () => Promise<void> {
  let arrived = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived >= parties) open();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([opened, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  };
}
