import { describe, expect, it } from "vitest";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { apiStateOf, readRuleId, readViolationState, violationFilterUrlRules } from "./violation-filters";

describe("violation filters", () => {
  it("reads a rule id and a state, refusing anything else", () => {
    expect(readRuleId("6F1C7C2E-6B1A-4C55-9F55-0A4A6F0F4E11")).toBe("6f1c7c2e-6b1a-4c55-9f55-0a4a6f0f4e11");
    expect(readRuleId("42")).toBeNull();
    expect(readViolationState("Late")).toBe("late");
    expect(readViolationState("lost")).toBeNull();
  });

  it("asks the API for open ones when missing or duplicate is chosen, resolved for late", () => {
    expect([null, "open", "missing", "duplicate", "resolved", "late"].map((s) => apiStateOf(s as Parameters<typeof apiStateOf>[0]))).toEqual(["all", "open", "open", "open", "resolved", "resolved"]);
  });

  it("names a value the page cannot use", () => {
    expect(describeUrlProblems(new URLSearchParams("state=lost&rule=x"), violationFilterUrlRules).map((p) => [p.param, p.reason])).toEqual([
      ["rule", "unreadable"],
      ["state", "notAChoice"],
    ]);
  });
});
