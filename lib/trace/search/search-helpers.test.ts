import { describe, expect, it } from "vitest";
import { traceSearchResponseSchema } from "@/lib/schemas/traces";
import { activeFilters } from "./active-filters";
import { conditionTags, parseConditionTag, suggestConditionTags, tagsToConditions } from "./attribute-conditions";
import { brushToWindow } from "./brush-selection";
import { buildScatterOption, escapeHtml } from "./build-scatter-option";
import { effectiveLimit, searchKey, traceSearchApiUrl } from "./build-search-request";
import { formatDurationInput, parseDurationInput } from "./parse-duration-input";
import { EMPTY_FILTERS, traceSearchHref, traceSearchParsers } from "./search-params";

const window = { fromMs: 1_764_000_000_000, toMs: 1_764_003_600_000 };

describe("traceSearchApiUrl", () => {
  it("sends only the filters in force, repeating attribute conditions", () => {
    const url = new URL(
      traceSearchApiUrl({ ...EMPTY_FILTERS, service: "payment", minDurationMs: 250, status: "error", timeout: true, attr: ["http.route=/charges", "order.id=42"], attrExists: ["retry.count"] }, window),
      "http://x",
    );
    expect(url.pathname).toBe("/api/v1/traces");
    expect(url.searchParams.get("service")).toBe("payment");
    expect(url.searchParams.get("minDurationMs")).toBe("250");
    expect(url.searchParams.has("maxDurationMs")).toBe(false);
    expect(url.searchParams.get("status")).toBe("error");
    expect(url.searchParams.get("timeout")).toBe("true");
    expect(url.searchParams.getAll("attr")).toEqual(["http.route=/charges", "order.id=42"]);
    expect(url.searchParams.getAll("attrExists")).toEqual(["retry.count"]);
    expect(url.searchParams.get("from")).toBe(String(window.fromMs));
    expect(url.searchParams.get("limit")).toBe("50");
    expect(new URL(traceSearchApiUrl(EMPTY_FILTERS, window), "http://x").searchParams.has("status")).toBe(false);
  });

  it("corrects hand-edited values instead of sending them to fail", () => {
    const url = new URL(traceSearchApiUrl({ ...EMPTY_FILTERS, minDurationMs: -5, limit: 1_000_000 }, window), "http://x");
    expect(url.searchParams.has("minDurationMs")).toBe(false);
    expect(url.searchParams.get("limit")).toBe("500");
    expect(effectiveLimit({ limit: 20, touches: "order" })).toBe(500);
    expect(searchKey({ ...EMPTY_FILTERS, touches: "a" })).toEqual(searchKey({ ...EMPTY_FILTERS, touches: "b" }));
  });
});

describe("traceSearchHref", () => {
  it("puts filters and the window in one replayable link", () => {
    const href = traceSearchHref("/traces", { from: window.fromMs, to: window.toMs, rel: null, service: "order", attr: ["peer.service=stripe"] });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/traces");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: String(window.fromMs), to: String(window.toMs), service: "order", attr: "peer.service=stripe" });
  });
});

describe("parseDurationInput", () => {
  it("reads bare milliseconds and common units", () => {
    expect(parseDurationInput("250")).toBe(250);
    expect(parseDurationInput("250ms")).toBe(250);
    expect(parseDurationInput(" 1.5 s ")).toBe(1500);
    expect(parseDurationInput("800us")).toBe(0.8);
    expect(parseDurationInput("800µs")).toBe(0.8);
    expect(parseDurationInput("2m")).toBe(120_000);
    expect(parseDurationInput("1h")).toBe(3_600_000);
    expect(parseDurationInput("-3")).toBeNull();
    expect(parseDurationInput("fast")).toBeNull();
    expect(parseDurationInput("")).toBeNull();
  });

  it("formats back to text that parses to the same value", () => {
    for (const ms of [250, 1500, 0.8, 120_000, 2_000]) expect(parseDurationInput(formatDurationInput(ms))).toBe(ms);
    expect(formatDurationInput(null)).toBe("");
  });
});

describe("attribute conditions", () => {
  it("reads key=value as equality and a bare key as existence", () => {
    expect(parseConditionTag("http.route=/orders")).toEqual({ key: "http.route", value: "/orders" });
    expect(parseConditionTag(" retry.count ")).toEqual({ key: "retry.count" });
    expect(parseConditionTag("url=a=b")).toEqual({ key: "url", value: "a=b" });
    expect(parseConditionTag("=x")).toBeNull();
    expect(tagsToConditions(["a=1", "b", "=z", "a=1", "c="])).toEqual({ attr: ["a=1", "c="], attrExists: ["b"] });
    expect(conditionTags(["a=1"], ["b"])).toEqual(["a=1", "b"]);
  });

  it("suggests keys, then the common values of the typed key", () => {
    const attributes = [
      { key: "http.route", count: 10, values: [{ value: "/orders", count: 6 }, { value: "/charges", count: 4 }] },
      { key: "order.id", count: 3, values: [] },
    ];
    expect(suggestConditionTags("rou", attributes)).toEqual(["http.route=", "http.route"]);
    expect(suggestConditionTags("order", attributes)).toEqual(["order.id"]);
    expect(suggestConditionTags("http.route=ch", attributes)).toEqual(["http.route=/charges"]);
    expect(suggestConditionTags("nope=", attributes)).toEqual([]);
  });
});

