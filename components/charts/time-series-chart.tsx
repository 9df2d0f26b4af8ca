"use client";

import { Box, Menu, Text, useMantineTheme } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconFlag, IconListSearch, IconZoomIn } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { EChartsType } from "echarts/core";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useContext, useMemo, useRef, useState } from "react";
import { annotationsQuery } from "@/components/annotations/annotation-queries";
import { AnnotateModal } from "@/components/annotations/annotate-modal";
import { OpenIncidentModal } from "@/components/incidents/open-incident-modal";
import { useCurrentUser } from "@/components/shell/current-user";
import { roleAllows } from "@/lib/auth/roles";
import type { EvidenceItem } from "@/lib/incidents/schemas";
import type { ChartUnit } from "@/lib/client/format-chart-value";
import { TimeRangeContext } from "@/lib/client/use-time-range";
import { buildTimeSeriesOption, type ChartMarker, type ChartSeries } from "./build-time-series-option";
import { EChart, type EChartEventHandlers } from "./echart";
import type { EChartOption } from "./echarts-setup";
import { brushWindow, bucketAt, inferStepMs, type TimeWindow } from "./time-series-model";

export type { ChartMarker, ChartSeries } from "./build-time-series-option";
export type { TimeWindow } from "./time-series-model";

export interface TimeSeriesChartProps {
  series: readonly ChartSeries[];
  /** The window the x axis shows (the page's time range). */
  range: TimeWindow;
  unit: ChartUnit;
  height: number;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
  loading?: boolean;
  /** Vertical dashed lines with a label, e.g. where `service.version` changed. */
  markers?: readonly ChartMarker[];
  /** Bucket width of the points; inferred from their spacing when absent. */
  stepMs?: number;
  /**
   * Where the requests behind a window are: a click on the plot opens the bucket under the
   * pointer, a drag offers the dragged window. Without it the chart only zooms and annotates.
   */
  traceLink?: (window: TimeWindow) => string | null;
  /** Whose annotations to draw besides the global ones; undefined: every annotation of the window. */
  annotationService?: string | null;
  /** Off for small charts (sparklines): no annotations, no brush, no click. */
  interactive?: boolean;
  yMin?: number;
  yMax?: number;
}

