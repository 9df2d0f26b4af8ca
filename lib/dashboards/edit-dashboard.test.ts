import { describe, expect, it } from "vitest";
import { addPanel, applyLayout, draftChanged, newPanelId, removePanel, replacePanel, type DashboardDraft } from "./edit-dashboard";
import type { Panel } from "./schemas";

const text = (id: string, title = id): Panel => ({ id, kind: "text", title, text: "" });
const draft: DashboardDraft = {
  title: "D",
  description: "",
  panels: [text("p1"), text("p3")],
  layout: [
    { i: "p1", x: 0, y: 0, w: 6, h: 4 },
    { i: "p3", x: 6, y: 0, w: 6, h: 4 },
  ],
};

describe("dashboard editing", () => {
  it("gives a new panel an id no panel has", () => {
    expect(newPanelId(draft.panels)).toBe("p4");
    expect(newPanelId([text("p2"), text("p3")])).toBe("p4");
    expect(newPanelId([])).toBe("p1");
  });

  it("adds a panel below the others", () => {
    const next = addPanel(draft, text("ignored", "New"));
    expect(next.panels.at(-1)).toEqual(text("p4", "New"));
    expect(next.layout.at(-1)).toEqual({ i: "p4", x: 0, y: 4, w: 6, h: 8 });
  });

  it("replaces and removes panels, with their layout item", () => {
    expect(replacePanel(draft, text("p3", "Renamed")).panels[1]).toEqual(text("p3", "Renamed"));
    const removed = removePanel(draft, "p1");
    expect(removed.panels.map((p) => p.id)).toEqual(["p3"]);
    expect(removed.layout).toEqual([{ i: "p3", x: 6, y: 0, w: 6, h: 4 }]);
  });

  it("keeps only i, x, y, w, h of the grid's layout", () => {
    const moved = applyLayout(draft, [
      { i: "p3", x: 0, y: 0, w: 6, h: 4, moved: false, static: false } as never,
      { i: "p1", x: 6, y: 0, w: 6, h: 4 },
    ]);
    expect(moved.layout).toEqual([
      { i: "p1", x: 6, y: 0, w: 6, h: 4 },
      { i: "p3", x: 0, y: 0, w: 6, h: 4 },
    ]);
    expect(draftChanged(draft, moved)).toBe(true);
    expect(draftChanged(draft, applyLayout(draft, draft.layout))).toBe(false);
  });
});
