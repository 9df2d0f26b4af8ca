"use client";

import { Badge, Box, Button, Group, Paper, Switch, Tabs, Tooltip } from "@mantine/core";
import { useDebouncedValue, useViewportSize } from "@mantine/hooks";
import { IconAlertTriangle, IconArrowsMaximize, IconArrowsMinimize, IconZoomReset } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { TraceCausesPanel } from "@/components/causes/trace-causes-panel";
import { useMediaMatches } from "@/lib/client/use-media-matches";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { segmentsBySpan } from "@/lib/trace/compute-critical-path";
import { findSpansLocally, mergeMatches, stepMatch } from "@/lib/trace/find-in-trace";
import { summariseTrace } from "@/lib/trace/summarise-trace";
import { FULL_VIEW, isFullView } from "@/lib/trace/view-window";
import { findInTraceQuery, traceChangesQuery, traceLogsQuery, traceSpanQuery } from "../trace-queries";
import { TraceDeliveriesAlert } from "@/components/findings/trace-deliveries-alert";
import { FindInTrace } from "./find-in-trace";
import { groupChangesBySpan } from "./group-changes";
import { SpanDetail } from "./span-detail";
import { TraceChanges } from "./trace-changes";
import { TraceHeader } from "./trace-header";
import { TraceLogs } from "./trace-logs";
import { TraceMinimap } from "./trace-minimap";
import { TraceSummaryTable } from "./trace-summary";
import { ROW_HEIGHT, TraceWaterfall } from "./trace-waterfall";
import { useWaterfallState } from "./use-waterfall-state";
import { ServiceColorsProvider } from "../service-colors-context";

const HOVER_PREFETCH_MS = 60;
const NO_MATCHES = new Set<number>();

