import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { BodyBudget } from "./body-budget";

describe("BodyBudget", () => {
  it("lets bytes in while the total held stays within the budget, and returns them after", async () => {
    const budget = new BodyBudget({ maxBytes: 100, retryAfterSeconds: 3 });
    let release!: () => void;
    const holding = budget.run(async (take) => {
      take(60);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await Promise.resolve();
    expect(budget.heldBytes).toBe(60);
    const refused = await budget.run((take) => Promise.resolve(take(50))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "unavailable", retryAfterSeconds: 3 });
    expect(budget.heldBytes).toBe(60); // the refused request gave back nothing it did not take
    await budget.run((take) => Promise.resolve(take(40)));
    release();
    await holding;
    expect(budget.heldBytes).toBe(0);
  });
});
