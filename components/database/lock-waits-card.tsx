"use client";

import { Badge, Box, Group, Paper, Stack, Text } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import { parseAsString, useQueryState } from "nuqs";
import { useMemo } from "react";
import { EChart, type EChartEventHandlers } from "@/components/charts/echart";
import type { EChartOption } from "@/components/charts/echarts-setup";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import type { RangeKey } from "@/lib/client/query-keys";
import { buildBlockingTree, waitsAt, type BlockingNode } from "@/lib/database/build-blocking-tree";
import { lockWaitUrlRules, readLockWaitMoment } from "@/lib/database/lock-wait-moment";
import type { LockEvent } from "@/lib/schemas/locks";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { ProcessLinks } from "./process-links";

type Wait = Extract<LockEvent, { kind: "wait" }>;

/** How close to a wait's point a click counts as a click on it (its symbol is 9 px wide). */
const POINT_HIT_PX = 8;

/** Lock waits over the window (each episode at its start, as high as it lasted) and who blocked whom at a chosen moment. */
export function LockWaitsCard({ range, waits }: { range: RangeKey; waits: Wait[] }) {
  const t = useTranslations("database.waits");
  const locale = useLocale();
  const [atParam, setAt] = useQueryState("at", parseAsString.withOptions({ history: "replace" }));
  // Default moment: when the newest wait began, so the tree shows something right away; also
  // what a link's unusable `at` is replaced with, said above the chart.
  const newestMs = waits[0] ? Date.parse(waits[0].time) : null;
  const at = readLockWaitMoment(atParam, range, newestMs);
  const problems = useMemo(() => (atParam === null ? [] : describeUrlProblems(new URLSearchParams({ at: atParam }), lockWaitUrlRules(range, newestMs))), [atParam, range, newestMs]);
  const tree = useMemo(() => (at === null ? [] : buildBlockingTree(waitsAt(waits, at))), [waits, at]);

  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: "item" },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "time", min: range.from, max: range.to },
      yAxis: { type: "value", name: t("durationAxis"), axisLabel: { formatter: (ms: number) => formatDurationMs(ms) } },
      series: [
        {
          type: "scatter",
          symbolSize: 9,
          data: waits.map((w) => ({ value: [Date.parse(w.time), w.durationMs], name: `${w.waiter.pid} → ${w.blockers.map((b) => b.pid).join(", ")}: ${w.lock.mode} ${w.lock.object}` })),
          // The moment the tree below shows.
          markLine: at === null ? undefined : { silent: true, symbol: "none", label: { show: false }, data: [{ xAxis: at }] },
        },
      ],
    }),
    [waits, range, t, at],
  );
  // Any moment can be chosen: a click anywhere on the plot picks that time, and a click on (or
  // within a few pixels of) a wait's point picks the moment that wait began, so it is in the tree.
  const onEvents = useMemo<EChartEventHandlers>(
    () => ({
      zrclick: ({ offsetX, offsetY }, chart) => {
        if (!chart.containPixel("grid", [offsetX, offsetY])) return;
        const near = waits.find((w) => {
          const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [Date.parse(w.time), w.durationMs]) as [number, number];
          return Math.hypot(x - offsetX, y - offsetY) <= POINT_HIT_PX;
        });
        const time = near ? Date.parse(near.time) : Number(chart.convertFromPixel({ xAxisIndex: 0 }, offsetX));
        if (Number.isFinite(time)) void setAt(String(Math.round(time)));
      },
      zrmousemove: ({ offsetX, offsetY }, chart) => {
        chart.getZr().setCursorStyle(chart.containPixel("grid", [offsetX, offsetY]) ? "crosshair" : "default");
      },
    }),
    [setAt, waits],
  );

  return (
    <SectionCard title={t("title")} description={t("description")}>
      <UrlProblemsAlert problems={problems} />
      {waits.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Stack>
          <EChart option={option} ariaLabel={t("chartLabel", { count: waits.length })} height={200} onEvents={onEvents} />
          {at !== null && (
            <Text size="sm" fw={500}>
              {t("treeAt", { time: new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(at)) })}
            </Text>
          )}
          {tree.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("noneAtMoment")}
            </Text>
          ) : (
            <Stack gap="xs" role="tree" aria-label={t("treeLabel")}>
              {tree.map((node) => (
                <TreeNode key={`root-${node.pid}`} node={node} depth={0} database={waits[0]!.database} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}

function TreeNode({ node, depth, database }: { node: BlockingNode; depth: number; database: string }) {
  const t = useTranslations("database.waits");
  return (
    <Box role="treeitem" aria-label={t("process", { pid: node.pid })} ml={depth * 28}>
      <Paper withBorder p="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={node.wait ? "orange" : "gray"} variant="light" style={{ flexShrink: 0 }}>
            {t("process", { pid: node.pid })}
          </Badge>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            {node.wait ? (
              <Text size="sm">
                {t("waitsFor", { duration: formatDurationMs(node.wait.durationMs), mode: node.wait.lock.mode, object: node.wait.lock.object, held: node.wait.heldModes.join(", ") || "—" })}
              </Text>
            ) : (
              <Text size="sm">{t("holds")}</Text>
            )}
            <TruncatedValue value={node.process.query ?? "—"} ff="monospace" size="xs" lines={2} maw="100%" />
            <Text size="xs" c="dimmed">
              {[node.process.state, node.process.user, node.process.applicationName].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
          <ProcessLinks database={database} traceId={node.process.traceId} pid={node.pid} />
        </Group>
      </Paper>
      {node.children.map((child) => (
        <TreeNode key={`${node.pid}-${child.pid}-${child.wait?.waitId ?? ""}`} node={child} depth={1} database={database} />
      ))}
    </Box>
  );
}
