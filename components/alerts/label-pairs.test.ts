import { describe, expect, it } from "vitest";
import { labelsFromPairs, pairsFromLabels } from "./label-pairs";

describe("label pairs", () => {
  it("reads key=value tags, trimming around the first '=' only", () => {
    expect(labelsFromPairs(["team=payments", " severity = critical ", "query=a=b"])).toEqual({ team: "payments", severity: "critical", query: "a=b" });
  });

  it("keeps a tag without '=' as an empty value, for the server to name", () => {
    expect(labelsFromPairs(["team"])).toEqual({ team: "" });
  });

  it("writes labels back as the same tags", () => {
    expect(pairsFromLabels({ team: "payments", severity: "critical" })).toEqual(["team=payments", "severity=critical"]);
    expect(labelsFromPairs(pairsFromLabels({ team: "payments" }))).toEqual({ team: "payments" });
  });
});
