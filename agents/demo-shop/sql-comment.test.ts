import { TraceFlags } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { parseSqlCommenter, traceContextFromQuery } from "@/agents/db/parse-traceparent";
import { formatSqlComment, formatTraceparent, withTraceparentComment } from "./sql-comment";

const context = { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", traceFlags: TraceFlags.SAMPLED };

describe("formatTraceparent", () => {
  it("writes version 00 with two-digit flags", () => {
    expect(formatTraceparent(context)).toBe("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    expect(formatTraceparent({ ...context, traceFlags: TraceFlags.NONE })).toMatch(/-00$/);
  });
});

describe("withTraceparentComment", () => {
  it("appends the comment in the exact sqlcommenter shape", () => {
    expect(withTraceparentComment("SELECT 1", formatTraceparent(context))).toBe(
      "SELECT 1 /*traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'*/",
    );
  });

  it("drops a trailing terminator so the comment stays part of the statement", () => {
    expect(withTraceparentComment("UPDATE t SET a = 1;  \n", "00-a-b-01")).toBe("UPDATE t SET a = 1 /*traceparent='00-a-b-01'*/");
  });

  it("is read back by the db agent's parser", () => {
    const sql = withTraceparentComment("UPDATE orders SET status = $1 WHERE id = $2", formatTraceparent(context));
    expect(traceContextFromQuery(sql)).toEqual({ traceId: context.traceId, spanId: context.spanId, flags: "01" });
  });
});

describe("formatSqlComment", () => {
  it("sorts keys, URL-encodes and escapes quotes", () => {
    const comment = formatSqlComment({ route: "/orders/:id", action: "it's", empty: "" });
    expect(comment).toBe("/*action='it\\'s',route='%2Forders%2F%3Aid'*/");
    expect(parseSqlCommenter(`SELECT 1 ${comment}`)).toEqual({ action: "it's", route: "/orders/:id" });
  });

  it("is empty without tags", () => {
    expect(formatSqlComment({})).toBe("");
  });
});
