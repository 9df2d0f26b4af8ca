import { randomBytes } from "node:crypto";
import { otlpTypes } from "../../lib/ingest/otlp/otlp-root";
import { makeTraceBatch } from "./make-trace-batch";

// Cheap requests for the ingest benchmark's senders. A load generator should not compete with
// the server for the same two cores: building every request with protobufjs (fromObject +
// encode, ~28 µs a span) cost the senders as much CPU as PostgreSQL spent storing it. So a few
// batches are encoded once (makeTraceBatch) and each request is a copy of one with fresh ids and
// times written over the old bytes: every trace id and span id gets new random bytes (a parent
// id the same bytes as its parent's span id), and every timestamp moves by the time since the
// template was built, so the server sees what makeTraceBatch would have sent now. The offsets
// come from walking the template's protobuf fields once (ids are fixed-length `bytes`,
// timestamps `fixed64`, so a copy keeps every length and offset). checkPatching() decodes
// patched copies to prove it.

interface Template {
  bytes: Uint8Array;
  builtAtMs: number;
  /** Each distinct id: its length and every offset it is written at (span id and its children's parent ids). */
  ids: { length: number; offsets: number[] }[];
  freshBytes: number;
  /** fixed64 nanosecond times: span start and end, event times. */
  timeOffsets: number[];
}

export class TraceBatchPool {
  private readonly templates: Template[];
  private next = 0;

  constructor(count: number, spanCount: number) {
    this.templates = Array.from({ length: count }, () => {
      const builtAtMs = Date.now();
      return locateFields(makeTraceBatch(spanCount, builtAtMs), builtAtMs);
    });
  }

  get size() {
    return this.templates.length;
  }

  /** A fresh request: the next template, copied, with new ids and times shifted to `nowMs`. */
  take(nowMs = Date.now()): Uint8Array {
    const template = this.templates[this.next++ % this.templates.length]!;
    return patch(template, nowMs);
  }

  /** Throws unless patched copies decode with fresh, unique ids whose parents still resolve. */
  checkPatching(): string {
    const template = this.templates[0]!;
    const original = spansOf(template.bytes);
    const nowMs = template.builtAtMs + 60_000;
    const a = spansOf(patch(template, nowMs));
    const b = spansOf(patch(template, nowMs));
    const fail = (what: string) => {
      throw new Error(`trace batch pool: a patched copy ${what}`);
    };
    if (a.length !== original.length) fail(`has ${a.length} spans, the template ${original.length}`);
    const oldIds = new Set(original.flatMap((s) => [s.traceId, s.spanId]));
    const spanIds = new Set(a.map((s) => s.spanId));
    if (spanIds.size !== a.length) fail("repeats a span id");
    if (new Set(a.map((s) => s.traceId)).size !== new Set(original.map((s) => s.traceId)).size) fail("has a different number of traces");
    if (a.some((s) => oldIds.has(s.traceId) || oldIds.has(s.spanId))) fail("keeps an id of its template");
    const otherIds = new Set(b.flatMap((s) => [s.traceId, s.spanId]));
    if (a.some((s) => otherIds.has(s.traceId) || otherIds.has(s.spanId))) fail("shares an id with another copy");
    const traceOf = new Map(a.map((s) => [s.spanId, s.traceId]));
    const withParent = a.filter((s) => s.parentSpanId);
    if (withParent.length !== original.filter((s) => s.parentSpanId).length) fail("lost parent ids");
    if (withParent.some((s) => traceOf.get(s.parentSpanId) !== s.traceId)) fail("has a parent id that names no span of its trace");
    if (spansOf(template.bytes).some((s, i) => s.spanId !== original[i]!.spanId || s.startNs !== original[i]!.startNs)) fail("changed its template");
    const shiftNs = 60_000n * 1_000_000n;
    if (a.some((s, i) => s.startNs !== original[i]!.startNs + shiftNs || s.endNs !== original[i]!.endNs + shiftNs)) fail("has times not shifted by the elapsed time");
    return `${a.length} spans in ${new Set(a.map((s) => s.traceId)).size} traces, ids fresh and unique, ${withParent.length} parents resolved, times shifted`;
  }
}

function patch(template: Template, nowMs: number): Uint8Array {
  const out = new Uint8Array(template.bytes); // a copy (Buffer's slice() would be a view)
  const fresh = randomBytes(template.freshBytes);
  let at = 0;
  for (const { length, offsets } of template.ids) {
    const id = fresh.subarray(at, at + length);
    at += length;
    for (const offset of offsets) out.set(id, offset);
  }
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const shift = BigInt(nowMs - template.builtAtMs) * 1_000_000n;
  for (const offset of template.timeOffsets) view.setBigUint64(offset, view.getBigUint64(offset, true) + shift, true);
  return out;
}

