import { describe, expect, it } from "vitest";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { activeFilters } from "./active-filters";
import { traceSearchApiUrl, usedTraceIds } from "./build-search-request";
import { EMPTY_FILTERS, traceSearchHref, traceSearchParsers } from "./search-params";
import { traceSearchUrlRules } from "./search-url-rules";

// The trace search's `traceId` filter: the exact traces a metric chart's exemplars name.

const window = { fromMs: 1_764_000_000_000, toMs: 1_764_003_600_000 };
const id = (n: number) => n.toString(16).padStart(32, "0");

describe("traceId filter", () => {
  it("reads ids in any case and refuses anything else", () => {
    // An unreadable id is left out of the list (and named by the URL rules, below).
    expect(traceSearchParsers.traceId.parse(["5B8EFFF798038103D269B633813FC60C", "xyz", "", "5b8efff798038103d269b633813fc60", `${id(1)}0`, id(7)])).toEqual([
      "5b8efff798038103d269b633813fc60c",
      id(7),
    ]);
  });

  it("writes and reads a link with several ids", () => {
    const href = traceSearchHref({ traceId: [id(1), id(2)], from: window.fromMs, to: window.toMs });
    expect(new URL(href, "http://x").searchParams.getAll("traceId")).toEqual([id(1), id(2)]);
  });

  it("sends the distinct ids, at most a hundred, with the other filters", () => {
    const url = new URL(traceSearchApiUrl({ ...EMPTY_FILTERS, service: "cart", traceId: [id(1), id(2), id(1)] }, window), "http://x");
    expect(url.searchParams.getAll("traceId")).toEqual([id(1), id(2)]);
    expect(url.searchParams.get("service")).toBe("cart");
    expect(usedTraceIds(Array.from({ length: 150 }, (_, n) => id(n)))).toHaveLength(100);
    expect(new URL(traceSearchApiUrl(EMPTY_FILTERS, window), "http://x").searchParams.has("traceId")).toBe(false);
  });

  it("shows one removable chip saying how many traces were chosen", () => {
    const list = activeFilters({ ...EMPTY_FILTERS, traceId: [id(1), id(2), id(3)] });
    expect(list).toEqual([{ kind: "traceIds", value: "3", remove: { traceId: [] } }]);
  });

  it("names an unreadable id and ids past the hundredth as not used", () => {
    const ids = Array.from({ length: 101 }, (_, n) => `traceId=${id(n)}`);
    const problems = describeUrlProblems(new URLSearchParams(["traceId=nope", ...ids].join("&")), traceSearchUrlRules);
    expect(problems).toEqual([
      { param: "traceId", value: "nope", reason: "unreadable", instead: { kind: "ignored" } },
      { param: "traceId", value: id(100), reason: "tooMany", instead: { kind: "ignored" } },
    ]);
  });
});
