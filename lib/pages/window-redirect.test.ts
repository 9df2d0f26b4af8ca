import { describe, expect, it } from "vitest";
import { addressWithWindow } from "./window-redirect";

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

describe("addressWithWindow", () => {
  it("completes an address without a window with the last hour, keeping its other parameters", () => {
    const next = addressWithWindow(new URL("http://x/traces?service=payment&attr=a%3Db"), NOW)!;
    expect(next.pathname).toBe("/traces");
    expect(next.searchParams.get("service")).toBe("payment");
    expect(next.searchParams.get("attr")).toBe("a=b");
    expect(Number(next.searchParams.get("from"))).toBe(NOW - 3_600_000);
    expect(Number(next.searchParams.get("to"))).toBe(NOW);
    expect(next.searchParams.get("rel")).toBe("1h");
  });

  it("reads a relative window the address names", () => {
    const next = addressWithWindow(new URL("http://x/?rel=15m"), NOW)!;
    expect(Number(next.searchParams.get("from"))).toBe(NOW - 15 * 60_000);
    expect(next.searchParams.get("rel")).toBe("15m");
  });

  it("opens the timeout report on the last 24 hours", () => {
    const next = addressWithWindow(new URL("http://x/reports/timeouts?service=gateway"), NOW)!;
    expect(Number(next.searchParams.get("from"))).toBe(NOW - 86_400_000);
    expect(next.searchParams.get("rel")).toBe("24h");
    expect(next.searchParams.get("service")).toBe("gateway");
  });

  it("leaves an address that names any window, or one it cannot read, to the page", () => {
    expect(addressWithWindow(new URL(`http://x/?from=${NOW - 1}&to=${NOW}`), NOW)).toBeNull();
    expect(addressWithWindow(new URL("http://x/?from=yesterday"), NOW)).toBeNull();
    expect(addressWithWindow(new URL("http://x/?to=5"), NOW)).toBeNull();
    expect(addressWithWindow(new URL("http://x/?rel=forever"), NOW)).toBeNull();
  });
});