// Field numbers of opentelemetry/proto/collector/trace/v1 and trace/v1 (see lib/ingest/otlp/proto).
const REQUEST_RESOURCE_SPANS = 1;
const RESOURCE_SPANS_SCOPE_SPANS = 2;
const SCOPE_SPANS_SPANS = 2;
const SPAN = { traceId: 1, spanId: 2, parentSpanId: 4, start: 7, end: 8, events: 11 } as const;
const EVENT_TIME = 1;

/** Visits the fields of the message in bytes [start, end): (field number, wire type, offset of its value, length). */
function eachField(bytes: Uint8Array, start: number, end: number, visit: (field: number, wire: number, at: number, length: number) => void) {
  let pos = start;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[pos++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (pos < end) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) {
      const at = pos;
      varint();
      visit(field, wire, at, pos - at);
    } else if (wire === 1 || wire === 5) {
      const length = wire === 1 ? 8 : 4;
      visit(field, wire, pos, length);
      pos += length;
    } else if (wire === 2) {
      const length = varint();
      visit(field, wire, pos, length);
      pos += length;
    } else {
      throw new Error(`trace batch pool: unexpected wire type ${wire} at byte ${pos}`);
    }
  }
}

function locateFields(bytes: Uint8Array, builtAtMs: number): Template {
  const hex = (at: number, length: number) => Buffer.from(bytes.buffer, bytes.byteOffset + at, length).toString("hex");
  const ids = new Map<string, { length: number; offsets: number[] }>();
  const parents: { id: string; at: number }[] = [];
  const timeOffsets: number[] = [];
  const addId = (at: number, length: number) => {
    const key = `${length}:${hex(at, length)}`;
    const entry = ids.get(key) ?? { length, offsets: [] };
    entry.offsets.push(at);
    ids.set(key, entry);
  };
  const span = (start: number, end: number) =>
    eachField(bytes, start, end, (field, wire, at, length) => {
      if (wire === 2 && field === SPAN.traceId && length === 16) addId(at, length);
      else if (wire === 2 && field === SPAN.spanId && length === 8) addId(at, length);
      else if (wire === 2 && field === SPAN.parentSpanId && length === 8) parents.push({ id: `8:${hex(at, length)}`, at });
      else if (wire === 1 && (field === SPAN.start || field === SPAN.end)) timeOffsets.push(at);
      else if (wire === 2 && field === SPAN.events) {
        eachField(bytes, at, at + length, (f, w, eventAt) => {
          if (f === EVENT_TIME && w === 1) timeOffsets.push(eventAt);
        });
      }
    });
  eachField(bytes, 0, bytes.length, (field, wire, at, length) => {
    if (field !== REQUEST_RESOURCE_SPANS || wire !== 2) return;
    eachField(bytes, at, at + length, (f, w, scopesAt, scopesLength) => {
      if (f !== RESOURCE_SPANS_SCOPE_SPANS || w !== 2) return;
      eachField(bytes, scopesAt, scopesAt + scopesLength, (f2, w2, spanAt, spanLength) => {
        if (f2 === SCOPE_SPANS_SPANS && w2 === 2) span(spanAt, spanAt + spanLength);
      });
    });
  });
  for (const parent of parents) {
    const own = ids.get(parent.id);
    if (!own) throw new Error("trace batch pool: a template's parent span id names no span of the batch");
    own.offsets.push(parent.at);
  }
  const all = [...ids.values()];
  return { bytes, builtAtMs, ids: all, freshBytes: all.reduce((n, id) => n + id.length, 0), timeOffsets };
}

interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  startNs: bigint;
  endNs: bigint;
}

function spansOf(bytes: Uint8Array): DecodedSpan[] {
  const request = otlpTypes.traceRequest.toObject(otlpTypes.traceRequest.decode(bytes), { bytes: String, longs: String }) as {
    resourceSpans: { scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; startTimeUnixNano: string; endTimeUnixNano: string }[] }[] }[];
  };
  const hex = (base64: string | undefined) => Buffer.from(base64 ?? "", "base64").toString("hex");
  return request.resourceSpans.flatMap((r) =>
    r.scopeSpans.flatMap((s) =>
      s.spans.map((span) => ({
        traceId: hex(span.traceId),
        spanId: hex(span.spanId),
        parentSpanId: hex(span.parentSpanId),
        startNs: BigInt(span.startTimeUnixNano),
        endNs: BigInt(span.endTimeUnixNano),
      })),
    ),
  );
}
