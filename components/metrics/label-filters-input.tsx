"use client";

import { ActionIcon, Autocomplete, CloseButton, Group, Pill, Select, Text, Tooltip } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { truncateText } from "@/lib/client/truncate-text";
import { metricLabelValuesQuery } from "./metric-queries";

/**
 * A query's `key=value` label filters: each a removable pill, and a key picker plus a value
 * box suggesting the values stored for that key (any other value may still be typed).
 */
export function LabelFiltersInput({
  metricName,
  labelKeys,
  filter,
  onChange,
}: {
  metricName: string | null;
  labelKeys: string[];
  filter: string[];
  onChange: (filter: string[]) => void;
}) {
  const t = useTranslations("metrics.editor");
  const [key, setKey] = useState<string | null>(null);
  const [value, setValue] = useState("");
  const values = useQuery({ ...metricLabelValuesQuery(metricName ?? "", key ?? ""), enabled: Boolean(metricName && key) });
  const condition = key && value.trim() ? `${key}=${value.trim()}` : null;

  const add = () => {
    if (!condition) return;
    if (!filter.includes(condition)) onChange([...filter, condition]);
    setValue("");
  };

  return (
    <Group gap="xs" align="center" wrap="wrap" miw={0}>
      <Text size="sm" c="dimmed">
        {t("filters")}
      </Text>
      {filter.map((one) => (
        <Pill key={one} size="md" maw="100%" styles={{ label: { display: "flex", alignItems: "center" } }}>
          <Group gap={4} wrap="nowrap" miw={0}>
            <TruncatedValue value={one} maw={320} />
            <CloseButton size="xs" aria-label={t("removeFilter", { filter: truncateText(one, 80) })} onClick={() => onChange(filter.filter((f) => f !== one))} />
          </Group>
        </Pill>
      ))}
      <Group gap={4} wrap="nowrap">
        <Select
          aria-label={t("filterKey")}
          placeholder={t("filterKey")}
          data={labelKeys}
          value={key}
          onChange={setKey}
          searchable
          size="xs"
          w={170}
          disabled={!metricName}
          comboboxProps={{ width: 260, position: "bottom-start" }}
        />
        <Text size="sm">=</Text>
        <Autocomplete
          aria-label={t("filterValue")}
          placeholder={t("filterValue")}
          data={values.data?.values ?? []}
          value={value}
          onChange={setValue}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          size="xs"
          w={170}
          limit={100}
          disabled={!key}
          comboboxProps={{ width: 300, position: "bottom-start" }}
        />
        <Tooltip label={t("addFilter")}>
          <ActionIcon variant="light" aria-label={t("addFilter")} onClick={add} disabled={!condition}>
            <IconPlus size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
