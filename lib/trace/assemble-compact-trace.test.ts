import { describe, expect, it } from "vitest";
import { compactTraceSchema } from "@/lib/schemas/trace-compact";
import { assembleCompactTrace, type TraceColumns } from "./assemble-compact-trace";
import { loadFixture } from "./fixtures/load-fixture";

const columns = (spans: { id: string; parent: string | null; service: string; name: string }[]): TraceColumns => ({
  traceId: "0123456789abcdef0123456789abcdef",
  startTimeUnixNano: "1764000000000000000",
  spanIds: spans.map((s) => s.id),
  parentSpanIds: spans.map((s) => s.parent),
  serviceNames: spans.map((s) => s.service),
  names: spans.map((s) => s.name),
  kinds: spans.map(() => 1),
  statuses: spans.map(() => 0),
  startsNs: spans.map((_, i) => i * 1000),
  durationsNs: spans.map(() => 500),
  flags: spans.map(() => 0),
});

describe("assembleCompactTrace", () => {
  it("links parents by index and sends each service and name once", () => {
    const trace = assembleCompactTrace(
      columns([
        { id: "a", parent: null, service: "gateway", name: "GET /" },
        { id: "b", parent: "a", service: "order", name: "load" },
        { id: "c", parent: "a", service: "order", name: "load" },
        { id: "d", parent: "c", service: "gateway", name: "GET /" },
      ]),
    );
    expect(trace.spans.parent).toEqual([-1, 0, 0, 2]);
    expect(trace.services).toEqual(["gateway", "order"]);
    expect(trace.spans.service).toEqual([0, 1, 1, 0]);
    expect(trace.names).toEqual(["GET /", "load"]);
    expect(trace.spans.name).toEqual([0, 1, 1, 0]);
    expect(trace.missingParents).toEqual([]);
    expect(compactTraceSchema.safeParse(trace).success).toBe(true);
  });

  it("lists spans whose parent never arrived, and a span naming itself, as missing parents", () => {
    const trace = assembleCompactTrace(
      columns([
        { id: "b", parent: "lost", service: "order", name: "load" },
        { id: "c", parent: "c", service: "order", name: "self" },
        { id: "d", parent: "b", service: "order", name: "query" },
      ]),
    );
    expect(trace.spans.parent).toEqual([-1, -1, 0]);
    expect(trace.missingParents).toEqual([
      { span: 0, parentSpanId: "lost" },
      { span: 1, parentSpanId: "c" },
    ]);
  });

  it("keeps a duplicated span id as its own row but links children to the first", () => {
    const trace = assembleCompactTrace(
      columns([
        { id: "a", parent: null, service: "s", name: "x" },
        { id: "a", parent: null, service: "s", name: "x" },
        { id: "b", parent: "a", service: "s", name: "y" },
      ]),
    );
    expect(trace.spans.parent).toEqual([-1, -1, 0]);
  });

  it("produced the recorded fixtures in a shape the API schema accepts", () => {
    const trace = loadFixture("checkout-orphans");
    // checkout's SERVER span was dropped: its five children name it and find nothing.
    expect(trace.missingParents).toHaveLength(5);
    expect(new Set(trace.missingParents.map((m) => m.parentSpanId)).size).toBe(1);
  });
});

describe("compactTraceSchema", () => {
  it("refuses columns of different lengths and indices past the dictionaries", () => {
    const good = loadFixture("checkout");
    const short = { ...good, spans: { ...good.spans, durationNs: good.spans.durationNs.slice(1) } };
    expect(compactTraceSchema.safeParse(short).error?.issues[0]?.path).toEqual(["spans", "durationNs"]);
    const badService = { ...good, spans: { ...good.spans, service: good.spans.service.map(() => good.services.length) } };
    expect(compactTraceSchema.safeParse(badService).success).toBe(false);
    const badParent = { ...good, spans: { ...good.spans, parent: good.spans.parent.map(() => good.spans.spanId.length) } };
    expect(compactTraceSchema.safeParse(badParent).success).toBe(false);
    const fractionalKind = { ...good, spans: { ...good.spans, kind: good.spans.kind.map((k, i) => (i === 3 ? 2.5 : k)) } };
    expect(compactTraceSchema.safeParse(fractionalKind).error?.issues[0]?.path).toEqual(["spans", "kind", 3]);
    const negativeStart = { ...good, spans: { ...good.spans, startNs: good.spans.startNs.map((v, i) => (i === 1 ? -1 : v)) } };
    expect(compactTraceSchema.safeParse(negativeStart).error?.issues[0]?.path).toEqual(["spans", "startNs", 1]);
    const badStatus = { ...good, spans: { ...good.spans, status: good.spans.status.map(() => 3) } };
    expect(compactTraceSchema.safeParse(badStatus).success).toBe(false);
  });
});
