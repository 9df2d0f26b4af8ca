import { describe, expect, it } from "vitest";
import { fitLayout } from "./fit-layout";

describe("fitLayout", () => {
  it("keeps the items of known panels, in panel order", () => {
    const layout = [
      { i: "b", x: 6, y: 0, w: 6, h: 4 },
      { i: "a", x: 0, y: 0, w: 6, h: 4 },
    ];
    expect(fitLayout(["a", "b"], layout)).toEqual([layout[1], layout[0]]);
  });

  it("drops items of panels that are gone and repeated items", () => {
    const layout = [
      { i: "a", x: 0, y: 0, w: 4, h: 4 },
      { i: "a", x: 4, y: 0, w: 4, h: 4 },
      { i: "gone", x: 8, y: 0, w: 4, h: 4 },
    ];
    expect(fitLayout(["a"], layout)).toEqual([{ i: "a", x: 0, y: 0, w: 4, h: 4 }]);
  });

  it("places panels without an item below the others, two to a row", () => {
    const fitted = fitLayout(["a", "b", "c", "d"], [{ i: "a", x: 0, y: 0, w: 12, h: 5 }]);
    expect(fitted).toEqual([
      { i: "a", x: 0, y: 0, w: 12, h: 5 },
      { i: "b", x: 0, y: 5, w: 6, h: 8 },
      { i: "c", x: 6, y: 5, w: 6, h: 8 },
      { i: "d", x: 0, y: 13, w: 6, h: 8 },
    ]);
  });

  it("gives an empty dashboard an empty layout", () => {
    expect(fitLayout([], [{ i: "x", x: 0, y: 0, w: 1, h: 1 }])).toEqual([]);
  });
});
