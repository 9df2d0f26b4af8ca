import { describe, expect, it } from "vitest";
import { parseSqlCommenter, parseTraceparent, traceContextFromQuery } from "./parse-traceparent";

const TRACE = "5bd66ef5095369c7b0d1f8f4bd33716a";
const SPAN = "c532cb4098ac3dd2";

describe("parseTraceparent", () => {
  it("reads a W3C traceparent", () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, flags: "01" });
  });

  it("rejects invalid values", () => {
    expect(parseTraceparent(`ff-${TRACE}-${SPAN}-01`)).toBeNull();
    expect(parseTraceparent(`00-${"0".repeat(32)}-${SPAN}-01`)).toBeNull();
    expect(parseTraceparent(`00-${TRACE}-${"0".repeat(16)}-01`)).toBeNull();
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01-extra`)).toBeNull();
    expect(parseTraceparent(`00-${TRACE.slice(1)}-${SPAN}-01`)).toBeNull();
    expect(parseTraceparent("")).toBeNull();
    expect(parseTraceparent(null)).toBeNull();
  });

  it("accepts fields a later version appends", () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-01-future`)).toEqual({ traceId: TRACE, spanId: SPAN, flags: "01" });
  });
});

describe("parseSqlCommenter", () => {
  it("reads the comment Prisma appends", () => {
    const query = `SELECT "public"."orders"."id" FROM "public"."orders" WHERE "id" = $1 /*db_driver='prisma',traceparent='00-${TRACE}-${SPAN}-01'*/`;
    expect(parseSqlCommenter(query)).toEqual({ db_driver: "prisma", traceparent: `00-${TRACE}-${SPAN}-01` });
    expect(traceContextFromQuery(query)).toEqual({ traceId: TRACE, spanId: SPAN, flags: "01" });
  });

  it("URL-decodes keys and values and unescapes quotes", () => {
    const query = `UPDATE t SET a = 1 /*action='%2Fparam*d',controller='index',framework='spring',route='%5Eo%27n\\'e',traceparent='00%2D${TRACE}%2D${SPAN}%2D01'*/`;
    expect(parseSqlCommenter(query)).toMatchObject({ action: "/param*d", route: "^o'n'e", traceparent: `00-${TRACE}-${SPAN}-01` });
    expect(traceContextFromQuery(query)?.traceId).toBe(TRACE);
  });

  it("finds a comment at the start and ignores look-alikes in string literals", () => {
    expect(traceContextFromQuery(`/*traceparent='00-${TRACE}-${SPAN}-01'*/ INSERT INTO t VALUES (1)`)?.spanId).toBe(SPAN);
    expect(traceContextFromQuery(`SELECT 'traceparent=''00-${TRACE}-${SPAN}-01'''`)).toBeNull();
    expect(traceContextFromQuery("SELECT 1")).toBeNull();
    expect(traceContextFromQuery(null)).toBeNull();
  });

  it("keeps a value with a stray percent sign as written", () => {
    expect(parseSqlCommenter("SELECT 1 /*note='100%'*/")).toEqual({ note: "100%" });
  });
});
