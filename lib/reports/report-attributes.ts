import { z } from "zod";

// Which span attributes and audited tables the timeout report reads as customer, order, amount
// and currency, and which audited statuses mean "left unpaid". OpenTelemetry's semantic
// convention names come first (enduser.id, and user.id which replaces it in newer conventions);
// the demo shop's business attributes (order.id, order.amount, order.currency) and tables
// (orders, payments) make the demo work out of the box. Admins change them under Settings →
// Timeout report (stored in `settings`, lib/reports/report-settings.ts); every report records
// the configuration it was computed with, so a frozen copy stays readable.
// Kept free of server imports: the Settings card validates with the same schema.

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL (U+0000) characters");

const uniqueList = (item: z.ZodType<string>, min: number, max: number) =>
  z
    .array(item)
    .min(min, min === 1 ? "needs at least one entry" : `needs at least ${min} entries`)
    .max(max, `must have at most ${max} entries`)
    .refine((list) => new Set(list).size === list.length, "must not name the same entry twice");

/** Attribute keys, first match wins. */
const attributeKeys = uniqueList(text(200), 1, 20);
/** A table or column name as the db agent reports it (PostgreSQL identifiers are at most 63 bytes). */
const sqlName = text(63);
const statuses = (min: number) => uniqueList(text(100), min, 50);

export const reportAttributesSchema = z.strictObject({
  customer: attributeKeys.describe("span attribute keys naming the customer, first match wins"),
  order: attributeKeys.describe("span attribute keys naming the order"),
  amount: attributeKeys.describe("span attribute keys holding the order's amount in major units (12.5 = €12.50)"),
  currency: attributeKeys.describe("span attribute keys holding the order's ISO 4217 currency"),
  audit: z.strictObject({
    orders: z.strictObject({
      table: sqlName,
      idColumn: sqlName.describe("primary key column of the orders table (its value is the span's order id)"),
      statusColumn: sqlName,
      unpaidStatuses: statuses(1).describe("statuses that mean the order was not paid (still pending, failed, expired)"),
    }),
    payments: z.strictObject({
      table: sqlName,
      idColumn: sqlName,
      orderColumn: sqlName,
      statusColumn: sqlName,
      timedOutStatuses: statuses(1),
      succeededStatuses: statuses(0),
      confirmedColumn: sqlName.nullable().describe("set when the provider confirmed the charge later (a callback), whatever the status says; null: none"),
    }),
  }),
});

export type ReportAttributes = z.infer<typeof reportAttributesSchema>;

export const REPORT_ATTRIBUTES: ReportAttributes = {
  customer: ["enduser.id", "user.id", "customer.id"],
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
