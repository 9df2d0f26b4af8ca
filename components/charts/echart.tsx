"use client";

import { Box, useComputedColorScheme, useMantineTheme, type MantineStyleProp } from "@mantine/core";
import type { ECElementEvent, EChartsType } from "echarts/core";
import { useLocale, useTranslations } from "next-intl";
import { useContext, useEffect, useRef, useState } from "react";
import classes from "./echart.module.css";
import { echarts, type EChartOption } from "./echarts-setup";
import { useServerChartArea } from "./server-chart-area";
import { serverChartSvg } from "./server-chart-svg";
import { TypicalChartWidth } from "./typical-chart-width";

/** Parameters of the events pages listen to; add an entry when a page needs another event. */
export interface EChartEventParams {
  click: ECElementEvent;
  dblclick: ECElementEvent;
  /** `{ batch: [{ areas, selected }] }` after a brush selection changes. */
  brushselected: { batch: { areas: unknown[]; selected: { seriesIndex: number; dataIndex: number[] }[] }[] };
  /** `{ areas }` when the user finishes a brush stroke. */
  brushend: { areas: { coordRange?: unknown; range?: unknown }[] };
  datazoom: { start?: number; end?: number; startValue?: number; endValue?: number; batch?: unknown[] };
  legendselectchanged: { name: string; selected: Record<string, boolean> };
  /** After each render settles; where a page arms a cursor mode (e.g. an always-on brush). */
  finished: undefined;
  /**
   * A click anywhere on the canvas (not only on a symbol), in pixels of the chart; a drag is not
   * a click. Convert with `chart.convertFromPixel`.
   */
  zrclick: { offsetX: number; offsetY: number };
  /** The pointer moving over the canvas, in pixels (e.g. to show a pointer cursor over the plot). */
  zrmousemove: { offsetX: number; offsetY: number };
}

export type EChartEventHandlers = { [K in keyof EChartEventParams]?: (params: EChartEventParams[K], chart: EChartsType) => void };

export interface EChartProps {
  option: EChartOption;
  /** Describes the chart for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  height: number | string;
  loading?: boolean;
  /**
   * true (default): each option is the whole chart, so a series that disappeared from the data
   * disappears from the chart. false: merge into the current chart (for incremental updates).
   */
  notMerge?: boolean;
  onEvents?: EChartEventHandlers;
  style?: MantineStyleProp;
}

/**
 * The one ECharts wrapper. Owns the instance: created on mount, resized with its box, disposed
 * on unmount. The theme follows Mantine's colour scheme and the locale the UI's language; ECharts
 * cannot switch locale in place, so a change of either re-creates the instance.
 */
export function EChart({ option, ariaLabel, height, loading = false, notMerge = true, onEvents, style }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  // The server's drawing stays until the live chart has drawn its first frame.
  const [live, setLive] = useState(false);
  const typicalWidth = useContext(TypicalChartWidth);
  const takeServerArea = useServerChartArea();
  const chartRef = useRef<EChartsType | null>(null);
  const scheme = useComputedColorScheme("light", { getInitialValueInEffect: true });
  const echartsLocale = useLocale() === "zh-CN" ? "ZH" : "EN";
  const loadingText = useTranslations("chart")("loading");
  const theme = useMantineTheme();
  const spinnerColor = theme.colors[theme.primaryColor]?.[6] ?? "#4c6ef5";
  const handlersRef = useRef(onEvents);
  const eventNames = Object.keys(onEvents ?? {}).sort().join(",");

  useEffect(() => {
    handlersRef.current = onEvents;
  });

  // Declared first: effects run in order, so the ones below always see the current instance.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, scheme === "dark" ? "dark" : undefined, { locale: echartsLocale });
    chartRef.current = chart;
    const drawn = () => {
      chart.off("rendered", drawn);
      setLive(true);
    };
    chart.on("rendered", drawn);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => chart.resize());
    });
    observer.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [scheme, echartsLocale]);

  useEffect(() => {
    // Transparent so the card's own background shows in both themes. ECharts' aria module
    // writes the container's aria-label itself; given our description it keeps the one we
    // chose instead of an English dump of every data point.
    chartRef.current?.setOption(
      { backgroundColor: "transparent", aria: { enabled: true, label: { description: ariaLabel } }, ...option },
      { notMerge, lazyUpdate: true },
    );
  }, [option, notMerge, ariaLabel, scheme, echartsLocale]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (loading) {
      chart.showLoading("default", {
        text: loadingText,
        color: spinnerColor,
        textColor: scheme === "dark" ? "#c9c9c9" : "#495057",
        maskColor: scheme === "dark" ? "rgba(36, 36, 36, 0.6)" : "rgba(255, 255, 255, 0.7)",
      });
    } else {
      chart.hideLoading();
    }
  }, [loading, loadingText, spinnerColor, scheme, echartsLocale]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !eventNames) return;
    // Bound once per instance and event name; the handler called is always the latest prop.
    const bound = eventNames.split(",").map((name) => {
      const listener = (params: unknown) => {
        const handler = handlersRef.current?.[name as keyof EChartEventParams] as ((params: unknown, chart: EChartsType) => void) | undefined;
        handler?.(params, chart);
      };
      // `zr…` events come from the renderer below ECharts: anywhere on the canvas, not only on a mark.
      if (name.startsWith("zr")) chart.getZr().on(name.slice(2) as "click", listener);
      else chart.on(name, listener);
      return [name, listener] as const;
    });
    return () => {
      if (chart.isDisposed()) return;
      for (const [name, listener] of bound) {
        if (name.startsWith("zr")) chart.getZr().off(name.slice(2), listener);
        else chart.off(name, listener);
      }
    };
  }, [eventNames, scheme, echartsLocale]);

  // Only the server draws here (no window), charts of the first screen (server-chart-area.tsx):
  // the browser's first render leaves the server's SVG in place (an empty __html is not applied
  // on hydration) until the live chart has drawn.
  const serverSvg =
    typeof window === "undefined" && !loading && typeof height === "number" && takeServerArea(typicalWidth, height)
      ? serverChartSvg(option, { width: typicalWidth, height, locale: echartsLocale })
      : null;
  // data-loading: tests and bench:ui wait for charts that have their data, not the spinner.
  return (
    <Box pos="relative" h={height} w="100%" style={style} data-echart>
      <Box ref={containerRef} role="img" aria-label={ariaLabel} data-loading={loading} h="100%" w="100%" />
      {live ? null : <div className={classes.serverChart} data-server-chart aria-hidden dangerouslySetInnerHTML={{ __html: serverSvg ?? "" }} suppressHydrationWarning />}
    </Box>
  );
}
