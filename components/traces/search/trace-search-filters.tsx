"use client";

import { Grid, GridCol, Group, Paper, SegmentedControl, Select, Stack, Switch, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import { LIMIT_CHOICES, MAX_LIMIT, SEARCH_ORDERS, STATUS_FILTERS, type TraceSearchFilters } from "@/lib/trace/search/search-params";
import { servicesQuery } from "../trace-queries";
import { AttributeConditionsInput } from "./attribute-conditions-input";
import { DurationInput } from "./duration-input";

/** The search form. Every control writes the URL at once; the results follow the URL. */
export function TraceSearchFilters({ range, filters, onChange }: { range: RangeKey; filters: TraceSearchFilters; onChange: (patch: Partial<TraceSearchFilters>) => void }) {
  const t = useTranslations("traces.search");
  const services = useQuery(servicesQuery(range));

  const serviceOptions = useMemo(() => {
    const names = services.data?.services.map((s) => s.name) ?? [];
    // A service from a shared link stays selectable even when the window holds none of it.
    if (filters.service && !names.includes(filters.service)) names.unshift(filters.service);
    return names;
  }, [services.data, filters.service]);

  const operationOptions = useMemo(() => {
    const list = services.data?.services.filter((s) => !filters.service || s.name === filters.service).flatMap((s) => s.operations.map((o) => o.name)) ?? [];
    const unique = [...new Set(list)].sort();
    if (filters.operation && !unique.includes(filters.operation)) unique.unshift(filters.operation);
    return unique;
  }, [services.data, filters.service, filters.operation]);

  return (
    <Paper withBorder p="md" component="section" aria-label={t("filtersLabel")}>
      <Grid gap="md" align="flex-start">
        <GridCol span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t("service")}
            placeholder={services.isPending ? t("loadingSuggestions") : t("anyService")}
            data={serviceOptions}
            value={filters.service}
            onChange={(service) => onChange({ service, operation: null })}
            searchable
            clearable
            nothingFoundMessage={t("noServices")}
          />
        </GridCol>
        <GridCol span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t("operation")}
            placeholder={t("anyOperation")}
            data={operationOptions}
            value={filters.operation}
            onChange={(operation) => onChange({ operation })}
            searchable
            clearable
            nothingFoundMessage={t("noOperations")}
            limit={200}
          />
        </GridCol>
        <GridCol span={{ base: 6, lg: 3 }}>
          <DurationInput label={t("minDuration")} value={filters.minDurationMs} onCommit={(minDurationMs) => onChange({ minDurationMs })} />
        </GridCol>
        <GridCol span={{ base: 6, lg: 3 }}>
          <DurationInput label={t("maxDuration")} value={filters.maxDurationMs} onCommit={(maxDurationMs) => onChange({ maxDurationMs })} />
        </GridCol>
        <GridCol span={{ base: 12, lg: 6 }}>
          <AttributeConditionsInput
            range={range}
            service={filters.service}
            attr={filters.attr}
            attrExists={filters.attrExists}
            onChange={(conditions) => onChange(conditions)}
          />
        </GridCol>
        <GridCol span={{ base: 12, sm: 6, lg: 3 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="trace-status-label">
              {t("status")}
            </Text>
            <SegmentedControl
              aria-labelledby="trace-status-label"
              fullWidth
              value={filters.status}
              onChange={(status) => onChange({ status: status })}
              data={STATUS_FILTERS.map((value) => ({ value, label: t(`statusOptions.${value}`) }))}
            />
            <Switch mt="xs" label={t("timeoutsOnly")} checked={filters.timeout} onChange={(event) => onChange({ timeout: event.currentTarget.checked })} />
          </Stack>
        </GridCol>
        <GridCol span={{ base: 12, sm: 6, lg: 3 }}>
          <Group gap="sm" grow align="flex-start">
            <Select
              label={t("order")}
              data={SEARCH_ORDERS.map((value) => ({ value, label: t(`orderOptions.${value}`) }))}
              value={filters.sort}
              onChange={(sort) => onChange({ sort: (sort ?? "start") })}
              allowDeselect={false}
            />
            <Select
              label={t("limit")}
              data={LIMIT_CHOICES.map((n) => String(n))}
              value={String(Math.min(filters.limit, MAX_LIMIT))}
              onChange={(limit) => onChange({ limit: Number(limit ?? 50) })}
              allowDeselect={false}
            />
          </Group>
        </GridCol>
      </Grid>
    </Paper>
  );
}
