import type { AuditChangeInput } from "@/lib/schemas/audit";

// One shop order's row changes as the db agent would send them, with commit times spread as the
// demo shop spreads them (tuning.ts: the callback 800 ms after the charge): order and items,
// stock reserved, a coupon redemption for 30% of orders, the order pending payment, the payment
// created, charged, called back, the order paid; 3% of orders are cancelled 5 s later, putting
// the stock back in the same transaction and refunding the payment. About 10.4 changes an order.

type Row = Record<string, string | number | boolean | null>;
export interface TimedChange {
  atMs: number;
  change: Omit<AuditChangeInput, "committedAt"> & { committedAt: string };
}

export function makeOrderLifecycle(seed = 1) {
  let orderId = 0;
  let seq = 0;
  let txid = 1_000;
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const traceId = () => Array.from({ length: 32 }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");

  return (startMs: number): TimedChange[] => {
    const id = ++orderId;
    const out: TimedChange[] = [];
    const change = (atMs: number, tx: number, trace: string, table: string, op: AuditChangeInput["op"], pk: Row, before: Row | null, after: Row | null): void => {
      const changed = Object.keys(after ?? before ?? {}).filter((k) => before === null || after === null || before[k] !== after[k]);
      out.push({
        atMs,
        change: {
          id: `bench:1:${++seq}`,
          database: "shop",
          schema: "public",
          table,
          op,
          pk,
          before,
          after,
          changedColumns: changed,
          actor: null,
          dbUser: "shop",
          applicationName: "demo-shop/bench",
          statement: null,
          txid: String(tx),
          traceId: trace,
          spanId: null,
          committedAt: new Date(atMs).toISOString(),
        },
      });
    };
    const checkout = traceId();
    const coupon = random() < 0.3 ? "WELCOME10" : null;
    const products = [1 + Math.floor(random() * 12), 13 + Math.floor(random() * 12)];
    const order = { id, customer_id: `u-${1001 + (id % 16)}`, status: "NEW", total_cents: 2_990, coupon_id: null as string | null };
    let tx = ++txid;
    change(startMs, tx, checkout, "orders", "INSERT", { id }, null, order);
    for (const p of products) change(startMs, tx, checkout, "order_items", "INSERT", { order_id: id, product_id: p }, null, { order_id: id, product_id: p, quantity: 1 });
    tx = ++txid;
    for (const p of products) change(startMs + 20, tx, checkout, "inventory", "UPDATE", { product_id: p }, { product_id: p, on_hand: 500 }, { product_id: p, on_hand: 499 });
    if (coupon) change(startMs + 40, ++txid, checkout, "coupon_redemptions", "INSERT", { id }, null, { id, coupon_id: coupon, order_id: id, discount_cents: 299 });
    const pending = { ...order, status: "PENDING_PAYMENT", coupon_id: coupon };
    change(startMs + 60, ++txid, checkout, "orders", "UPDATE", { id }, order, pending);
    const payment = { id, order_id: id, status: "PENDING", callback_event_id: null as string | null, card_number: "****4242" };
    change(startMs + 80, ++txid, checkout, "payments", "INSERT", { id }, null, payment);
    const charged = { ...payment, status: "SUCCESS" };
    change(startMs + 220, ++txid, checkout, "payments", "UPDATE", { id }, payment, charged);
    const callback = traceId();
    const confirmed = { ...charged, callback_event_id: `evt_${id}` };
    change(startMs + 1_020, ++txid, callback, "payments", "UPDATE", { id }, charged, confirmed);
    const paid = { ...pending, status: "PAID" };
    change(startMs + 1_030, ++txid, callback, "orders", "UPDATE", { id }, pending, paid);
    if (random() < 0.03) {
      const cancel = traceId();
      tx = ++txid;
      change(startMs + 6_000, tx, cancel, "orders", "UPDATE", { id }, paid, { ...paid, status: "CANCELLED" });
      for (const p of products) change(startMs + 6_000, tx, cancel, "inventory", "UPDATE", { product_id: p }, { product_id: p, on_hand: 499 }, { product_id: p, on_hand: 500 });
      change(startMs + 6_000, tx, cancel, "payments", "UPDATE", { id }, confirmed, { ...confirmed, status: "REFUNDED" });
    }
    return out;
  };
}
