"use client";

import { ActionIcon, Group, Tooltip } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconZoomOut } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { shiftTimeRange, zoomOutTimeRange } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";
import { TimeRangePicker } from "./time-range-picker";

/** Picker flanked by Grafana's shift and zoom-out buttons (each a new history entry). */
export function TimeRangeControls() {
  const t = useTranslations("timeRange");
  const { range, setRange } = useTimeRange();

  const control = (label: string, icon: React.ReactNode, move: () => void) => (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} disabled={!range} onClick={move}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Group gap={4} wrap="nowrap">
      <Group gap={4} wrap="nowrap" visibleFrom="md">
        {control(t("shiftEarlier"), <IconChevronLeft size={18} />, () => range && setRange(shiftTimeRange(range, -1, Date.now()), "push"))}
      </Group>
      <TimeRangePicker />
      <Group gap={4} wrap="nowrap" visibleFrom="md">
        {control(t("shiftLater"), <IconChevronRight size={18} />, () => range && setRange(shiftTimeRange(range, 1, Date.now()), "push"))}
        {control(t("zoomOut"), <IconZoomOut size={18} />, () => range && setRange(zoomOutTimeRange(range, Date.now()), "push"))}
      </Group>
    </Group>
  );
}
