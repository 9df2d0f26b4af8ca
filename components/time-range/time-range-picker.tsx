"use client";

import { Alert, Button, Divider, Group, Popover, Skeleton, Stack, Text, Tooltip } from "@mantine/core";
import { IconChevronDown, IconClock, IconPin } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { liveRelativeSpec, relativeKey, relativeRange, type RelativeSpec, type TimeRange } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";
import { AbsoluteRangeForm } from "./absolute-range-form";
import { QuickRanges } from "./quick-ranges";
import { useTimeRangeLabel } from "./use-time-range-label";

/** The header's window picker: the current window as a button, quick and absolute ranges in a popover. */
export function TimeRangePicker() {
  const t = useTranslations("timeRange");
  const { range, pinned, setRange } = useTimeRange();
  const { label, exact, timeZone } = useTimeRangeLabel(range, pinned);
  const [opened, setOpened] = useState(false);

  const live = range && !pinned ? liveRelativeSpec(range) : null;

  const apply = (next: TimeRange) => {
    setRange(next, "push");
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Tooltip label={exact} disabled={!exact || opened} multiline maw={360}>
          <Button
            variant="default"
            onClick={() => setOpened((was) => !was)}
            leftSection={pinned ? <IconPin size={16} stroke={1.6} /> : <IconClock size={16} stroke={1.6} />}
            rightSection={<IconChevronDown size={14} />}
            aria-label={label ? t("button", { label }) : undefined}
            aria-expanded={opened}
            data-testid="time-range-button"
          >
            {label ?? <Skeleton height={12} width={120} />}
          </Button>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        {range && (
          <Stack gap="sm">
            {pinned && (
              <Alert variant="light" icon={<IconPin size={16} />} maw={560} p="xs">
                <Text size="sm">{t("pinned")}</Text>
              </Alert>
            )}
            <Group align="flex-start" wrap="nowrap" gap="md">
              <QuickRanges
                activeKey={live ? relativeKey(live) : null}
                // Date.now() is read here, in the click, so the window ends when the user chose it.
                onPick={(spec: RelativeSpec) => apply(relativeRange(spec, Date.now()))}
              />
              <Divider orientation="vertical" />
              <AbsoluteRangeForm range={range} onApply={apply} />
            </Group>
            {timeZone && (
              <Text size="xs" c="dimmed">
                {t("timeZone", { zone: timeZone })}
              </Text>
            )}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
