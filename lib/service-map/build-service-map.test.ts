import { describe, expect, it } from "vitest";
import { serviceMapResponseSchema } from "@/lib/schemas/service-map";
import { buildServiceMap } from "./build-service-map";

const window = { fromMs: 1_764_000_000_000, toMs: 1_764_000_600_000 };

describe("buildServiceMap", () => {
  const map = buildServiceMap(
    window,
    [
      { name: "order", requests: 1200, errors: 12 },
      { name: "gateway", requests: 1500, errors: 3 },
      { name: "batch", requests: 0, errors: 0 },
    ],
    [
      { source: "order", target: "stripe", via: "peer", calls: 60, errors: 6, p95_ms: 812.5 },
      { source: "gateway", target: "order", via: "span", calls: 1200, errors: 12, p95_ms: 48.2 },
      { source: "order", target: "inventory", via: "span", calls: 300, errors: 0, p95_ms: null },
    ],
  );

  it("turns counts into rates over the window and error shares", () => {
    const gatewayToOrder = map.edges.find((e) => e.source === "gateway")!;
    expect(gatewayToOrder.requestsPerSecond).toBe(2);
    expect(gatewayToOrder.errorRate).toBe(0.01);
    expect(gatewayToOrder.p95Ms).toBe(48.2);
    expect(map.edges.find((e) => e.target === "inventory")!.p95Ms).toBe(0);
  });

  it("adds services that only appear on edges; a peer-only target is not instrumented", () => {
    expect(map.nodes.map((n) => n.name)).toEqual(["batch", "gateway", "inventory", "order", "stripe"]);
    expect(map.nodes.find((n) => n.name === "stripe")).toEqual({ name: "stripe", requests: 0, errors: 0, instrumented: false });
    expect(map.nodes.find((n) => n.name === "inventory")!.instrumented).toBe(true);
  });

  it("orders edges by source and target and matches the API schema", () => {
    expect(map.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["gateway>order", "order>inventory", "order>stripe"]);
    expect(serviceMapResponseSchema.parse(map)).toEqual(map);
  });
});
