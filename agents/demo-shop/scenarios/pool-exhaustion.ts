import { randomBasket } from "../shopper";
import { traceIdsOf, type Scenario } from "./scenario";

// An analyst runs the sales report a few times at once; each run holds one of the order
// service's few pool connections for the whole fault. Every other order request then waits in
// `pool.connect` (or times out there) while the database and CPU sit idle.

export const poolExhaustion: Scenario = async ({ client, faults, tuning, lifecycle, random, log }) => {
  faults.reportStallMs = tuning.faultMs;
  log(`pool-exhaustion: ${tuning.orderPoolMax} slow sales reports hold every order-service connection for ${tuning.faultMs} ms`);
  try {
    const reports = Array.from({ length: tuning.orderPoolMax }, () => client.request("ops-analyst", "GET", "/admin/reports/sales"));
    await lifecycle.sleep(Math.min(250, tuning.faultMs / 4)); // the reports take the connections first
    faults.reportStallMs = 0; // later reports would be quick again; the held ones are already stalling
    const victims = await Promise.all([
      client.request("u-1002", "GET", "/orders"),
      client.request("u-1006", "GET", "/orders"),
      client.checkout("u-1011", randomBasket(random)),
    ]);
    const held = await Promise.all(reports);
    const waited = victims.map((v) => Math.round(v.durationMs));
    return {
      scenario: "pool-exhaustion",
      traceIds: traceIdsOf([...held, ...victims]),
      orderIds: [],
      summary: `requests behind the exhausted pool took ${waited.join(", ")} ms`,
    };
  } finally {
    faults.reportStallMs = 0;
  }
};
