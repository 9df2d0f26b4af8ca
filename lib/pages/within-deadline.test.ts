import { describe, expect, it } from "vitest";
import { withinDeadline } from "./within-deadline";

describe("withinDeadline", () => {
  it("is true for work done in time and false, at the deadline, for work that never ends", async () => {
    expect(await withinDeadline(Promise.resolve(), Date.now() + 1_000)).toBe(true);
    const started = Date.now();
    expect(await withinDeadline(new Promise(() => {}), started + 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("counts failed work as settled", async () => {
    expect(await withinDeadline(Promise.reject(new Error("no")).catch(() => undefined), Date.now() + 1_000)).toBe(true);
  });
});