/** One loaded trace: header, tools, minimap, waterfall with span detail, then changes, logs and summary. */
export function TraceExplorer({ model }: { model: TraceModel }) {
  const t = useTranslations("traces.trace");
  const queryClient = useQueryClient();
  const state = useWaterfallState(model);
  const { selected, select, act } = state;
  const summary = useMemo(() => summariseTrace(model), [model]);
  const [showCritical, setShowCritical] = useState(true);
  const critical = useMemo(() => (showCritical ? segmentsBySpan(model.criticalPath) : null), [model, showCritical]);
  // A small trace is drawn on the server, which cannot know the screen: it draws the wide layout.
  const wide = useMediaMatches("(min-width: 75em)", true);
  const { height: viewportHeight } = useViewportSize();
  // As tall as the trace, up to what the window leaves below the header and tools.
  const available = Math.max(360, (viewportHeight || 900) - 330);
  // With the detail panel open beside it, the pane keeps room for the detail even when the trace is short.
  const waterfallHeight = selected >= 0 && wide ? available : Math.min(state.rows.length * ROW_HEIGHT + 2, available);

  // Find: names, services and ids match at once; the server adds attribute and event matches.
  const [findText, setFindText] = useState("");
  const [debouncedFind] = useDebouncedValue(findText.trim(), 250);
  const remote = useQuery({ ...findInTraceQuery(model.traceId, debouncedFind), enabled: debouncedFind.length >= 2 });
  const matches = useMemo(() => {
    const local = findSpansLocally(model, findText);
    return remote.data && debouncedFind === findText.trim() ? mergeMatches(model, local, remote.data.spanIds) : local;
  }, [model, findText, debouncedFind, remote.data]);
  const matchSet = useMemo(() => (matches.length ? new Set(matches) : NO_MATCHES), [matches]);
  const stepFind = useCallback((direction: 1 | -1) => select(stepMatch(model, matches, selected, direction), true), [model, matches, selected, select]);

  // The waterfall is what the reader waits for: changes, logs and the tabs below come one frame
  // after it has been painted, so their requests and rendering never delay the first rows.
  const [afterFirstPaint, setAfterFirstPaint] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setAfterFirstPaint(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  const changesQuery = useQuery({ ...traceChangesQuery(model.traceId), enabled: afterFirstPaint });
  const logsQuery = useQuery({ ...traceLogsQuery(model.traceId), enabled: afterFirstPaint });
  const grouped = useMemo(() => groupChangesBySpan(model, changesQuery.data?.changes ?? []), [model, changesQuery.data]);
  const changeCounts = useMemo(() => new Map([...grouped.bySpan].map(([span, list]) => [span, list.length])), [grouped]);

  // Hovering a row for a moment starts loading its detail, so the click finds it ready.
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onHover = useCallback(
    (span: number) => {
      clearTimeout(hoverTimer.current);
      hoverTimer.current = setTimeout(() => void queryClient.prefetchQuery(traceSpanQuery(model.traceId, model.spanIds[span]!)), HOVER_PREFETCH_MS);
    },
    [queryClient, model],
  );
  const onSelect = useCallback((span: number) => select(span), [select]);
  const onSelectAndShow = useCallback((span: number) => select(span, true), [select]);
  const onClose = useCallback(() => select(-1), [select]);

  return (
    <ServiceColorsProvider services={model.services}>
      <TraceHeader model={model} summary={summary} />
      <TraceCausesPanel traceId={model.traceId} />
      <TraceDeliveriesAlert traceId={model.traceId} />
      <Group gap="sm" mb="sm" wrap="wrap">
        <FindInTrace
          value={findText}
          onChange={setFindText}
          matchCount={matches.length}
          currentIndex={selected >= 0 ? matches.indexOf(selected) : -1}
          searching={remote.isFetching}
          onStep={stepFind}
        />
        <Button variant="light" color="red" leftSection={<IconAlertTriangle size={16} />} onClick={() => act("nextError")} disabled={model.errorSpans.length === 0}>
          {t("nextError")}
        </Button>
        <Tooltip label={t("criticalPathHint")} multiline w={300} withArrow>
          <Switch label={t("criticalPath")} checked={showCritical} onChange={(event) => setShowCritical(event.currentTarget.checked)} />
        </Tooltip>
        <Group gap={4}>
          <Button variant="default" size="xs" leftSection={<IconArrowsMaximize size={14} />} onClick={state.expandAll}>
            {t("expandAll")}
          </Button>
          <Button variant="default" size="xs" leftSection={<IconArrowsMinimize size={14} />} onClick={state.collapseAll}>
            {t("collapseAll")}
          </Button>
          {!isFullView(state.view) && (
            <Button variant="light" size="xs" leftSection={<IconZoomReset size={14} />} onClick={() => state.setView(FULL_VIEW)}>
              {t("resetZoom")}
            </Button>
          )}
        </Group>
        <Badge variant="transparent" color="gray" tt="none" fw={400}>
          {t("keyboardHint")}
        </Badge>
      </Group>
      <Paper withBorder style={{ overflow: "hidden" }} mb="lg">
        <TraceMinimap model={model} view={state.view} onViewChange={state.setView} />
        <Box style={{ display: "flex", alignItems: "stretch" }}>
          <TraceWaterfall
            model={model}
            rows={state.rows}
            collapsed={state.collapsed}
            selected={selected}
            view={state.view}
            matches={matchSet}
            critical={critical}
            changeCounts={changeCounts}
            scrollRequest={state.scrollRequest}
            height={waterfallHeight}
            onSelect={onSelect}
            onToggle={state.toggle}
            onHover={onHover}
            onAction={act}
            onEscape={onClose}
          />
          {selected >= 0 && wide && (
            <Box w={460} style={{ flex: "none", borderLeft: "1px solid var(--mantine-color-default-border)", overflowY: "auto" }} h={waterfallHeight + 28}>
              <SpanDetail model={model} span={selected} changes={grouped.bySpan.get(selected) ?? []} onClose={onClose} onSelect={onSelectAndShow} />
            </Box>
          )}
        </Box>
        {selected >= 0 && !wide && (
          <Box style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
            <SpanDetail model={model} span={selected} changes={grouped.bySpan.get(selected) ?? []} onClose={onClose} onSelect={onSelectAndShow} />
          </Box>
        )}
      </Paper>
      {afterFirstPaint && (
        <Tabs defaultValue="changes" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="changes">{t("changesTab", { count: changesQuery.data?.changes.length ?? 0 })}</Tabs.Tab>
            <Tabs.Tab value="logs">{t("logsTab", { count: logsQuery.data?.logs.length ?? 0 })}</Tabs.Tab>
            <Tabs.Tab value="summary">{t("summaryTab")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="changes" pt="md">
            <TraceChanges model={model} query={changesQuery} grouped={grouped} onSelect={onSelectAndShow} />
          </Tabs.Panel>
          <Tabs.Panel value="logs" pt="md">
            <TraceLogs model={model} query={logsQuery} onSelect={onSelectAndShow} />
          </Tabs.Panel>
          <Tabs.Panel value="summary" pt="md">
            <TraceSummaryTable summary={summary} />
          </Tabs.Panel>
        </Tabs>
      )}
    </ServiceColorsProvider>
  );
}
