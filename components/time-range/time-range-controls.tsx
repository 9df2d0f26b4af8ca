"use client";

import { ActionIcon, Group, Tooltip } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconZoomOut } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { shiftTimeRange, zoomOutTimeRange, type TimeRange } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";
import { TimeRangePicker } from "./time-range-picker";

type Move = (range: TimeRange, nowMs: number) => TimeRange;

const earlier: Move = (range, nowMs) => shiftTimeRange(range, -1, nowMs);
const later: Move = (range, nowMs) => shiftTimeRange(range, 1, nowMs);

/** Picker flanked by Grafana's shift and zoom-out buttons (each a new history entry). */
export function TimeRangeControls() {
  const t = useTranslations("timeRange");
  return (
    <Group gap={4} wrap="nowrap">
      <Group gap={4} wrap="nowrap" visibleFrom="md">
        <MoveButton label={t("shiftEarlier")} icon={<IconChevronLeft size={18} />} move={earlier} />
      </Group>
      <TimeRangePicker />
      <Group gap={4} wrap="nowrap" visibleFrom="md">
        <MoveButton label={t("shiftLater")} icon={<IconChevronRight size={18} />} move={later} />
        <MoveButton label={t("zoomOut")} icon={<IconZoomOut size={18} />} move={zoomOutTimeRange} />
      </Group>
    </Group>
  );
}

function MoveButton({ label, icon, move }: { label: string; icon: ReactNode; move: Move }) {
  const { range, setRange } = useTimeRange();
  const onClick = () => {
    if (range) setRange(move(range, Date.now()), "push");
  };
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} disabled={!range} onClick={onClick}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}
