"use client";

import { Button, CloseButton, Group, Pill, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { truncateText } from "@/lib/client/truncate-text";
import type { ActiveFilter } from "@/lib/trace/search/active-filters";
import type { TraceSearchFilters } from "@/lib/trace/search/search-params";

/** The filters in force as removable pills, with "Clear all". */
export function ActiveFilterChips({ active, onChange }: { active: ActiveFilter[]; onChange: (patch: Partial<TraceSearchFilters>) => void }) {
  const t = useTranslations("traces.search");
  const describe = useDescribeFilter();
  if (active.length === 0) return null;
  const clearAll = Object.assign({}, ...active.map((f) => f.remove)) as Partial<TraceSearchFilters>;
  return (
    <Group gap="xs" aria-label={t("activeFilters")} miw={0} style={{ flex: 1 }}>
      <Text size="sm" c="dimmed">
        {t("activeFilters")}
      </Text>
      {active.map((filter) => (
        // Mantine's own pill remove button is hidden from assistive technology (it is built for
        // inputs, where Backspace removes); here it is the only way to remove, so it is a real button.
        <Pill key={`${filter.kind}:${filter.value}`} size="md" maw="100%" styles={{ label: { display: "flex", alignItems: "center" } }}>
          <Group gap={4} wrap="nowrap" miw={0}>
            <TruncatedValue value={filter.value || describe(filter)} maw={360}>
              {describe(filter)}
            </TruncatedValue>
            <CloseButton size="xs" aria-label={t("removeFilter", { filter: truncateText(describe(filter), 80) })} onClick={() => onChange(filter.remove)} />
          </Group>
        </Pill>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={() => onChange({ ...clearAll, attr: [], attrExists: [] })}>
        {t("clearAll")}
      </Button>
    </Group>
  );
}

export function useDescribeFilter() {
  const t = useTranslations("traces.search.filter");
  return (filter: ActiveFilter): string => {
    switch (filter.kind) {
      case "status":
        return t(filter.value === "error" ? "statusError" : "statusOk");
      case "timeout":
        return t("timeout");
      case "traceIds":
        return t("traceIds", { count: Number(filter.value) });
      default:
        return t(filter.kind, { value: filter.value });
    }
  };
}
