import { describe, expect, it } from "vitest";
import { formatDurationMs, formatDurationNs } from "./format-duration";
import { hashName, SERVICE_PALETTE, serviceColor } from "./service-colors";
import { computeTimeTicks, niceStep } from "./time-ticks";
import { barGeometry, clampView, FULL_VIEW, isFullView, MIN_VIEW_WIDTH, panView, viewFromDrag, viewRangeNs, zoomView } from "./view-window";

const ms = 1_000_000;

describe("formatDurationNs", () => {
  it("picks the largest unit and three significant digits", () => {
    expect(formatDurationNs(0)).toBe("0 ms");
    expect(formatDurationNs(120)).toBe("120 ns");
    expect(formatDurationNs(850_000)).toBe("850 µs");
    expect(formatDurationNs(45_600_000)).toBe("45.6 ms");
    expect(formatDurationNs(1_234_000_000)).toBe("1.23 s");
    expect(formatDurationNs(20 * ms)).toBe("20 ms");
    expect(formatDurationNs(1.5 * ms)).toBe("1.5 ms");
    expect(formatDurationNs(125_000_000_000)).toBe("2 min 5 s");
    expect(formatDurationNs(2 * 3600e9 + 60e9 * 3)).toBe("2 h 3 min");
    expect(formatDurationMs(250)).toBe("250 ms");
    expect(formatDurationNs(-2 * ms)).toBe("-2 ms");
  });
});

describe("time ticks", () => {
  it("uses 1/2/5 steps that fit the requested count", () => {
    expect(niceStep(100 * ms, 5)).toBe(20 * ms);
    expect(niceStep(1_000 * ms, 10)).toBe(100 * ms);
    expect(niceStep(7 * ms, 4)).toBe(2 * ms);
  });

  it("labels ticks from the view start and places them as fractions", () => {
    const ticks = computeTimeTicks(0, 100 * ms, 5);
    expect(ticks.map((t) => t.label)).toEqual(["0 ms", "20 ms", "40 ms", "60 ms", "80 ms", "100 ms"]);
    expect(ticks.map((t) => t.position)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const zoomed = computeTimeTicks(30 * ms, 50 * ms, 4);
    expect(zoomed[0]!.label).toBe("30 ms");
    expect(zoomed.every((t) => t.position >= 0 && t.position <= 1)).toBe(true);
  });
});

describe("view window", () => {
  it("turns a minimap drag (either direction) into a clamped window", () => {
    expect(viewFromDrag(100, 300, 1000)).toEqual({ start: 0.1, end: 0.3 });
    expect(viewFromDrag(300, 100, 1000)).toEqual({ start: 0.1, end: 0.3 });
    expect(viewFromDrag(-50, 2000, 1000)).toEqual(FULL_VIEW);
    const tiny = viewFromDrag(500, 500, 1000);
    expect(tiny.end - tiny.start).toBeCloseTo(MIN_VIEW_WIDTH, 9);
    expect(clampView(1, 1).end).toBe(1);
  });

  it("pans and zooms within the trace", () => {
    expect(panView({ start: 0.2, end: 0.4 }, 0.7)).toEqual({ start: 0.8, end: 1 });
    expect(panView({ start: 0.2, end: 0.4 }, -0.5)).toEqual({ start: 0, end: 0.2 });
    const zoomed = zoomView(FULL_VIEW, 0.5, 0.5);
    expect(zoomed.start).toBeCloseTo(0.25);
    expect(zoomed.end).toBeCloseTo(0.75);
    expect(zoomView({ start: 0.25, end: 0.75 }, 4, 0.5)).toEqual(FULL_VIEW);
    expect(isFullView(FULL_VIEW)).toBe(true);
  });

  it("places bars relative to the window, flagging those outside it", () => {
    expect(barGeometry(25 * ms, 50 * ms, 100 * ms, FULL_VIEW)).toEqual({ leftPct: 25, widthPct: 50, hidden: false });
    const zoomed = { start: 0.5, end: 1 };
    expect(barGeometry(75 * ms, 5 * ms, 100 * ms, zoomed)).toEqual({ leftPct: 50, widthPct: 10, hidden: false });
    expect(barGeometry(10 * ms, 5 * ms, 100 * ms, zoomed).hidden).toBe(true);
    expect(viewRangeNs(zoomed, 100 * ms)).toEqual({ fromNs: 50 * ms, toNs: 100 * ms });
  });
});

describe("serviceColor", () => {
  it("is stable per name and drawn from the palette", () => {
    expect(serviceColor("payment")).toBe(serviceColor("payment"));
    expect(SERVICE_PALETTE).toContain(serviceColor("checkout"));
    expect(hashName("")).toBe(0x811c9dc5);
    const colours = new Set(["frontend", "checkout", "payment", "inventory", "coupon", "gateway"].map(serviceColor));
    expect(colours.size).toBeGreaterThan(3);
  });
});
