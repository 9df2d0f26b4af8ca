import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TRACE_IDS } from "@/lib/schemas/traces";
import { auditTracesLink } from "./audit-traces-link";

const id = (n: number) => n.toString(16).padStart(32, "0");
const change = (trace: number | null, at: string) => ({ traceId: trace === null ? null : id(trace), committedAt: at });

describe("auditTracesLink", () => {
  it("searches exactly the distinct traces behind the changes, in a window around their commits", () => {
    const link = auditTracesLink([change(2, "2026-12-04T10:05:00Z"), change(1, "2026-12-04T10:01:00Z"), change(null, "2026-12-04T10:03:00Z"), change(2, "2026-12-04T10:00:00Z")]);
    expect(link).toMatchObject({ traces: 2, total: 2 });
    const url = new URL(link!.href, "http://x");
    expect(url.pathname).toBe("/traces");
    expect(url.searchParams.getAll("traceId")).toEqual([id(2), id(1)]);
    expect(Number(url.searchParams.get("from"))).toBe(Date.parse("2026-12-04T09:00:00Z"));
    expect(Number(url.searchParams.get("to"))).toBe(Date.parse("2026-12-04T10:10:00Z"));
    // Few enough for the search's default page: no limit in the link.
    expect(url.searchParams.get("limit")).toBeNull();
  });

  it("offers the newest traces the search accepts when there are more, and says how many there were", () => {
    const changes = Array.from({ length: 150 }, (_, i) => change(150 - i, new Date(Date.parse("2026-12-04T12:00:00Z") - i * 1000).toISOString()));
    const link = auditTracesLink(changes)!;
    expect(link).toMatchObject({ traces: MAX_SEARCH_TRACE_IDS, total: 150 });
    const url = new URL(link.href, "http://x");
    expect(url.searchParams.getAll("traceId")).toHaveLength(MAX_SEARCH_TRACE_IDS);
    expect(url.searchParams.getAll("traceId")[0]).toBe(id(150));
    expect(url.searchParams.get("limit")).toBe(String(MAX_SEARCH_TRACE_IDS));
  });

  it("is null when no change carried a request", () => {
    expect(auditTracesLink([change(null, "2026-12-04T10:00:00Z")])).toBeNull();
    expect(auditTracesLink([])).toBeNull();
  });
});
