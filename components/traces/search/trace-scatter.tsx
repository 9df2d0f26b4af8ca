"use client";

import { useMantineTheme } from "@mantine/core";
import type { EChartsType } from "echarts/core";
import { useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import { EChart, type EChartEventHandlers } from "@/components/charts/echart";
import type { EChartOption } from "@/components/charts/echarts-setup";
import type { TraceSummary } from "@/lib/schemas/traces";
import { brushToWindow, type BrushWindow } from "@/lib/trace/search/brush-selection";
import { buildScatterOption } from "@/lib/trace/search/build-scatter-option";
import { formatDurationMs } from "@/lib/trace/format-duration";

/**
 * Results by start time and duration. The rectangle brush is always on: dragging a box narrows
 * the search to it; clicking a point opens that trace.
 */
export function TraceScatter({
  traces,
  window,
  loading,
  onBrush,
  onOpen,
}: {
  traces: readonly TraceSummary[];
  window: { fromMs: number; toMs: number };
  loading: boolean;
  onBrush: (selection: BrushWindow) => void;
  onOpen: (trace: TraceSummary) => void;
}) {
  const t = useTranslations("traces.search.scatter");
  const theme = useMantineTheme();
  const option = useMemo(
    () =>
      buildScatterOption(
        traces,
        window,
        {
          ok: t("ok"),
          errors: t("errors"),
          duration: t("duration"),
          tooltip: (trace) => t("tooltip", { service: trace.rootServiceName, operation: trace.rootName, duration: formatDurationMs(trace.durationMs), spans: trace.spanCount, errors: trace.errorCount }),
        },
        { ok: theme.colors.blue[6], error: theme.colors.red[6] },
      ),
    [traces, window, t, theme],
  );

  // ECharts only enters brush mode on an action, and forgets it when the option is replaced;
  // so the brush is armed once per (chart, option) after the chart has rendered it.
  const armed = useRef(new WeakMap<EChartsType, EChartOption>());
  const handlers = useMemo<EChartEventHandlers>(
    () => ({
      finished: (_params, chart) => {
        if (armed.current.get(chart) === option) return;
        armed.current.set(chart, option);
        chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "rect", brushMode: "single" } });
      },
      brushend: (params, chart) => {
        const selection = brushToWindow(params.areas);
        chart.dispatchAction({ type: "brush", areas: [] });
        if (selection) onBrush(selection);
      },
      click: (params) => {
        const index = (params.data as number[] | undefined)?.[2];
        const trace = index === undefined ? undefined : traces[index];
        if (trace) onOpen(trace);
      },
    }),
    [option, traces, onBrush, onOpen],
  );

  return <EChart option={option} ariaLabel={t("label", { count: traces.length })} height={220} loading={loading} onEvents={handlers} />;
}
