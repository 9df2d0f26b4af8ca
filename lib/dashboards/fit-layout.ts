import { GRID_COLUMNS, type LayoutItem } from "./schemas";

// The stored layout always has exactly one item per panel, in panel order. A layout item of a
// panel that is gone is dropped; a panel without one (added by hand to a provisioned file, or
// sent without a layout by a script) goes below everything else, left to right. Pure, so the
// API, provisioning and the editor all fit layouts the same way.

export const DEFAULT_PANEL_SIZE = { w: 6, h: 8 } as const;

export function fitLayout(panelIds: readonly string[], layout: readonly LayoutItem[]): LayoutItem[] {
  const byId = new Map<string, LayoutItem>();
  for (const item of layout) if (!byId.has(item.i)) byId.set(item.i, item);
  const known = panelIds.flatMap((id) => {
    const item = byId.get(id);
    return item ? [{ i: id, x: item.x, y: item.y, w: item.w, h: item.h }] : [];
  });
  let y = known.reduce((bottom, item) => Math.max(bottom, item.y + item.h), 0);
  let x = 0;
  const placed = new Map(known.map((item) => [item.i, item]));
  for (const id of panelIds) {
    if (placed.has(id)) continue;
    if (x + DEFAULT_PANEL_SIZE.w > GRID_COLUMNS) {
      x = 0;
      y += DEFAULT_PANEL_SIZE.h;
    }
    placed.set(id, { i: id, x, y, ...DEFAULT_PANEL_SIZE });
    x += DEFAULT_PANEL_SIZE.w;
  }
  return panelIds.flatMap((id) => {
    const item = placed.get(id);
    return item ? [item] : [];
  });
}
