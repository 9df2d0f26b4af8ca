// Which span attributes and audited tables the timeout report reads as customer, order, amount
// and currency, and which audited statuses mean "left unpaid". OpenTelemetry's semantic
// convention names come first (enduser.id); the demo shop's business attributes (order.id,
// order.amount, order.currency) and tables (orders, payments) make the demo work out of the box.
// A constant for now: a Settings page that edits it (stored per installation) is still to come.
// Every report stores the configuration it was computed with, so a frozen copy stays readable.

export interface ReportAttributes {
  /** Span attribute keys naming the customer, first match wins. */
  customer: string[];
  order: string[];
  /** Span attribute keys holding the order's amount in major units (12.5 = €12.50). */
  amount: string[];
  currency: string[];
  audit: {
    orders: {
      table: string;
      /** Primary key column of the orders table (its value is the span's order id). */
      idColumn: string;
      statusColumn: string;
      /** Statuses that mean the order was not paid (still pending, failed, expired). */
      unpaidStatuses: string[];
    };
    payments: {
      table: string;
      idColumn: string;
      orderColumn: string;
      statusColumn: string;
      timedOutStatuses: string[];
      succeededStatuses: string[];
      /** Set when the provider confirmed the charge later (a callback), whatever the status says. */
      confirmedColumn: string | null;
    };
  };
}

export const REPORT_ATTRIBUTES: ReportAttributes = {
  customer: ["enduser.id", "customer.id"],
  order: ["order.id"],
  amount: ["order.amount"],
  currency: ["order.currency"],
  audit: {
    orders: { table: "orders", idColumn: "id", statusColumn: "status", unpaidStatuses: ["NEW", "PENDING_PAYMENT", "PAYMENT_FAILED", "EXPIRED"] },
    payments: {
      table: "payments",
      idColumn: "id",
      orderColumn: "order_id",
      statusColumn: "status",
      timedOutStatuses: ["TIMED_OUT"],
      succeededStatuses: ["SUCCESS"],
      confirmedColumn: "confirmed_at",
    },
  },
};

/** Every span attribute key the report reads, for one `?|` filter in SQL. */
export function businessAttributeKeys(config: ReportAttributes): string[] {
  return [...new Set([...config.customer, ...config.order, ...config.amount, ...config.currency])];
}
