"use client";

import { Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconSearchOff } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ActiveFilter } from "@/lib/trace/search/active-filters";
import type { TraceSearchFilters } from "@/lib/trace/search/search-params";
import { truncateText } from "@/lib/client/truncate-text";
import { useDescribeFilter } from "./active-filter-chips";

/** No results: says what was searched and offers the changes most likely to find something. */
export function TraceSearchEmpty({
  active,
  rangeLabel,
  onChange,
  onWiden,
}: {
  active: ActiveFilter[];
  rangeLabel: string | null;
  onChange: (patch: Partial<TraceSearchFilters>) => void;
  onWiden: () => void;
}) {
  const t = useTranslations("traces.search.empty");
  const describe = useDescribeFilter();
  return (
    <Paper withBorder p="xl">
      <Stack gap="sm" align="flex-start">
        <Group gap="sm">
          <IconSearchOff size={22} stroke={1.6} />
          <Title order={2} size="h4">
            {active.length ? t("titleFiltered") : t("titleWindow")}
          </Title>
        </Group>
        <Text c="dimmed">{rangeLabel ? t("window", { range: rangeLabel }) : null}</Text>
        <Text>{t("tryThis")}</Text>
        <List spacing={4}>
          <List.Item>
            <Button variant="light" size="compact-sm" onClick={onWiden}>
              {t("widen")}
            </Button>
          </List.Item>
          {active.map((filter) => (
            <List.Item key={`${filter.kind}:${filter.value}`}>
              <Button variant="subtle" size="compact-sm" onClick={() => onChange(filter.remove)}>
                {t("remove", { filter: truncateText(describe(filter), 80) })}
              </Button>
            </List.Item>
          ))}
        </List>
        {active.length === 0 && <Text size="sm" c="dimmed">{t("noData")}</Text>}
      </Stack>
    </Paper>
  );
}
