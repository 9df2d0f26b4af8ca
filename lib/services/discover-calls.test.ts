import { describe, expect, it } from "vitest";
import { mapCallTargets } from "./discover-calls";

const services = new Set(["gateway", "order", "payment"]);

describe("mapCallTargets", () => {
  it("names the child span's service, else the peer, and marks peers that send no telemetry", () => {
    expect(
      mapCallTargets(
        [
          { caller: "gateway", operation: "POST /orders", callee: "order", peer: "order", calls: 10 },
          { caller: "payment", operation: "POST /charge", callee: null, peer: "acmepay", calls: 4 },
          { caller: "order", operation: "GET /stock", callee: null, peer: "payment", calls: 2 },
        ],
        services,
      ),
    ).toEqual([
      { caller: "gateway", operation: "POST /orders", target: "order", type: "service" },
      { caller: "payment", operation: "POST /charge", target: "acmepay", type: "peer" },
      { caller: "order", operation: "GET /stock", target: "payment", type: "service" },
    ]);
  });

  it("prefers a child span over a peer name, and the most called target otherwise", () => {
    const rows = [
      { caller: "order", operation: "POST /pay", callee: null, peer: "payment-lb", calls: 50 },
      { caller: "order", operation: "POST /pay", callee: "payment", peer: "payment-lb", calls: 3 },
      { caller: "order", operation: "GET /x", callee: null, peer: "a", calls: 1 },
      { caller: "order", operation: "GET /x", callee: null, peer: "b", calls: 9 },
    ];
    expect(mapCallTargets(rows, services).map((t) => t.target)).toEqual(["payment", "b"]);
  });

  it("ignores calls without a target and calls to itself", () => {
    expect(
      mapCallTargets(
        [
          { caller: "order", operation: "SELECT", callee: null, peer: null, calls: 5 },
          { caller: "order", operation: "GET /self", callee: "order", peer: "order", calls: 5 },
        ],
        services,
      ),
    ).toEqual([]);
  });
});
