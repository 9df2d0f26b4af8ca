import { describe, expect, it } from "vitest";
import { Faults, rendezvous } from "./faults";

describe("rendezvous", () => {
  it("releases every party once the last arrives", async () => {
    const meet = rendezvous(2, 5000);
    const order: string[] = [];
    const first = meet().then(() => order.push("first"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    await Promise.all([first, meet().then(() => order.push("second"))]);
    expect(order.sort()).toEqual(["first", "second"]);
  });

  it("gives up waiting after the timeout", async () => {
    const started = Date.now();
    await rendezvous(2, 50)();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe("Faults.armCallbackFault", () => {
  it("is taken by exactly one charge and resolves with its key", async () => {
    const faults = new Faults();
    const settled = faults.armCallbackFault("drop");
    const fault = faults.takeCallbackFault();
    expect(fault?.mode).toBe("drop");
    expect(faults.takeCallbackFault()).toBeUndefined();
    fault!.settle("order-7");
    await expect(settled).resolves.toBe("order-7");
  });
});
