import { describe, expect, it } from "vitest";
import { isTimeBoundKey, queryKeys, rangeKey } from "./query-keys";

describe("query keys", () => {
  it("embeds only the absolute window of a range", () => {
    expect(rangeKey({ fromMs: 1000, toMs: 2000, rel: "15m" })).toEqual({ from: 1000, to: 2000 });
  });

  it("tells window-bound keys from the rest", () => {
    expect(isTimeBoundKey(["traces", "search", rangeKey({ fromMs: 1, toMs: 2, rel: null }), { service: "a" }])).toBe(true);
    expect(isTimeBoundKey(queryKeys.health())).toBe(false);
    expect(isTimeBoundKey(queryKeys.storage())).toBe(false);
    expect(isTimeBoundKey(["traces", "detail", { from: "a", to: "b" }])).toBe(false);
  });
});
