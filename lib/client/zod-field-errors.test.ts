import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodFieldErrors } from "./zod-field-errors";

const schema = z.object({ attributes: z.object({ customer: z.array(z.string().min(1, "must not be empty")).min(1, "needs at least one entry"), table: z.string().min(1, "required") }) });

describe("zodFieldErrors", () => {
  it("names the field that holds a bad list item, with the item's place, and keeps the first problem of each field", () => {
    const result = schema.safeParse({ attributes: { customer: ["a", "", ""], table: "" } });
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!)).toEqual({ "attributes.customer": "entry 2: must not be empty", "attributes.table": "required" });
  });

  it("names a list that is itself wrong", () => {
    expect(zodFieldErrors(schema.safeParse({ attributes: { customer: [], table: "t" } }).error!)).toEqual({ "attributes.customer": "needs at least one entry" });
  });
});
