import { describe, expect, it } from "vitest";
import { assignServiceColors, hashName, SERVICE_PALETTE, serviceColor } from "./service-colors";

describe("assignServiceColors", () => {
  const shop = ["gateway", "order", "inventory", "payment", "payment-provider", "coupon", "notification"];

  it("keeps apart names whose own colours collide", () => {
    // The case from the issue: both names hash to the same palette slot.
    expect(serviceColor("payment")).toBe(serviceColor("payment-provider"));
    const colors = assignServiceColors(["payment", "payment-provider"]);
    expect(colors.get("payment")).not.toBe(colors.get("payment-provider"));
  });

  it("gives every service of a map its own colour while the palette lasts", () => {
    const many = Array.from({ length: SERVICE_PALETTE.length }, (_, i) => `service-${i}`);
    for (const names of [shop, many]) {
      const colors = assignServiceColors(names);
      expect(colors.size).toBe(names.length);
      expect(new Set(colors.values()).size).toBe(names.length);
      for (const color of colors.values()) expect(SERVICE_PALETTE).toContain(color);
    }
  });

  it("depends only on the set of names, and a name keeps its own colour when it is free", () => {
    const forward = assignServiceColors(shop);
    const backward = assignServiceColors([...shop].reverse().concat("order"));
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
    // "payment" sorts before "payment-provider", so it keeps its own colour; the other moves.
    expect(forward.get("payment")).toBe(serviceColor("payment"));
    expect(forward.get("gateway")).toBe(serviceColor("gateway"));
  });

  it("repeats colours only past the palette's size, each name then keeping its own", () => {
    const names = Array.from({ length: SERVICE_PALETTE.length + 3 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);
    const colors = assignServiceColors(names);
    expect(new Set(colors.values()).size).toBe(SERVICE_PALETTE.length);
    const last = names[names.length - 1]!;
    expect(colors.get(last)).toBe(SERVICE_PALETTE[hashName(last) % SERVICE_PALETTE.length]);
  });

  it("has no repeated colour and no red in the palette", () => {
    expect(new Set(SERVICE_PALETTE).size).toBe(SERVICE_PALETTE.length);
    for (const color of SERVICE_PALETTE) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
      expect(r > 180 && g < 80 && b < 80, `${color} reads as red`).toBe(false);
    }
  });
});
