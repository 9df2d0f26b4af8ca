import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as rowHistoryRoute } from "@/app/api/v1/audit/row-history/route";
import { GET as rowRoute } from "@/app/api/v1/audit/row/route";
import { GET as changesRoute } from "@/app/api/v1/audit/changes/route";
import { GET as exportRoute } from "@/app/api/v1/audit/changes/export/route";
import { streamAuditChangesCsv } from "./stream-audit-changes-csv";
import { getPool } from "@/lib/db/client";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { auditChangeInputSchema, auditChangesExportQuerySchema, auditChangesResponseSchema, auditRowAsOfResponseSchema, auditRowHistoryResponseSchema, type AuditChangeInput } from "@/lib/schemas/audit";
import { storeAuditChanges } from "./store-audit-changes";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";

// Row history and "the row as it was" against a real store: changes written by the ingest
// writer, read back through the route handlers and parsed with the schemas the pages use.
// One order's life: inserted, paid, deleted, inserted again with the same key; its card number
// masked by the agent; its updated_at an ignored column (so one write of it has no change).

const db = `row_${randomBytes(3).toString("hex")}`;
const traceId = randomBytes(16).toString("hex");
const rootSpan = "2000000000000001";
const writeSpan = "2000000000000002";
const noParams = { params: Promise.resolve({}) };
const base = Date.now() - 60 * 60_000;
const iso = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
const order = (status: string, card: string, updatedAt: string) => ({ id: 7, status, card_number: card, updated_at: updatedAt });

const changes: AuditChangeInput[] = [
  { op: "INSERT", before: null, after: order("NEW", "****4242", "t0"), changedColumns: ["id", "status", "card_number", "updated_at"], traceId, spanId: writeSpan, at: 0 },
  // updated_at was set to "t5" at minute 5 without a recorded change (ignored column).
  { op: "UPDATE", before: order("NEW", "****4242", "t5"), after: order("PAID", "****4242", "t10"), changedColumns: ["status"], traceId: null, spanId: null, at: 10 },
  { op: "DELETE", before: order("PAID", "****4242", "t10"), after: null, changedColumns: ["id", "status", "card_number", "updated_at"], traceId: null, spanId: null, at: 20 },
  { op: "INSERT", before: null, after: order("NEW", "****0000", "t30"), changedColumns: ["id", "status", "card_number", "updated_at"], traceId: null, spanId: null, at: 30 },
].map(({ at, ...change }, index) =>
  auditChangeInputSchema.parse({ id: `${db}:1:${index + 1}`, database: db, table: "orders", pk: { id: 7 }, txid: String(100 + index), dbUser: "shop", committedAt: iso(at), ...change }),
);

beforeAll(async () => {
  await storeTraces(getPool(), [
    makeSpan({ traceId, spanId: rootSpan, serviceName: "shop-api", resource: makeResource("shop-api"), name: "POST /orders", startMs: base - 50, durationMs: 100 }),
    makeSpan({ traceId, spanId: writeSpan, parentSpanId: rootSpan, serviceName: "shop-api", resource: makeResource("shop-api"), name: "INSERT orders", kind: 3, startMs: base - 40, durationMs: 10 }),
  ]);
  const stored = await storeAuditChanges(getPool(), changes);
  expect(stored.inserted).toBe(4);
});
afterAll(async () => {
  await getPool().end();
});

async function rowAt(minutes: number, pk = '{"id":7}') {
  const response = await rowRoute(adminRequest(`/api/v1/audit/row?database=${db}&table=orders&pk=${encodeURIComponent(pk)}&at=${base + minutes * 60_000}`), noParams);
  expect(response.status).toBe(200);
  return auditRowAsOfResponseSchema.parse(await response.json());
}

describe("GET /api/v1/audit/row", () => {
  it("reconstructs the row across insert, update, delete and re-insert of the same key", async () => {
    expect(await rowAt(-1)).toMatchObject({ state: "absent", row: null, basis: { changeId: `${db}:1:1`, side: "before" } });
    expect(await rowAt(0)).toMatchObject({ state: "present", row: { status: "NEW", card_number: "****4242" }, basis: { changeId: `${db}:1:1`, side: "after" } });
    expect(await rowAt(15)).toMatchObject({ state: "present", row: { status: "PAID" }, basis: { changeId: `${db}:1:2` } });
    expect(await rowAt(25)).toMatchObject({ state: "absent", row: null, basis: { changeId: `${db}:1:3`, side: "after" } });
    expect(await rowAt(40)).toMatchObject({ state: "present", row: { status: "NEW", card_number: "****0000" }, basis: { changeId: `${db}:1:4` } });
    // A bare key value names the same single-column key.
    expect((await rowAt(15, "7")).row).toEqual(order("PAID", "****4242", "t10"));
  });

  it("keeps masked columns masked and names an ignored column written without a change", async () => {
    const early = await rowAt(3);
    expect(early.row?.card_number).toBe("****4242");
    expect(early.unrecorded).toEqual([{ column: "updated_at", next: "t5" }]);
    expect((await rowAt(15)).unrecorded).toEqual([]);
  });

  it("knows nothing of a row with no recorded change", async () => {
    expect(await rowAt(15, '{"id":8}')).toEqual({ state: "unknown", row: null, basis: null, unrecorded: [] });
  });

  it("answers bad parameters with 400 naming them", async () => {
    for (const [query, message] of [
      ["table=orders&pk=7", "at:"],
      ["table=orders&at=2026-12-01", "pk:"],
      ["pk=7&at=2026-12-01", "table:"],
      ["table=orders&pk=7&at=soon", "at:"],
    ]) {
      const response = await rowRoute(adminRequest(`/api/v1/audit/row?${query}`), noParams);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, query).toContain(message);
    }
  });
});

