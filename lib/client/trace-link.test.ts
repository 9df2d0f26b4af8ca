import { describe, expect, it } from "vitest";
import { traceSearchLink } from "./trace-link";

describe("traceSearchLink", () => {
  it("writes the window, the service and the order the chart implies", () => {
    const url = new URL(traceSearchLink({ fromMs: 1_000.4, toMs: 61_000.2, service: "order", operation: "POST /orders", sort: "duration" }), "http://x");
    expect(url.pathname).toBe("/traces");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: "1000", to: "61001", service: "order", operation: "POST /orders", sort: "duration" });
  });

  it("asks for failing traces on an error chart and leaves defaults out", () => {
    const url = new URL(traceSearchLink({ fromMs: 0, toMs: 60_000, service: "payment", status: "error", timeout: true }), "http://x");
    expect(url.searchParams.get("status")).toBe("error");
    expect(url.searchParams.get("timeout")).toBe("true");
    expect(url.searchParams.has("operation")).toBe(false);
    expect(url.searchParams.has("sort")).toBe(false);
  });

  it("offers exact traces and attribute conditions", () => {
    const url = new URL(traceSearchLink({ fromMs: 0, toMs: 1, attr: ["peer.service=stripe"], traceIds: ["a".repeat(32), "b".repeat(32)] }), "http://x");
    expect(url.searchParams.getAll("attr")).toEqual(["peer.service=stripe"]);
    expect(url.searchParams.getAll("traceId")).toEqual(["a".repeat(32), "b".repeat(32)]);
  });
});
