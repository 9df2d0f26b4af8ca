import { describe, expect, it } from "vitest";
import { readDefinitionText, splitRuleErrors } from "./rule-form-errors";

describe("splitRuleErrors", () => {
  it("puts the definition's problems beside the JSON and the others above the form", () => {
    expect(splitRuleErrors("name: must not be empty; definition.trigger.table: must be a table name; definition: kind must be follows or at-most")).toEqual({
      definition: ["definition.trigger.table: must be a table name", "definition: kind must be follows or at-most"],
      other: ["name: must not be empty"],
    });
  });

  it("keeps a message without a path as a general one", () => {
    expect(splitRuleErrors("a rule with this name exists")).toEqual({ definition: [], other: ["a rule with this name exists"] });
  });
});

describe("readDefinitionText", () => {
  it("reads JSON and says why text is not JSON", () => {
    expect(readDefinitionText('{"kind":"follows"}')).toEqual({ ok: true, value: { kind: "follows" } });
    expect(readDefinitionText("{kind:")).toMatchObject({ ok: false });
  });
});
