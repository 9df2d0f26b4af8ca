"use client";

import { useElementSize } from "@mantine/hooks";
import { createContext, useContext } from "react";
import { GRID_COLUMNS, type LayoutItem } from "@/lib/dashboards/schemas";

// A panel's body size follows from its place in the grid, so a panel can draw before the browser
// has measured anything: the server draws each panel's chart at it (components/charts/
// server-chart-svg.ts), and the browser's first render matches. The measured size takes over
// once the panel is on screen.

/** Height of one grid row in pixels; a panel of h rows is h * ROW_HEIGHT + (h - 1) * GRID_MARGIN tall. */
export const ROW_HEIGHT = 30;
/** The grid's width on a 1440-px screen with the navigation open (the main column), as measured. */
export const TYPICAL_GRID_WIDTH = 1180;
export const GRID_MARGIN = 12;
/** The panel card's padding (Mantine "sm") and border, and its title line with the gap below it. */
const CARD_INSET = 12 + 1;
const TITLE_HEIGHT = 22 + 6;

export interface Size {
  width: number;
  height: number;
}

export const PanelSize = createContext<Size | null>(null);

/** The body of a panel at `item`, in a grid `gridWidth` wide. */
export function panelBodySize(item: Pick<LayoutItem, "w" | "h">, gridWidth: number): Size {
  const column = (gridWidth - GRID_MARGIN * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  return {
    width: Math.round(item.w * column + (item.w - 1) * GRID_MARGIN - 2 * CARD_INSET),
    height: Math.round(item.h * ROW_HEIGHT + (item.h - 1) * GRID_MARGIN - 2 * CARD_INSET - TITLE_HEIGHT),
  };
}

/** The element's measured size, or the panel's size from the grid until it has been measured. */
export function usePanelBodySize() {
  const { ref, width, height } = useElementSize();
  const fromGrid = useContext(PanelSize);
  return height > 0 || !fromGrid ? { ref, width, height } : { ref, ...fromGrid };
}
