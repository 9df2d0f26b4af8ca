import { describe, expect, it } from "vitest";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { previewAuditChange } from "../diff-preview";
import { auditChangesApiUrl } from "./build-changes-request";
import { AUDIT_DEFAULT_LIMIT, readOp, readTraceId, readTxid, readValueCondition, type AuditSearchFilters } from "./search-params";
import { auditSearchUrlRules } from "./search-url-rules";

const none: AuditSearchFilters = {
  database: null,
  table: null,
  pk: null,
  column: null,
  value: null,
  op: null,
  actor: null,
  dbUser: null,
  application: null,
  txid: null,
  traceId: null,
  limit: AUDIT_DEFAULT_LIMIT,
};

describe("audit search URL", () => {
  it("reads each filter or refuses it", () => {
    expect(readOp("update")).toBe("UPDATE");
    expect(readOp("TRUNCATE")).toBeNull();
    expect(readTxid("1234")).toBe("1234");
    expect(readTxid("9223372036854775808")).toBeNull();
    expect(readTxid("12a")).toBeNull();
    expect(readTraceId("5B8EFFF798038103D269B633813FC60C")).toBe("5b8efff798038103d269b633813fc60c");
    expect(readTraceId("xyz")).toBeNull();
    expect(readValueCondition("status=")).toBe("status=");
    expect(readValueCondition("=PAID")).toBeNull();
  });

  it("names every value it cannot use", () => {
    const problems = describeUrlProblems(new URLSearchParams("op=TRUNCATE&txid=x&traceId=1&value=status&limit=5000&table=orders"), auditSearchUrlRules);
    expect(problems.map((p) => [p.param, p.reason])).toEqual([
      ["op", "notAChoice"],
      ["txid", "unreadable"],
      ["traceId", "unreadable"],
      ["value", "unreadable"],
      ["limit", "tooLarge"],
    ]);
  });

  it("hands the filters to the API under the same names, without empty ones, the limit capped", () => {
    const url = auditChangesApiUrl({ ...none, table: " orders ", value: "status=PAID ", op: "UPDATE", actor: "", limit: 5_000 }, { fromMs: 1, toMs: 2 });
    expect(url).toBe("/api/v1/audit/changes?table=orders&value=status%3DPAID+&op=UPDATE&from=1&to=2&limit=1000");
  });
});

describe("previewAuditChange", () => {
  it("shows the changed columns of an update, the values of an insert or a delete", () => {
    expect(previewAuditChange({ op: "UPDATE", before: { id: 1, status: "NEW", n: 1 }, after: { id: 1, status: "PAID", n: 1 }, changedColumns: ["status"] })).toBe("status: NEW → PAID");
    expect(previewAuditChange({ op: "INSERT", before: null, after: { id: 1, status: null }, changedColumns: [] })).toBe("id: 1, status: null");
    expect(previewAuditChange({ op: "DELETE", before: { id: 2 }, after: null, changedColumns: [] })).toBe("id: 2");
    expect(previewAuditChange({ op: "INSERT", before: null, after: { note: "x".repeat(50) }, changedColumns: [] }, 20)).toBe(`note: ${"x".repeat(13)}…`);
  });
});
