"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { TimeSeriesChart, type TimeWindow } from "@/components/charts/time-series-chart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { rangeKey } from "@/lib/client/query-keys";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useTimeRange } from "@/lib/client/use-time-range";
import { hasRequests, RED_UNITS, redPanelSeries } from "@/lib/dashboards/red-panel-series";
import type { RedShow } from "@/lib/dashboards/schemas";
import { serviceColor } from "@/lib/trace/service-colors";
import { redPanelQuery } from "./dashboard-queries";
import { usePanelBodySize } from "./panel-size";

/**
 * Rate, errors or latency of one service (or operation) from the rollups, on the app's one
 * time-series chart: a click or a drag leads to the traces behind it, slowest first on a latency
 * panel, failing first on an errors panel.
 */
export function RedPanel({ title, service, operation, show }: { title: string; service: string; operation: string | null; show: RedShow }) {
  const t = useTranslations("dashboards");
  const { range } = useTimeRange();
  const { ref, width, height } = usePanelBodySize();
  // The chart's hint line under the plot ("click … drag …") wraps to two lines in a narrow panel.
  const hintHeight = width < 520 ? 36 : 20;
  const answer = useQuery({ ...redPanelQuery(range ? rangeKey(range) : { from: 0, to: 0 }, service, operation), enabled: range !== null, placeholderData: keepPreviousData });
  const series = useMemo(
    () =>
      redPanelSeries(answer.data?.points ?? [], show).map((s, index) => ({
        name: t(`series.${s.key}`),
        points: s.points,
        // The service's own colour for its main line; the other percentiles and timeouts in the chart's palette.
        ...(index === 0 ? { color: serviceColor(service) } : {}),
        ...(show === "rate" ? { area: true } : {}),
      })),
    [answer.data, show, service, t],
  );
  const traceLink = useCallback(
    (window: TimeWindow) => traceSearchLink({ service, operation, fromMs: window.fromMs, toMs: window.toMs, sort: show === "latency" ? "duration" : "start", status: show === "errors" ? "error" : "any" }),
    [service, operation, show],
  );

  if (answer.isError) return <QueryErrorAlert title={t("panelError")} error={answer.error} onRetry={() => void answer.refetch()} />;
  const empty = answer.data !== undefined && !hasRequests(answer.data.points);
  return (
    <Stack ref={ref} gap={4} h="100%" style={{ overflow: "hidden" }}>
      {empty && (
        <Text size="xs" c="dimmed" data-testid="panel-no-data">
          {t("noRequests", { service: operation ? `${service} · ${operation}` : service })}
        </Text>
      )}
      {range && height > 0 && (
        <div data-testid="red-chart" style={{ flex: 1, minHeight: 0 }}>
          <TimeSeriesChart
            series={series}
            range={{ fromMs: range.fromMs, toMs: range.toMs }}
            unit={RED_UNITS[show]}
            height={Math.max(80, height - hintHeight - (empty ? 24 : 0))}
            ariaLabel={t("redAria", { title, service })}
            loading={answer.isPending}
            stepMs={answer.data ? answer.data.step * 1000 : undefined}
            traceLink={traceLink}
            annotationService={service}
            yMin={0}
          />
        </div>
      )}
    </Stack>
  );
}
