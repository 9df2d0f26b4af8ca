import { rendezvous } from "../faults";
import { placeOrder, traceIdsOf, type Scenario } from "./scenario";

// A customer cancels an order (order service: the order row, then its stock rows) while the
// warehouse reports a shortage of the same product (inventory service: the stock row, then the
// orders it backorders). Two transactions on two pools take the same rows in opposite order;
// the scenario only lines them up so each holds its first lock when it asks for the other's.
// PostgreSQL detects the cycle and aborts one with SQLSTATE 40P01; it rolls back, the other commits.

const PRODUCT = 3;

export const deadlock: Scenario = async (context) => {
  const { client, faults, tuning, lifecycle, log } = context;
  const placed = await placeOrder(context, "u-1005", PRODUCT);
  // Let the payment callback land first, so the only contenders for these rows are the two below.
  for (let i = 0; i < 20; i++) {
    const order = await client.request<{ status?: string }>("u-1005", "GET", `/orders/${placed.orderId}`);
    if (order.body.status !== "PENDING_PAYMENT") break;
    await lifecycle.sleep(Math.max(50, tuning.callbackDelayMs / 2));
  }
  log(`deadlock: cancelling order ${placed.orderId} while the warehouse adjusts product ${PRODUCT}`);
  faults.deadlock = { orderId: placed.orderId, meet: rendezvous(2, 5000) };
  try {
    const answers = await Promise.all([
      client.request("u-1005", "POST", `/orders/${placed.orderId}/cancel`),
      client.request("warehouse-sync", "POST", `/admin/inventory/${PRODUCT}/adjust`, { delta: -1, orderIds: [placed.orderId] }),
    ]);
    const [cancel, adjust] = answers;
    return {
      scenario: "deadlock",
      traceIds: traceIdsOf(answers),
      orderIds: [placed.orderId],
      summary: `cancel answered ${cancel.status}, stock adjustment answered ${adjust.status}`,
    };
  } finally {
    faults.deadlock = undefined;
  }
};
