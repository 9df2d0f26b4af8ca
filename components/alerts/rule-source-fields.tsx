"use client";

import { Autocomplete, Group, NumberInput, Select, Switch, TagsInput, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { consistencyRulesQuery } from "@/components/consistency/consistency-queries";
import { DATABASE_MEASURES, RED_MEASURES, REDUCERS } from "@/lib/alerts/schemas";
import { METRIC_AGGS } from "@/lib/schemas/metrics";
import { metricsPickerQuery, servicesPickerQuery } from "./alerts-queries";
import type { RuleDraft } from "./rule-draft";

type Set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;

/** The fields of the chosen source kind; pickers list what the last day has seen. */
export function RuleSourceFields({ draft, set }: { draft: RuleDraft; set: Set }) {
  const t = useTranslations("alerts.form");
  const window = <NumberInput label={t("windowSeconds")} description={t("windowSecondsHint")} value={draft.windowSeconds} onChange={(v) => set("windowSeconds", Number(v))} min={60} step={60} w={200} />;
  switch (draft.kind) {
    case "red":
      return (
        <>
          <ServiceOperation draft={draft} set={set} />
          <Group align="flex-end">
            <Select label={t("measure")} data={RED_MEASURES.map((m) => ({ value: m, label: t(`measures.${m}`) }))} value={draft.measure} onChange={(v) => v && set("measure", v)} allowDeselect={false} w={240} data-testid="rule-measure" />
            {window}
            <NumberInput label={t("minRequests")} value={draft.minRequests} onChange={(v) => set("minRequests", Number(v))} min={0} w={200} />
          </Group>
        </>
      );
    case "absence":
      return (
        <>
          <ServiceOperation draft={draft} set={set} />
          <Switch label={t("successOnly")} checked={draft.successOnly} onChange={(e) => set("successOnly", e.currentTarget.checked)} />
          <Text size="xs" c="dimmed">
            {t("absenceHint")}
          </Text>
        </>
      );
    case "job":
      return (
        <Group align="flex-end">
          <TextInput label={t("job")} value={draft.job} onChange={(e) => set("job", e.currentTarget.value)} w={280} data-testid="rule-job" />
          <ServicePicker draft={draft} set={set} />
          <NumberInput label={t("graceSeconds")} value={draft.graceSeconds} onChange={(v) => set("graceSeconds", Number(v))} min={0} w={200} />
        </Group>
      );
    case "metric":
      return <MetricFields draft={draft} set={set} window={window} />;
    case "consistency":
      return <ConsistencyFields draft={draft} set={set} window={window} />;
    case "database":
      return (
        <Group align="flex-end">
          <TextInput label={t("database")} placeholder={t("anyDatabase")} value={draft.database} onChange={(e) => set("database", e.currentTarget.value)} w={240} />
          <Select label={t("measure")} data={DATABASE_MEASURES.map((m) => ({ value: m, label: t(`databaseMeasures.${m}`) }))} value={draft.databaseMeasure} onChange={(v) => v && set("databaseMeasure", v)} allowDeselect={false} w={280} />
          {window}
        </Group>
      );
    case "slo-burn":
      return (
        <Text size="sm" c="dimmed" data-testid="slo-rule-note">
          {t("sloRule")}
        </Text>
      );
  }
}

function ServicePicker({ draft, set }: { draft: RuleDraft; set: Set }) {
  const t = useTranslations("alerts.form");
  const services = useQuery(servicesPickerQuery());
  return (
    <Autocomplete label={t("service")} data={(services.data?.services ?? []).map((s) => s.name)} value={draft.service} onChange={(v) => set("service", v)} w={240} data-testid="rule-service" />
  );
}

function ServiceOperation({ draft, set }: { draft: RuleDraft; set: Set }) {
  const t = useTranslations("alerts.form");
  const services = useQuery(servicesPickerQuery());
  const operations = useMemo(() => {
    const service = services.data?.services.find((s) => s.name === draft.service);
    return [...new Set((service?.operations ?? []).map((o) => o.name))];
  }, [services.data, draft.service]);
  return (
    <Group align="flex-end">
      <ServicePicker draft={draft} set={set} />
      <Autocomplete label={t("operation")} placeholder={t("anyOperation")} data={operations} value={draft.operation} onChange={(v) => set("operation", v)} w={320} data-testid="rule-operation" />
    </Group>
  );
}

function MetricFields({ draft, set, window }: { draft: RuleDraft; set: Set; window: React.ReactNode }) {
  const t = useTranslations("alerts.form");
  const metrics = useQuery(metricsPickerQuery());
  return (
    <>
      <Group align="flex-end">
        <Select label={t("metric")} searchable data={(metrics.data?.metrics ?? []).map((m) => m.name)} value={draft.metricName || null} onChange={(v) => set("metricName", v ?? "")} w={320} data-testid="rule-metric" />
        <Select label={t("agg")} placeholder={t("aggDefault")} data={[...METRIC_AGGS]} value={draft.metricAgg || null} onChange={(v) => set("metricAgg", v ?? "")} clearable w={160} />
        <Select label={t("reducer")} data={REDUCERS.map((r) => ({ value: r, label: t(`reducers.${r}`) }))} value={draft.reducer} onChange={(v) => v && set("reducer", v)} allowDeselect={false} w={160} />
        {window}
      </Group>
      <TagsInput label={t("metricFilter")} description={t("keyValueHint")} value={draft.metricFilter} onChange={(v) => set("metricFilter", v)} />
    </>
  );
}

function ConsistencyFields({ draft, set, window }: { draft: RuleDraft; set: Set; window: React.ReactNode }) {
  const t = useTranslations("alerts.form");
  const rules = useQuery(consistencyRulesQuery());
  return (
    <Group align="flex-end">
      <Select label={t("consistencyRule")} placeholder={t("anyConsistencyRule")} data={(rules.data?.rules ?? []).map((r) => ({ value: r.id, label: r.name }))} value={draft.consistencyRuleId || null} onChange={(v) => set("consistencyRuleId", v ?? "")} clearable w={320} />
      {window}
    </Group>
  );
}
