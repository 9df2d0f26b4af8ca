import { describe, expect, it } from "vitest";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { readReportEndpoint, reportUrlRules } from "./report-url-rules";

describe("report URL rules", () => {
  it("reports an operation without its service and ignores it", () => {
    expect(describeUrlProblems(new URLSearchParams("operation=POST%20/checkout"), reportUrlRules)).toEqual([
      { param: "operation", value: "POST /checkout", reason: "incomplete", instead: { kind: "ignored" } },
    ]);
    expect(readReportEndpoint(null, "POST /checkout")).toEqual({ service: null, operation: null });
  });

  it("accepts a service with or without an operation", () => {
    expect(describeUrlProblems(new URLSearchParams("service=gateway&operation=POST%20/checkout"), reportUrlRules)).toEqual([]);
    expect(readReportEndpoint("gateway", null)).toEqual({ service: "gateway", operation: null });
  });
});