describe("GET /api/v1/audit/row-history", () => {
  it("lists every change oldest first, with the request behind each, or none", async () => {
    const response = await rowHistoryRoute(adminRequest(`/api/v1/audit/row-history?database=${db}&table=public.orders&pk=${encodeURIComponent('{"id":7}')}`), noParams);
    expect(response.status).toBe(200);
    const history = auditRowHistoryResponseSchema.parse(await response.json()).changes;
    expect(history.map((change) => [change.op, change.after?.status ?? null])).toEqual([
      ["INSERT", "NEW"],
      ["UPDATE", "PAID"],
      ["DELETE", null],
      ["INSERT", "NEW"],
    ]);
    expect(history[0]!.request).toEqual({ rootService: "shop-api", rootName: "POST /orders", spanName: "INSERT orders", startMs: base - 50, endMs: base + 50 });
    expect(history.slice(1).map((change) => change.request)).toEqual([null, null, null]);
    // Masked values are stored, and so shown, masked: the clear value is nowhere.
    expect(JSON.stringify(history)).not.toMatch(/4242424242/);
    expect(history.every((change) => [change.before, change.after].every((row) => row === null || (typeof row.card_number === "string" && row.card_number.startsWith("****"))))).toBe(true);
  });

  it("reads a longer history page by page: each page says whether the row has more and where it goes on", async () => {
    const rowUrl = `/api/v1/audit/row-history?database=${db}&table=orders&pk=${encodeURIComponent('{"id":7}')}`;
    const whole = auditRowHistoryResponseSchema.parse(await (await rowHistoryRoute(adminRequest(rowUrl), noParams)).json());
    expect(whole.nextAfter).toBeNull();

    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const response = await rowHistoryRoute(adminRequest(`${rowUrl}&limit=3${after === null ? "" : `&after=${encodeURIComponent(after)}`}`), noParams);
      expect(response.status).toBe(200);
      const page = auditRowHistoryResponseSchema.parse(await response.json());
      pages.push(page.changes.map((change) => change.id));
      after = page.nextAfter;
    } while (after !== null && pages.length < 5);
    // Four changes in pages of three: the first says there is more, the second ends the history.
    expect(pages).toEqual([whole.changes.slice(0, 3).map((c) => c.id), whole.changes.slice(3).map((c) => c.id)]);
  });

  it("answers an `after` it did not give with 400 naming it", async () => {
    for (const after of ["soon", "_x", "2026-13-45T00:00:00Z_x"]) {
      const response = await rowHistoryRoute(adminRequest(`/api/v1/audit/row-history?table=orders&pk=7&after=${encodeURIComponent(after)}`), noParams);
      expect(response.status, after).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, after).toContain("after:");
    }
  });

  it("a search for a masked column's clear value finds nothing; its mask finds the changes", async () => {
    const search = async (value: string) => {
      const response = await changesRoute(adminRequest(`/api/v1/audit/changes?database=${db}&value=${encodeURIComponent(value)}`), noParams);
      expect(response.status).toBe(200);
      return auditChangesResponseSchema.parse(await response.json()).changes.length;
    };
    expect(await search("card_number=4242424242424242")).toBe(0);
    expect(await search("card_number=****4242")).toBe(3);
  });
});

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  return records;
}

describe("GET /api/v1/audit/changes/export", () => {
  it("streams the same changes as the search, in its order, masked values masked", async () => {
    const query = `database=${db}&table=orders&order=asc`;
    const json = auditChangesResponseSchema.parse(await (await changesRoute(adminRequest(`/api/v1/audit/changes?${query}`), noParams)).json()).changes;
    const response = await exportRoute(adminRequest(`/api/v1/audit/changes/export?${query}`), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const [header, ...records] = parseCsv(await response.text());
    expect(header!.slice(0, 6)).toEqual(["committed_at", "database", "schema", "table", "op", "pk"]);
    const column = (name: string) => header!.indexOf(name);
    expect(records.map((r) => r[column("id")])).toEqual(json.map((c) => c.id));
    // Columns in jsonb's order (shorter keys first), as the page's preview shows them.
    expect(records.map((r) => r[column("change")])).toEqual(["id: 7, status: NEW, updated_at: t0, card_number: ****4242", "status: NEW → PAID", "id: 7, status: PAID, updated_at: t10, card_number: ****4242", "id: 7, status: NEW, updated_at: t30, card_number: ****0000"]);
    expect(JSON.parse(records[1]![column("after")]!)).toEqual(order("PAID", "****4242", "t10"));
    expect(records[0]![column("trace_id")]).toBe(traceId);
  });

  it("reads page after page with a cursor, stopping at the limit", async () => {
    const read = async (params: string, pageSize: number) => {
      const query = auditChangesExportQuerySchema.parse(Object.fromEntries(new URLSearchParams(params)));
      return parseCsv(await new Response(streamAuditChangesCsv(getPool(), query, pageSize)).text()).slice(1).map((r) => r.at(-1));
    };
    const all = [1, 2, 3, 4].map((n) => `${db}:1:${n}`);
    expect(await read(`database=${db}&order=asc`, 1)).toEqual(all);
    expect(await read(`database=${db}`, 3)).toEqual([...all].reverse());
    expect(await read(`database=${db}&order=asc&limit=3`, 2)).toEqual(all.slice(0, 3));
  });

  it("answers a bad parameter with 400 naming it, before any CSV", async () => {
    const response = await exportRoute(adminRequest("/api/v1/audit/changes/export?limit=1000001"), noParams);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("limit");
  });
});
