import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { findSpansLocally, mergeMatches, stepMatch } from "./find-in-trace";
import { loadFixture } from "./fixtures/load-fixture";

const model = buildTraceModel(loadFixture("checkout"));
const labels = (spans: Int32Array) => [...spans].map((i) => `${model.services[model.service[i]!]} ${model.names[model.name[i]!]}`);

describe("find in trace", () => {
  it("matches names and services case-insensitively, in display order", () => {
    expect(labels(findSpansLocally(model, "AUTHORIZE"))).toEqual(["payment provider authorize", "payment provider authorize"]);
    expect(labels(findSpansLocally(model, "inventory"))).toEqual(["inventory POST /reserve", "inventory UPDATE stock"]);
    expect(findSpansLocally(model, "  ")).toHaveLength(0);
    expect(findSpansLocally(model, "no such thing")).toHaveLength(0);
  });

  it("matches a span id prefix", () => {
    const id = model.spanIds[5]!;
    expect([...findSpansLocally(model, id.slice(0, 8))]).toContain(5);
  });

  it("merges server matches by span id without duplicates, ignoring ids not in the trace", () => {
    const local = findSpansLocally(model, "coupon");
    const stock = model.spanIds.findIndex((_, i) => model.names[model.name[i]!] === "UPDATE stock");
    const merged = mergeMatches(model, local, [model.spanIds[stock]!, model.spanIds[local[0]!]!, "ffffffffffffffff"]);
    expect(merged).toHaveLength(local.length + 1);
    const rows = [...merged].map((i) => model.tree.preorderIndex[i]!);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it("steps to the next and previous match, wrapping around", () => {
    const matches = findSpansLocally(model, "POST");
    expect(stepMatch(model, matches, -1, 1)).toBe(matches[0]);
    expect(stepMatch(model, matches, -1, -1)).toBe(matches.at(-1));
    expect(stepMatch(model, matches, matches[1]!, 1)).toBe(matches[2]);
    expect(stepMatch(model, matches, matches.at(-1)!, 1)).toBe(matches[0]);
    expect(stepMatch(model, matches, matches[0]!, -1)).toBe(matches.at(-1));
    expect(stepMatch(model, new Int32Array(0), 3, 1)).toBe(-1);
  });
});
