"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { MAIN_WIDTH_PX } from "./typical-chart-width";

// How much of a page the server draws charts for (server-chart-svg.ts). Each drawing costs the
// server 10–25 ms, and a page of 18 charts (the Database page) held its HTML back by that much
// for charts that are below the first screen anyway. So the server draws charts in page order
// until their area fills about one screen of the main column (1440 × 900 with the navigation
// open); the browser draws the rest live, as it always did, long before anyone scrolls to them.

const HEADER_PX = 60;
const VIEWPORT_HEIGHT_PX = 900;
export const FIRST_SCREEN_AREA = MAIN_WIDTH_PX * (VIEWPORT_HEIGHT_PX - HEADER_PX);

/** The area left for drawings in one render of one page. */
class ChartAreaBudget {
  private left = FIRST_SCREEN_AREA;

  /** Whether a chart of this size may still be drawn (the first past the budget still is). */
  take(width: number, height: number): boolean {
    if (this.left <= 0) return false;
    this.left -= width * height;
    return true;
  }
}

const ServerChartArea = createContext<ChartAreaBudget | null>(null);

/**
 * One budget per page render. Charts take from it while the server renders them, in page order;
 * the browser's renders never draw, so they do not use it. Without a provider (a chart rendered
 * alone, a shared page) every chart is drawn.
 */
export function ServerChartAreaProvider({ children }: { children: ReactNode }) {
  const [budget] = useState(() => new ChartAreaBudget());
  return <ServerChartArea value={budget}>{children}</ServerChartArea>;
}

/**
 * For a part of a page that knows which of its charts are on the first screen and loads only
 * those with the page (a dashboard's grid): the server draws every chart it has data for.
 */
export function EveryChartDrawn({ children }: { children: ReactNode }) {
  return <ServerChartArea value={null}>{children}</ServerChartArea>;
}

/** Whether the server may draw a chart of this size, taking its area from the page's budget. */
export function useServerChartArea(): (width: number, height: number) => boolean {
  const budget = useContext(ServerChartArea);
  return (width, height) => budget === null || budget.take(width, height);
}
