import { createContext } from "react";

// Kept apart from server-chart-svg.ts (which loads ECharts to draw on the server): the app frame
// reads these, and anything it imports is in every page's scripts.

// Chart widths on a 1440-px screen with the navigation open, as measured in Chromium: a chart
// across a full-width card, one of two side by side, one of three.
export const MAIN_WIDTH_PX = 1138;
export const HALF_WIDTH_PX = 561;
export const THIRD_WIDTH_PX = 369;

/** The width charts inside usually get, where it is not the whole main column (a grid of charts). */
export const TypicalChartWidth = createContext(MAIN_WIDTH_PX);
