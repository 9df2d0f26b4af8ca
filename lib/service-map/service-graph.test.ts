import { describe, expect, it } from "vitest";
import type { ServiceMapEdge, ServiceMapResponse } from "@/lib/schemas/service-map";
import { buildGraphOption, edgeColor, edgeWidth } from "./build-graph-option";
import { graphHeight, layoutServiceGraph } from "./layout-service-graph";

const edge = (source: string, target: string, extra: Partial<ServiceMapEdge> = {}): ServiceMapEdge => ({
  source,
  target,
  via: "span",
  calls: 100,
  errors: 0,
  requestsPerSecond: 1,
  errorRate: 0,
  p95Ms: 20,
  ...extra,
});

describe("layoutServiceGraph", () => {
  it("puts each service one column past its furthest caller", () => {
    const layout = layoutServiceGraph(["gateway", "order", "payment", "stripe", "inventory"], [
      edge("gateway", "order"),
      edge("order", "payment"),
      edge("payment", "stripe"),
      edge("order", "inventory"),
      edge("gateway", "payment"),
    ]);
    const column = (name: string) => layout.get(name)!.column;
    expect([column("gateway"), column("order"), column("payment"), column("inventory"), column("stripe")]).toEqual([0, 1, 2, 2, 3]);
    // Two services in one column sit symmetrically around the middle.
    expect([layout.get("inventory")!.row, layout.get("payment")!.row].sort()).toEqual([-0.5, 0.5]);
  });

  it("stacks services that call each other in a loop in one column, and ignores self calls", () => {
    const layout = layoutServiceGraph(["a", "b", "c", "d", "lonely"], [edge("a", "b"), edge("b", "a"), edge("b", "c"), edge("c", "c"), edge("c", "d"), edge("d", "c")]);
    expect(layout.size).toBe(5);
    const column = (name: string) => layout.get(name)!.column;
    expect([column("a"), column("b"), column("c"), column("d"), column("lonely")]).toEqual([0, 0, 1, 1, 0]);
    const rows = ["a", "b", "lonely"].map((n) => layout.get(n)!.row).sort();
    expect(rows).toEqual([-1, 0, 1]);
  });

  it("lays out a full mesh of services in one column instead of a chain", () => {
    const names = ["s1", "s2", "s3", "s4", "s5"];
    const mesh = names.flatMap((a) => names.filter((b) => b !== a).map((b) => edge(a, b)));
    const layout = layoutServiceGraph(["entry", ...names], [edge("entry", "s1"), ...mesh]);
    expect(new Set(names.map((n) => layout.get(n)!.column))).toEqual(new Set([1]));
    expect(graphHeight(layout)).toBeGreaterThan(graphHeight(layoutServiceGraph(["x", "y"], [edge("x", "y")])));
  });
});

describe("buildGraphOption", () => {
  const map: ServiceMapResponse = {
    from: 0,
    to: 60_000,
    nodes: [
      { name: "order", requests: 100, errors: 5, instrumented: true },
      { name: "payment", requests: 50, errors: 0, instrumented: true },
      { name: "stripe", requests: 0, errors: 0, instrumented: false },
    ],
    edges: [edge("order", "payment", { requestsPerSecond: 10 }), edge("payment", "order"), edge("payment", "stripe", { via: "peer", errors: 8, errorRate: 0.08 })],
  };
  const colors = { text: "#000", background: "#fff", edge: "#999", warning: "#fa0", error: "#f00" };
  const option = buildGraphOption(map, { edge: (e) => `${e.requestsPerSecond}/s <x>`, node: (n) => n.name, nodeTooltip: (n) => `<${n.name}>`, edgeTooltip: (e) => e.source }, colors);
  const series = (option.series as { data: { name: string; itemStyle: { borderType: string; borderColor: string } }[]; links: { source: string; edge: ServiceMapEdge; lineStyle: { curveness: number; color: string } }[] }[])[0]!;

  it("draws one node per service, dashed when it sends nothing, ringed red when it fails", () => {
    expect(series.data.map((n) => n.name)).toEqual(["order", "payment", "stripe"]);
    expect(series.data[2]!.itemStyle.borderType).toBe("dashed");
    expect(series.data[0]!.itemStyle.borderColor).toBe("#f00");
  });

  it("bends calls within a column (a loop) and colours failing edges", () => {
    expect(series.links.map((l) => l.lineStyle.curveness)).toEqual([0.35, 0.35, 0]);
    expect(series.links[2]!.lineStyle.color).toBe("#f00");
    expect(edgeColor(edge("a", "b", { errors: 1, errorRate: 0.01 }), colors)).toBe("#fa0");
    expect(edgeColor(edge("a", "b"), colors)).toBe("#999");
    expect(edgeWidth(edge("a", "b", { requestsPerSecond: 10 }), 10)).toBe(6);
    expect(edgeWidth(edge("a", "b", { requestsPerSecond: 0 }), 10)).toBe(1);
  });

  it("hides an edge label that would cover another, never a service's name", () => {
    const { labelLayout, edgeLabel } = (option.series as { labelLayout: (p: { dataType?: string }) => { hideOverlap?: boolean }; edgeLabel: { backgroundColor: string } }[])[0]!;
    expect(labelLayout({ dataType: "edge" }).hideOverlap).toBe(true);
    expect(labelLayout({ dataType: "node" }).hideOverlap).toBeUndefined();
    expect(labelLayout({}).hideOverlap).toBeUndefined();
    expect(edgeLabel.backgroundColor).toBe("#fff");
  });

  it("gives services whose names hash alike different colours (payment and payment-provider did)", () => {
    const shop: ServiceMapResponse = {
      ...map,
      nodes: ["gateway", "order", "inventory", "payment", "payment-provider", "coupon", "notification"].map((name) => ({ name, requests: 1, errors: 0, instrumented: true })),
      edges: [],
    };
    const nodes = (buildGraphOption(shop, { edge: () => "", node: (n) => n.name, nodeTooltip: () => "", edgeTooltip: () => "" }, colors).series as { data: { itemStyle: { color: string } }[] }[])[0]!.data;
    expect(new Set(nodes.map((n) => n.itemStyle.color)).size).toBe(7);
  });

  it("escapes tooltip text", () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataType: "node", data: { node: map.nodes[0] } })).toBe("&#60;order&#62;");
  });
});