/**
 * The app's one time-series chart. Every latency, error and rate chart leads to its requests:
 * click a point for the traces of that bucket, drag a window to see its traces, zoom to it or
 * annotate it. Annotations of the window are drawn on every chart.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { series, range, unit, height, ariaLabel, loading = false, markers = [], traceLink, annotationService, interactive = true } = props;
  const t = useTranslations("chart");
  const locale = useLocale();
  const theme = useMantineTheme();
  const router = useRouter();
  const timeRange = useContext(TimeRangeContext);
  const canAnnotate = roleAllows(useCurrentUser().role, "editor");
  const [chosen, setChosen] = useState<{ window: TimeWindow; x: number; y: number } | null>(null);
  const [annotating, annotate] = useDisclosure(false);
  const [opening, openIncident] = useDisclosure(false);

  const annotations = useQuery({
    ...annotationsQuery({ from: range.fromMs, to: range.toMs }, annotationService === undefined ? null : annotationService),
    enabled: interactive,
  });
  const stepMs = useMemo(() => inferStepMs(series.map((s) => s.points), props.stepMs), [series, props.stepMs]);
  const anchorMs = series.find((s) => s.points.length > 0)?.points[0]?.[0];

  const option = useMemo(
    () =>
      buildTimeSeriesOption({
        series,
        range,
        unit,
        locale,
        markers,
        annotations: interactive ? (annotations.data?.annotations ?? []) : [],
        brush: interactive,
        colors: { marker: theme.colors.violet[6], annotation: theme.colors.orange[7], faint: theme.colors.gray[5], incident: theme.colors.red[7] },
        yMin: props.yMin,
        yMax: props.yMax,
      }),
    [series, range, unit, locale, markers, interactive, annotations.data, theme, props.yMin, props.yMax],
  );

  // ECharts enters brush mode only on an action and forgets it when the option is replaced, so
  // the brush is armed once per (chart, option) after the chart has drawn it.
  const armed = useRef(new WeakMap<EChartsType, EChartOption>());
  const handlers = useMemo<EChartEventHandlers | undefined>(() => {
    if (!interactive) return undefined;
    const inPlot = (chart: EChartsType, x: number, y: number) => chart.containPixel("grid", [x, y]);
    return {
      finished: (_params, chart) => {
        if (armed.current.get(chart) === option) return;
        armed.current.set(chart, option);
        chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "lineX", brushMode: "single" } });
      },
      brushend: (params, chart) => {
        const window = brushWindow(params.areas);
        chart.dispatchAction({ type: "brush", areas: [] });
        if (!window) return;
        const x = chart.convertToPixel({ xAxisIndex: 0 }, window.toMs);
        setChosen({ window, x: Number.isFinite(x) ? x : 0, y: Math.round(height / 2) });
      },
      zrclick: ({ offsetX, offsetY }, chart) => {
        if (!traceLink || !inPlot(chart, offsetX, offsetY)) return;
        const timeMs = Number(chart.convertFromPixel({ xAxisIndex: 0 }, offsetX));
        if (!Number.isFinite(timeMs)) return;
        const href = traceLink(bucketAt(timeMs, stepMs, range, anchorMs));
        if (href) router.push(href);
      },
      zrmousemove: ({ offsetX, offsetY }, chart) => {
        chart.getZr().setCursorStyle(traceLink && inPlot(chart, offsetX, offsetY) ? "pointer" : "default");
      },
    };
  }, [interactive, option, height, traceLink, stepMs, range, anchorMs, router]);

  const windowHref = chosen && traceLink ? traceLink(chosen.window) : null;
  return (
    <Box pos="relative" data-chart={ariaLabel}>
      <EChart option={option} ariaLabel={ariaLabel} height={height} loading={loading} onEvents={handlers} />
      {interactive && traceLink ? (
        <Text size="xs" c="dimmed" ta="right" data-chart-hint>
          {t("hint")}
        </Text>
      ) : null}
      <Menu opened={chosen !== null} onChange={(opened) => !opened && !annotating && !opening && setChosen(null)} position="bottom-start" withinPortal>
        <Menu.Target>
          <Box pos="absolute" left={chosen?.x ?? 0} top={chosen?.y ?? 0} w={1} h={1} aria-hidden />
        </Menu.Target>
        <Menu.Dropdown>
          {windowHref ? (
            <Menu.Item leftSection={<IconListSearch size={16} />} onClick={() => router.push(windowHref)}>
              {t("window.traces")}
            </Menu.Item>
          ) : null}
          {timeRange ? (
            <Menu.Item leftSection={<IconZoomIn size={16} />} onClick={() => chosen && timeRange.setRange({ ...chosen.window, rel: null }, "push")}>
              {t("window.zoom")}
            </Menu.Item>
          ) : null}
          {canAnnotate ? (
            <Menu.Item leftSection={<IconFlag size={16} />} onClick={annotate.open}>
              {t("window.annotate")}
            </Menu.Item>
          ) : null}
          {canAnnotate ? (
            <Menu.Item leftSection={<IconAlertTriangle size={16} />} onClick={openIncident.open}>
              {t("window.incident")}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {chosen && annotating ? (
        <AnnotateModal
          window={chosen.window}
          service={annotationService ?? null}
          onClose={() => {
            annotate.close();
            setChosen(null);
          }}
        />
      ) : null}
      {chosen && opening ? (
        <OpenIncidentModal
          draft={{ source: "chart", windowFromMs: chosen.window.fromMs, windowToMs: chosen.window.toMs, filters: annotationService ? { service: annotationService } : {}, evidence: chartEvidence(ariaLabel, chosen.window) }}
          onClose={() => {
            openIncident.close();
            setChosen(null);
          }}
        />
      ) : null}
    </Box>
  );
}

/** The chart as evidence: this page with the chosen window, so the incident links back to it. */
function chartEvidence(title: string, window: TimeWindow): EvidenceItem[] {
  if (typeof location === "undefined") return [];
  const url = new URL(location.href);
  url.searchParams.set("from", String(Math.floor(window.fromMs)));
  url.searchParams.set("to", String(Math.ceil(window.toMs)));
  url.searchParams.delete("rel");
  return [{ kind: "chart", title: title.slice(0, 200) || "chart", href: `${url.pathname}${url.search}` }];
}
