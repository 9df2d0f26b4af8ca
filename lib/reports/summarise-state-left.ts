import type { AffectedOrder } from "./summarise-impact";
import type { ReportAttributes } from "./report-attributes";
import type { TimeoutReport } from "./schemas";
import { moneyByCurrency } from "./timeout-arithmetic";

// What the timeouts left behind in the database, read from the audit trail: each affected
// order's LAST recorded status (still pending, failed or expired = unpaid), and payments that
// were recorded as timed out but later succeeded or were confirmed by the provider (money
// taken for an order the shopper was told had failed).

const MAX_ROWS = 200;

export interface OrderStatusChange {
  orderId: string;
  /** null: the row was deleted. */
  status: string | null;
  committedAtMs: number;
}

export interface PaymentChange {
  paymentId: string;
  orderId: string;
  status: string | null;
  confirmed: boolean;
  committedAtMs: number;
}

export function summariseStateLeft(
  orders: readonly AffectedOrder[],
  orderChanges: readonly OrderStatusChange[],
  paymentChanges: readonly PaymentChange[],
  config: ReportAttributes["audit"],
): TimeoutReport["stateLeft"] {
  const latest = new Map<string, OrderStatusChange>();
  for (const change of orderChanges) {
    const seen = latest.get(change.orderId);
    if (!seen || change.committedAtMs >= seen.committedAtMs) latest.set(change.orderId, change);
  }
  const unpaidStatuses = new Set(config.orders.unpaidStatuses);
  const unpaid = orders
    .flatMap((order) => {
      const change = latest.get(order.orderId);
      return change && change.status !== null && unpaidStatuses.has(change.status) ? [{ ...order, status: change.status, changedAtMs: change.committedAtMs }] : [];
    })
    .sort((a, b) => a.changedAtMs - b.changedAtMs || a.orderId.localeCompare(b.orderId));

  const recovered = recoveredPayments(paymentChanges, config.payments);
  return {
    ordersChecked: orders.length,
    ordersWithoutAudit: orders.filter((o) => !latest.has(o.orderId)).length,
    unpaid: {
      count: unpaid.length,
      moneyByCurrency: moneyByCurrency(unpaid),
      orders: unpaid.slice(0, MAX_ROWS).map(({ orderId, status, changedAtMs, amount, currency, traceId }) => ({ orderId, status, changedAtMs, amount, currency, traceId })),
    },
    paymentsRecovered: recovered.slice(0, MAX_ROWS),
    paymentsRecoveredCount: recovered.length,
  };
}

type RecoveredPayment = NonNullable<TimeoutReport["stateLeft"]["paymentsRecovered"]>[number];

function recoveredPayments(changes: readonly PaymentChange[], config: ReportAttributes["audit"]["payments"]): RecoveredPayment[] {
  const timedOut = new Set(config.timedOutStatuses);
  const succeeded = new Set(config.succeededStatuses);
  const byPayment = new Map<string, PaymentChange[]>();
  for (const change of changes) byPayment.set(change.paymentId, [...(byPayment.get(change.paymentId) ?? []), change]);
  const recovered: RecoveredPayment[] = [];
  for (const [paymentId, history] of byPayment) {
    history.sort((a, b) => a.committedAtMs - b.committedAtMs);
    const timeout = history.find((c) => c.status !== null && timedOut.has(c.status));
    if (!timeout) continue;
    const success = history.find((c) => c.committedAtMs >= timeout.committedAtMs && c !== timeout && ((c.status !== null && succeeded.has(c.status)) || c.confirmed));
    if (success) recovered.push({ paymentId, orderId: timeout.orderId, timedOutAtMs: timeout.committedAtMs, succeededAtMs: success.committedAtMs });
  }
  return recovered.sort((a, b) => a.timedOutAtMs - b.timedOutAtMs);
}
