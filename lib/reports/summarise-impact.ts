import type { ReportAttributes } from "./report-attributes";
import type { TimeoutReport } from "./schemas";
import { moneyByCurrency } from "./timeout-arithmetic";

// Who and what the timed-out requests touched: customers and orders named by any span of each
// timed-out trace (the entry span often lacks them: the order id is only known once the order
// service created it), and each order's amount and currency. An order's amount is read from
// the LAST span that states it, because a checkout may restate it (subtotal, then the total
// after a discount, then the amount charged).

const MAX_IDS = 200;

export interface TraceAttributeRow {
  traceId: string;
  /** Start of the span carrying the attributes; orders which statement is the latest. */
  startNs: number;
  attributes: Record<string, unknown>;
}

export interface AffectedOrder {
  orderId: string;
  traceId: string;
  amount: number | null;
  currency: string | null;
}

const firstText = (attributes: Record<string, unknown>, keys: readonly string[]): string | null => {
  for (const key of keys) {
    const value = attributes[key];
    if ((typeof value === "string" && value !== "") || typeof value === "number") return String(value);
  }
  return null;
};

const firstNumber = (attributes: Record<string, unknown>, keys: readonly string[]): number | null => {
  for (const key of keys) {
    const value = attributes[key];
    const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (Number.isFinite(number)) return number;
  }
  return null;
};

export function summariseImpact(
  rows: readonly TraceAttributeRow[],
  config: ReportAttributes,
  examined: { timedOutTraces: number; truncated: boolean },
): { impact: TimeoutReport["impact"]; orders: AffectedOrder[] } {
  const customers = new Set<string>();
  const orders = new Map<string, AffectedOrder & { amountAt: number; currencyAt: number }>();
  const traceCurrency = new Map<string, string>();
  for (const row of [...rows].sort((a, b) => a.startNs - b.startNs)) {
    const customer = firstText(row.attributes, config.customer);
    if (customer !== null) customers.add(customer);
    const currency = firstText(row.attributes, config.currency);
    if (currency !== null) traceCurrency.set(row.traceId, currency);
    const orderId = firstText(row.attributes, config.order);
    if (orderId === null) continue;
    const order = orders.get(orderId) ?? { orderId, traceId: row.traceId, amount: null, currency: null, amountAt: -Infinity, currencyAt: -Infinity };
    const amount = firstNumber(row.attributes, config.amount);
    if (amount !== null && row.startNs >= order.amountAt) Object.assign(order, { amount, amountAt: row.startNs });
    if (currency !== null && row.startNs >= order.currencyAt) Object.assign(order, { currency, currencyAt: row.startNs });
    orders.set(orderId, order);
  }
  const affected: AffectedOrder[] = [...orders.values()].map(({ orderId, traceId, amount, currency }) => ({
    orderId,
    traceId,
    amount,
    // An order's currency stated only on another span of its trace (the entry span) still counts.
    currency: currency ?? traceCurrency.get(traceId) ?? null,
  }));
  return {
    impact: {
      timedOutTraces: examined.timedOutTraces,
      truncated: examined.truncated,
      customers: { count: customers.size, ids: [...customers].sort().slice(0, MAX_IDS) },
      orders: { count: affected.length, ids: affected.map((o) => o.orderId).slice(0, MAX_IDS) },
      moneyByCurrency: moneyByCurrency(affected),
    },
    orders: affected,
  };
}
