import { describe, expect, it } from "vitest";
import { traceSearchUrlRules } from "@/lib/trace/search/search-url-rules";
import { describeUrlProblems, MAX_SHOWN_VALUE } from "./describe-url-problems";
import { timeRangeUrlRules } from "./time-range-url-rules";

const problems = (query: string, rules = timeRangeUrlRules) => describeUrlProblems(new URLSearchParams(query), rules);
const window = { kind: "window" };

describe("time range in the address", () => {
  it("accepts a window, a relative window, ISO instants and no window at all", () => {
    expect(problems("from=1000&to=2000&rel=15m")).toEqual([]);
    expect(problems("rel=6h")).toEqual([]);
    expect(problems("from=2026-12-04T10:00:00Z&to=2026-12-04T11:00:00Z")).toEqual([]);
    expect(problems("")).toEqual([]);
  });

  it("names garbage, a reversed window and a lone end, each shown as the current window", () => {
    expect(problems("from=garbage&to=2000")).toEqual([{ param: "from", value: "garbage", reason: "unreadable", instead: window }]);
    expect(problems("from=2000&to=1000")).toEqual([{ param: "from", value: "2000", reason: "reversed", instead: window }]);
    expect(problems("from=1000&to=1000")[0]?.reason).toBe("reversed");
    expect(problems("to=1000")).toEqual([{ param: "to", value: "1000", reason: "incomplete", instead: window }]);
    expect(problems("from=12abc&to=1.5e12").map((p) => [p.param, p.reason])).toEqual([
      ["from", "unreadable"],
      ["to", "unreadable"],
    ]);
    expect(problems("from=99999999999999999&to=1")[0]?.reason).toBe("unreadable");
  });

  it("tells a huge relative window from an unreadable one", () => {
    expect(problems("rel=9999d")).toEqual([{ param: "rel", value: "9999d", reason: "tooLong", instead: window }]);
    expect(problems("rel=soon")[0]?.reason).toBe("unreadable");
    expect(problems("rel=0m")[0]?.reason).toBe("unreadable");
  });

  it("cuts a long value", () => {
    const [problem] = problems(`from=${"x".repeat(10_000)}&to=1`);
    expect(problem?.value).toHaveLength(MAX_SHOWN_VALUE);
    expect(problem?.value.endsWith("…")).toBe(true);
  });
});

describe("trace search filters in the address", () => {
  const search = (query: string) => problems(query, traceSearchUrlRules);

  it("accepts the obvious spellings", () => {
    expect(search("minDurationMs=300&maxDurationMs=1.5s&status=ERROR&timeout=1&sort=Duration&limit=200&attr=a%3Db")).toEqual([]);
    for (const flag of ["true", "1", "yes", "on", "false", "0", "no", "off", "TRUE"]) expect(search(`timeout=${flag}`)).toEqual([]);
  });

  it("refuses a negative duration and says the filter is not applied", () => {
    expect(search("minDurationMs=-5")).toEqual([{ param: "minDurationMs", value: "-5", reason: "negative", instead: { kind: "ignored" } }]);
    expect(search("maxDurationMs=soon")).toEqual([{ param: "maxDurationMs", value: "soon", reason: "unreadable", instead: { kind: "ignored" } }]);
  });

  it("caps a huge limit and says so; falls back to 50 for an unreadable one", () => {
    expect(search("limit=100000")).toEqual([{ param: "limit", value: "100000", reason: "tooLarge", instead: { kind: "capped", value: 500 } }]);
    expect(search("limit=500")).toEqual([]);
    for (const limit of ["0", "-3", "1.5", "12abc", "lots"]) expect(search(`limit=${limit}`)).toEqual([{ param: "limit", value: limit, reason: "unreadable", instead: { kind: "value", value: "50" } }]);
  });

  it("names the choices of a choice parameter and the value used instead", () => {
    expect(search("status=broken")).toEqual([{ param: "status", value: "broken", reason: "notAChoice", choices: "any, error, ok", instead: { kind: "value", value: "any" } }]);
    expect(search("sort=random")[0]?.instead).toEqual({ kind: "value", value: "start" });
    expect(search("timeout=maybe")).toEqual([{ param: "timeout", value: "maybe", reason: "unreadable", instead: { kind: "ignored" } }]);
  });

  it("reports each unreadable attribute condition of a repeated parameter", () => {
    expect(search("attr=a%3D1&attr=nokey&attr=%3Dx").map((p) => p.value)).toEqual(["nokey", "=x"]);
  });
});
