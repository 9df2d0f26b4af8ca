"use client";

import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import type { EChartOption } from "@/components/charts/echarts-setup";
import { TypicalChartWidth } from "@/components/charts/typical-chart-width";

/** What a sparkline's cell usually gives it (at least 120 px; 220 in the overview's grid). */
const SPARKLINE_WIDTH_PX = 220;

/** A row's traffic over the window as a tiny line: no axes, no tooltip, just the shape. */
export function Sparkline({ values, color, ariaLabel }: { values: readonly number[]; color: string; ariaLabel: string }) {
  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 1, right: 1, top: 2, bottom: 2 },
      xAxis: { type: "category", show: false, boundaryGap: false, data: values.map((_, i) => i) },
      yAxis: { type: "value", show: false, min: 0 },
      series: [{ type: "line", data: [...values], symbol: "none", lineStyle: { width: 1.5, color }, areaStyle: { color, opacity: 0.15 }, silent: true }],
    }),
    [values, color],
  );
  return (
    <TypicalChartWidth value={SPARKLINE_WIDTH_PX}>
      <EChart option={option} ariaLabel={ariaLabel} height={28} style={{ width: 120, minWidth: 120 }} />
    </TypicalChartWidth>
  );
}
