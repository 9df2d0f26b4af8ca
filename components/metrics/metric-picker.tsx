"use client";

import { Badge, Group, Select, Stack, Text, type ComboboxItem, type OptionsFilter } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { MetricInfo } from "@/lib/schemas/metrics";

// The metric name picker: searchable by name, unit and description (a word of a description
// finds a metric whose name one does not remember), each option showing type and unit.

const SHOWN_OPTIONS = 200;

/** Substring match of every word typed, on name, description and unit. */
const filterMetrics =
  (byName: Map<string, MetricInfo>): OptionsFilter =>
  ({ options, search }) => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return options;
    return options.filter((option) => {
      const item = option as ComboboxItem;
      const info = byName.get(item.value);
      const haystack = `${item.value} ${info?.description ?? ""} ${info?.unit ?? ""}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  };

export function MetricPicker({
  metrics,
  value,
  onChange,
  loading,
  label,
}: {
  metrics: MetricInfo[];
  value: string | null;
  onChange: (info: MetricInfo) => void;
  loading: boolean;
  label: string;
}) {
  const t = useTranslations("metrics.editor");
  const tType = useTranslations("metrics.type");
  // The API lists a name once per (type, unit); the picker offers the first, which is the one stored for nearly all.
  const byName = useMemo(() => {
    const map = new Map<string, MetricInfo>();
    for (const info of metrics) if (!map.has(info.name)) map.set(info.name, info);
    return map;
  }, [metrics]);
  const data = useMemo(() => [...byName.keys()], [byName]);
  const filter = useMemo(() => filterMetrics(byName), [byName]);
  // A name from a link that is not (or no longer) stored stays shown as it is.
  const shownData = value && !byName.has(value) ? [value, ...data] : data;

  return (
    <Select
      label={label}
      placeholder={loading ? t("loadingMetrics") : t("pickMetric")}
      data={shownData}
      value={value}
      onChange={(name) => {
        const info = name ? byName.get(name) : undefined;
        if (info) onChange(info);
      }}
      searchable
      filter={filter}
      limit={SHOWN_OPTIONS}
      nothingFoundMessage={loading ? t("loadingMetrics") : t("noMetricFound")}
      maxDropdownHeight={360}
      comboboxProps={{ width: 460, position: "bottom-start" }}
      miw={260}
      style={{ flex: "2 1 260px" }}
      renderOption={({ option }) => {
        const info = byName.get(option.value);
        return (
          <Stack gap={0} miw={0} style={{ flex: 1 }}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" truncate="end" miw={0}>
                {option.value}
              </Text>
              {info ? (
                <Group gap={4} wrap="nowrap">
                  {info.unit ? (
                    <Badge size="xs" variant="outline" color="gray" tt="none">
                      {info.unit}
                    </Badge>
                  ) : null}
                  <Badge size="xs" variant="light" tt="none">
                    {tType(info.type)}
                  </Badge>
                </Group>
              ) : null}
            </Group>
            {info?.description ? (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {info.description}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    />
  );
}