describe("brushToWindow", () => {
  it("turns a rectangle in either direction into a window and duration range", () => {
    expect(brushToWindow([{ coordRange: [[1_764_000_100_500.4, 1_764_000_000_000.2], [300.0004, 12.5]] }])).toEqual({
      fromMs: 1_764_000_000_000,
      toMs: 1_764_000_100_501,
      minDurationMs: 12.5,
      maxDurationMs: 300.001,
    });
    expect(brushToWindow([{ coordRange: [[0, 10], [-5, 3]] }])?.minDurationMs).toBe(0);
  });

  it("ignores anything that is not a rectangle", () => {
    expect(brushToWindow([])).toBeNull();
    expect(brushToWindow([{ coordRange: [1, 2] }])).toBeNull();
    expect(brushToWindow([{ coordRange: [[5, 5], [1, 2]] }])).toBeNull();
    expect(brushToWindow([{ coordRange: [["a", 2], [1, 2]] }])).toBeNull();
  });
});

describe("buildScatterOption", () => {
  const { traces } = traceSearchResponseSchema.parse({
    traces: [
      { traceId: "a".repeat(32), rootServiceName: "web", rootName: "GET <b>", rootSpanId: "1".repeat(16), startTimeUnixNano: "1764000060000000000", durationMs: 120, spanCount: 4, errorCount: 0, services: ["web"] },
      { traceId: "b".repeat(32), rootServiceName: "web", rootName: "POST /pay", rootSpanId: "2".repeat(16), startTimeUnixNano: "1764000120000000000", durationMs: 900, spanCount: 9, errorCount: 2, services: ["pay", "web"] },
    ],
  });
  const option = buildScatterOption(traces, window, { ok: "OK", errors: "Errors", duration: "Duration", tooltip: (t) => `${t.rootServiceName}: ${t.rootName}` }, { ok: "#00f", error: "#f00" });

  it("puts traces with errors in their own series at (start ms, duration ms)", () => {
    const series = option.series as { name: string; data: number[][] }[];
    expect(series[0]).toMatchObject({ name: "OK", data: [[1_764_000_060_000, 120, 0]] });
    expect(series[1]).toMatchObject({ name: "Errors", data: [[1_764_000_120_000, 900, 1]] });
    expect(option.xAxis).toMatchObject({ min: window.fromMs, max: window.toMs });
  });

  it("escapes trace text in the tooltip", () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: [0, 0, 0] })).toBe("web: GET &#60;b&#62;");
    expect(escapeHtml(`"'&`)).toBe("&#34;&#39;&#38;");
  });
});

describe("activeFilters", () => {
  it("lists what is in force with the change that removes each", () => {
    const list = activeFilters({ ...EMPTY_FILTERS, service: "pay", operation: "charge", maxDurationMs: 1500, status: "error", attr: ["a=1", "b=2"], touches: "web" });
    expect(list.map((f) => `${f.kind}:${f.value}`)).toEqual(["service:pay", "operation:charge", "maxDuration:1.5 s", "status:error", "attr:a=1", "attr:b=2", "touches:web"]);
    expect(list[0]!.remove).toEqual({ service: null, operation: null });
    expect(list[4]!.remove).toEqual({ attr: ["b=2"] });
    expect(activeFilters(EMPTY_FILTERS)).toEqual([]);
  });
});

describe("trace search parsers", () => {
  it("write back every duration they can read, tiny ones included", () => {
    for (const ms of [0, 1e-7, 0.000123, 250, 1500.5, 3_600_000]) {
      const written = traceSearchParsers.minDurationMs.serialize(ms);
      expect(traceSearchParsers.minDurationMs.parse(written), written).toBeCloseTo(ms, 6);
    }
  });

  it("read the obvious spellings of a flag, a choice and a count, and refuse the rest", () => {
    expect(["true", "1", "yes", "ON"].map((v) => traceSearchParsers.timeout.parse(v))).toEqual([true, true, true, true]);
    expect(["false", "0", "no", "off"].map((v) => traceSearchParsers.timeout.parse(v))).toEqual([false, false, false, false]);
    expect(traceSearchParsers.timeout.parse("maybe")).toBeNull();
    expect(traceSearchParsers.status.parse("Error")).toBe("error");
    expect(traceSearchParsers.status.parse("broken")).toBeNull();
    expect(traceSearchParsers.limit.parse("200")).toBe(200);
    expect(["0", "1.5", "12abc", "-3"].map((v) => traceSearchParsers.limit.parse(v))).toEqual([null, null, null, null]);
    expect(traceSearchParsers.minDurationMs.parse("-5")).toBeNull();
    expect(traceSearchParsers.minDurationMs.parse("1.5s")).toBe(1500);
  });
});
