import { describe, expect, it } from "vitest";
import { readQuerySpec } from "@/lib/metrics/explorer-url";
import { ruleLink } from "./rule-link";

describe("ruleLink", () => {
  it("opens the metrics explorer on the rule's query, readable by the explorer", () => {
    const link = ruleLink({ kind: "metric", name: "http.server.request.duration", filter: ["service.name=checkout"], agg: "p95", groupBy: [], reducer: "avg", windowSeconds: 300 });
    const q = new URL(link, "http://x").searchParams.get("q")!;
    expect(readQuerySpec(q)).toMatchObject({ name: "http.server.request.duration", agg: "p95", filter: ["service.name=checkout"] });
  });

  it("opens the page of what the rule watches, with names encoded", () => {
    expect(ruleLink({ kind: "red", service: "check out", operation: "POST /checkout", measure: "p95-ms", windowSeconds: 300, minRequests: 10 })).toBe("/services/check%20out");
    expect(ruleLink({ kind: "job", job: "expire-unpaid-orders", service: "order", graceSeconds: 120 })).toBe("/jobs/order/expire-unpaid-orders");
    expect(ruleLink({ kind: "job", job: "nightly", graceSeconds: 120 })).toBe("/jobs");
    expect(ruleLink({ kind: "database", measure: "deadlocks", windowSeconds: 300 })).toBe("/database");
  });
});
