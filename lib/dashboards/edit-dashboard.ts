import { fitLayout } from "./fit-layout";
import type { LayoutItem, Panel } from "./schemas";

// The editor's draft and what it may do to it, as pure functions: the page keeps one draft in
// state, these return the next one, and Save sends it as it is. Kept apart from React so the
// rules (every panel has one layout item, ids never repeat) are tested without a browser.

export interface DashboardDraft {
  title: string;
  description: string;
  panels: Panel[];
  layout: LayoutItem[];
}

/** An id no panel of the draft has: p1, p2, … */
export function newPanelId(panels: readonly Panel[]): string {
  const taken = new Set(panels.map((p) => p.id));
  let n = panels.length + 1;
  while (taken.has(`p${n}`)) n += 1;
  return `p${n}`;
}

/** Adds the panel (under an unused id) below everything else. */
export function addPanel(draft: DashboardDraft, panel: Panel): DashboardDraft {
  const added = { ...panel, id: newPanelId(draft.panels) };
  const panels = [...draft.panels, added];
  return { ...draft, panels, layout: fitLayout(panels.map((p) => p.id), draft.layout) };
}

export function replacePanel(draft: DashboardDraft, panel: Panel): DashboardDraft {
  return { ...draft, panels: draft.panels.map((p) => (p.id === panel.id ? panel : p)) };
}

export function removePanel(draft: DashboardDraft, id: string): DashboardDraft {
  const panels = draft.panels.filter((p) => p.id !== id);
  return { ...draft, panels, layout: fitLayout(panels.map((p) => p.id), draft.layout) };
}

/** The grid's layout after a drag or resize, keeping only what the API stores (i, x, y, w, h). */
export function applyLayout(draft: DashboardDraft, layout: readonly LayoutItem[]): DashboardDraft {
  const plain = layout.map(({ i, x, y, w, h }) => ({ i, x, y, w, h }));
  return { ...draft, layout: fitLayout(draft.panels.map((p) => p.id), plain) };
}

/** Whether Save has anything to send (JSON equality: the draft is plain data). */
export function draftChanged(saved: DashboardDraft, draft: DashboardDraft): boolean {
  return JSON.stringify(saved) !== JSON.stringify(draft);
}
