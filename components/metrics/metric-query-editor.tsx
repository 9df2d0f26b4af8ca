"use client";

import { ActionIcon, Badge, Group, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { fitSpecToMetric } from "@/lib/metrics/fit-spec-to-metric";
import { allowedAggs, allowedChartKinds, defaultAggOf } from "@/lib/metrics/metric-aggs";
import { METRIC_CHART_KINDS, type MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { METRIC_AGGS, type MetricInfo } from "@/lib/schemas/metrics";
import { LabelFiltersInput } from "./label-filters-input";
import { MetricPicker } from "./metric-picker";
import { metricListQuery } from "./metric-queries";

export interface MetricQueryEditorProps {
  /** null: no metric chosen yet (a new query). */
  value: MetricQuerySpec | null;
  onChange: (spec: MetricQuerySpec) => void;
  /** The query's letter (A, B, …) when several are edited together. */
  letter?: string;
  /** Shown as a remove button when given. */
  onRemove?: () => void;
}

const EMPTY_SPEC: Omit<MetricQuerySpec, "name"> = { filter: [], groupBy: [], chart: "line" };

/**
 * Edits one MetricQuerySpec: the metric (searchable, with type, unit and description), its label
 * filters, the aggregation (only those its type allows), group-by keys, chart kind (heatmap only
 * for histograms) and an optional legend label. Every change is a whole valid spec, so the
 * caller can put it in the URL or a dashboard panel as it is.
 */
export function MetricQueryEditor({ value, onChange, letter, onRemove }: MetricQueryEditorProps) {
  const t = useTranslations("metrics.editor");
  const list = useQuery(metricListQuery());
  const metrics = list.data?.metrics ?? [];
  const info: MetricInfo | null = (value && metrics.find((m) => m.name === value.name)) ?? null;
  const labelKeys = info?.labelKeys ?? [];
  const aggs = info ? allowedAggs(info) : METRIC_AGGS;
  const chartKinds = allowedChartKinds(info);
  const update = (patch: Partial<MetricQuerySpec>) => {
    if (value) onChange({ ...value, ...patch });
  };

  return (
    <Stack gap="xs" data-testid={letter ? `metric-query-${letter}` : "metric-query"}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {letter ? (
          <Badge size="lg" variant="light" radius="sm" mb={4}>
            {letter}
          </Badge>
        ) : null}
        <MetricPicker
          label={t("metric")}
          metrics={metrics}
          value={value?.name ?? null}
          loading={list.isPending}
          onChange={(picked) => onChange(fitSpecToMetric(value ?? EMPTY_SPEC, picked))}
        />
        <Select
          label={t("agg")}
          data={aggs.map((agg) => ({ value: agg, label: t(`aggs.${agg}`) }))}
          value={value ? (value.agg ?? (info ? defaultAggOf(info) : null)) : null}
          onChange={(agg) => agg && update({ agg: agg })}
          disabled={!value}
          allowDeselect={false}
          w={150}
          comboboxProps={{ width: 220 }}
        />
        <MultiSelect
          label={t("groupBy")}
          placeholder={value?.groupBy.length ? undefined : t("noGrouping")}
          data={[...new Set([...labelKeys, ...(value?.groupBy ?? [])])]}
          value={value?.groupBy ?? []}
          onChange={(groupBy) => update({ groupBy })}
          disabled={!value}
          maxValues={5}
          miw={200}
          style={{ flex: "1 1 200px" }}
          comboboxProps={{ width: 280, position: "bottom-start" }}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500} component="span" id={`${letter ?? "q"}-chart-kind`}>
            {t("chart")}
          </Text>
          <SegmentedControl
            aria-labelledby={`${letter ?? "q"}-chart-kind`}
            size="xs"
            value={value?.chart ?? "line"}
            onChange={(chart) => update({ chart: chart })}
            disabled={!value}
            data={METRIC_CHART_KINDS.map((kind) => ({ value: kind, label: t(`charts.${kind}`), disabled: !chartKinds.includes(kind) }))}
          />
        </Stack>
        <LegendLabelInput value={value?.label ?? ""} disabled={!value} onCommit={(label) => update({ label: label || undefined })} />
        {onRemove ? (
          <Tooltip label={t("removeQuery")}>
            <ActionIcon variant="subtle" color="red" mb={4} aria-label={t("removeQuery")} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
      {list.error ? <QueryErrorAlert title={t("metricsFailed")} error={list.error} onRetry={() => void list.refetch()} /> : null}
      {value && list.data && !info ? (
        <Text size="sm" c="orange">
          {t("unknownMetric", { name: value.name })}
        </Text>
      ) : null}
      <LabelFiltersInput metricName={value?.name ?? null} labelKeys={labelKeys} filter={value?.filter ?? []} onChange={(filter) => update({ filter })} />
    </Stack>
  );
}

/** Written to the spec on Enter or leaving the field, not on every key (each write may be a URL change). */
function LegendLabelInput({ value, disabled, onCommit }: { value: string; disabled: boolean; onCommit: (label: string) => void }) {
  const t = useTranslations("metrics.editor");
  const [draft, setDraft] = useState<{ shown: string; text: string }>({ shown: value, text: value });
  const text = draft.shown === value ? draft.text : value;
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <TextInput
      label={t("legend")}
      placeholder={t("legendPlaceholder")}
      value={text}
      disabled={disabled}
      maxLength={200}
      onChange={(event) => setDraft({ shown: value, text: event.currentTarget.value })}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      w={160}
      spellCheck={false}
    />
  );
}
