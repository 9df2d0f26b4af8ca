import { describe, expect, it } from "vitest";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { explorerHref, explorerParsers, explorerUrlRules, MAX_EXPLORER_QUERIES, readQuerySpec, usedQueries, writeQuerySpec } from "./explorer-url";
import type { MetricQuerySpec } from "./metric-query-spec";

const p95: MetricQuerySpec = { name: "http.server.request.duration", agg: "p95", filter: ["http.route=/cart, {x}"], groupBy: ["service.name"], chart: "line" };

describe("explorer URL state", () => {
  it("writes a query as compact JSON without its defaults and reads it back unchanged", () => {
    expect(writeQuerySpec(p95)).toBe('{"name":"http.server.request.duration","agg":"p95","filter":["http.route=/cart, {x}"],"groupBy":["service.name"]}');
    expect(readQuerySpec(writeQuerySpec(p95))).toEqual(p95);
    const heatmap: MetricQuerySpec = { name: "d", filter: [], groupBy: [], chart: "heatmap", label: "Latency" };
    expect(writeQuerySpec(heatmap)).toBe('{"name":"d","chart":"heatmap","label":"Latency"}');
    expect(readQuerySpec('{"name":"d"}')).toEqual({ name: "d", filter: [], groupBy: [], chart: "line" });
  });

  it("refuses text that is not a query", () => {
    for (const text of ["", "not json", "[]", "null", '{"agg":"p95"}', '{"name":""}', '{"name":"x","agg":"p42"}', '{"name":"x","filter":["novalue"]}', '{"name":"x","chart":"pie"}', `{"name":"${"x".repeat(30_000)}"}`]) {
      expect(readQuerySpec(text), text.slice(0, 40)).toBeNull();
    }
  });

  it("round-trips several queries through a link with the window", () => {
    const b: MetricQuerySpec = { name: "orders", agg: "rate", filter: [], groupBy: [], chart: "bar" };
    const href = explorerHref("/metrics", { q: [p95, b], from: 1_000, to: 2_000 });
    const params = new URL(href, "http://x").searchParams;
    expect(params.get("from")).toBe("1000");
    expect(explorerParsers.q.parse(params.getAll("q"))).toEqual([p95, b]);
  });

  it("names unreadable queries and queries past the maximum, and uses at most the maximum", () => {
    const many = Array.from({ length: MAX_EXPLORER_QUERIES + 1 }, (_, i) => ["q", writeQuerySpec({ ...p95, name: `m${i}` })]);
    const query = new URLSearchParams([["q", "{broken"], ...many]);
    expect(describeUrlProblems(query, explorerUrlRules)).toEqual([
      { param: "q", value: "{broken", reason: "unreadable", instead: { kind: "ignored" } },
      { param: "q", value: expect.stringContaining(`"m${MAX_EXPLORER_QUERIES}"`) as string, reason: "tooMany", instead: { kind: "ignored" } },
    ]);
    const parsed = explorerParsers.q.parse(query.getAll("q")) ?? [];
    expect(parsed).toHaveLength(MAX_EXPLORER_QUERIES + 1);
    expect(usedQueries(parsed).map((q) => q.name)).toEqual(Array.from({ length: MAX_EXPLORER_QUERIES }, (_, i) => `m${i}`));
  });
});
