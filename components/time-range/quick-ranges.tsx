"use client";

import { Button, Stack, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { RELATIVE_PRESETS, parseRelative, type RelativeSpec } from "@/lib/client/time-range";
import { relativeMessage } from "./use-time-range-label";

const presets = RELATIVE_PRESETS.map((key) => ({ key, spec: parseRelative(key) as RelativeSpec }));

/** Grafana-style list of "last N" ranges; the active one is highlighted. */
export function QuickRanges({ activeKey, onPick }: { activeKey: string | null; onPick: (spec: RelativeSpec) => void }) {
  const t = useTranslations("timeRange");
  return (
    <Stack gap={2} miw={180}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        {t("quickRanges")}
      </Text>
      {presets.map(({ key, spec }) => (
        <Button
          key={key}
          variant={key === activeKey ? "light" : "subtle"}
          color={key === activeKey ? undefined : "gray"}
          justify="flex-start"
          size="compact-sm"
          fw={key === activeKey ? 600 : 400}
          aria-pressed={key === activeKey}
          onClick={() => onPick(spec)}
        >
          {t(relativeMessage[spec.unit], { count: spec.amount })}
        </Button>
      ))}
    </Stack>
  );
}
