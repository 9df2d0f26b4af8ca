import { describe, expect, it } from "vitest";
import type { CompactTrace } from "@/lib/schemas/trace-compact";
import { mergeFrozenCopies } from "./merge-frozen-copies";
import type { FrozenIncident } from "./schemas";

type Change = FrozenIncident["audit"][number]["changes"][number];

const trace = (spans: number) => ({ spans: { spanId: Array.from({ length: spans }, (_, i) => String(i)) } }) as unknown as CompactTrace;
const change = (id: string, committedAt: string) => ({ id, committedAt }) as Change;
const row = (changes: Change[]) => ({ database: "shop", table: "orders", pk: "1", changes });
const copy = (parts: Partial<FrozenIncident>): FrozenIncident => ({ version: 1, frozenAtMs: 1_000, report: null, traces: [], audit: [], ...parts });

describe("mergeFrozenCopies", () => {
  it("is the fresh copy when there is no earlier one", () => {
    const fresh = copy({ traces: [{ traceId: "a", trace: trace(2) }] });
    expect(mergeFrozenCopies(fresh, null)).toBe(fresh);
  });

  it("never holds less than either copy: the trace with more spans, every change once, items only the earlier held", () => {
    const earlier = copy({
      frozenAtMs: 500,
      traces: [{ traceId: "a", trace: trace(3) }, { traceId: "b", trace: trace(1) }, { traceId: "gone", trace: trace(4) }],
      audit: [row([change("1", "2026-11-25T10:00:00.000001Z"), change("2", "2026-11-25T10:00:00.000002Z")])],
    });
    const fresh = copy({
      frozenAtMs: 900,
      traces: [{ traceId: "a", trace: trace(1) }, { traceId: "b", trace: trace(2) }, { traceId: "gone", trace: null }],
      audit: [row([change("2", "2026-11-25T10:00:00.000002Z"), change("3", "2026-11-26T08:00:00.000000Z")]), { ...row([]), pk: "2" }],
    });
    const merged = mergeFrozenCopies(fresh, earlier);
    expect(merged.frozenAtMs).toBe(900);
    expect(merged.traces.map((t) => [t.traceId, t.trace?.spans.spanId.length ?? 0])).toEqual([["a", 3], ["b", 2], ["gone", 4]]);
    expect(merged.audit.map((r) => [r.pk, r.changes.map((c) => c.id)])).toEqual([["1", ["1", "2", "3"]], ["2", []]]);
  });

  it("keeps the report first copied, and takes the fresh one when there was none", () => {
    const first = { totals: { requests: 4 } } as unknown as FrozenIncident["report"];
    const later = { totals: { requests: 0 } } as unknown as FrozenIncident["report"];
    expect(mergeFrozenCopies(copy({ report: later }), copy({ report: first })).report).toBe(first);
    expect(mergeFrozenCopies(copy({ report: later }), copy({ report: null })).report).toBe(later);
    const onlyEarlier = copy({ audit: [row([change("1", "2026-11-25T10:00:00Z")])] });
    expect(mergeFrozenCopies(copy({}), onlyEarlier).audit).toEqual(onlyEarlier.audit);
  });
});
