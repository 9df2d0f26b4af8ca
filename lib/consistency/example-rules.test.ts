import { describe, expect, it } from "vitest";
import { EXAMPLE_RULES } from "./example-rules";
import { ruleBodySchema } from "./schemas";
import { summariseRule } from "./summarise-rule";

describe("EXAMPLE_RULES", () => {
  it.each(EXAMPLE_RULES.map((rule) => [rule.name, rule] as const))("%s is a valid rule body", (_name, rule) => {
    const parsed = ruleBodySchema.safeParse(rule);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("names the lost-callback step the way the demo's violation names it", () => {
    const paid = ruleBodySchema.parse(EXAMPLE_RULES[0]);
    expect(summariseRule(paid.definition)).toEqual({ kind: "follows", trigger: 'payments UPDATE: status becomes "SUCCESS"', steps: ["order becomes PAID"], withinSeconds: 30 });
  });
});
