"use client";

import { Group, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { RangeKey } from "@/lib/client/query-keys";
import { reportEndpointsQuery } from "./report-queries";

const SERVER = "SERVER";

/** Service, then one of its SERVER operations (entry endpoints); empty means every entry endpoint. */
export function EndpointPicker({ range, service, operation, onChange }: { range: RangeKey; service: string | null; operation: string | null; onChange: (service: string | null, operation: string | null) => void }) {
  const t = useTranslations("reports.timeouts.picker");
  const services = useQuery(reportEndpointsQuery(range));
  const list = services.data?.services ?? [];
  // A service from the link that the window has no data for stays selectable (and selected).
  const serviceNames = [...new Set([...list.map((s) => s.name), ...(service ? [service] : [])])];
  const operations = [...new Set([...(list.find((s) => s.name === service)?.operations.filter((o) => o.kind === SERVER).map((o) => o.name) ?? []), ...(operation ? [operation] : [])])];
  return (
    <Group gap="sm" className="report-no-print">
      <Select
        label={t("service")}
        placeholder={t("allServices")}
        data={serviceNames}
        value={service}
        onChange={(value) => onChange(value, null)}
        clearable
        searchable
        w={220}
        data-testid="report-service"
      />
      <Select
        label={t("operation")}
        placeholder={t("anyOperation")}
        data={operations}
        value={operation}
        onChange={(value) => onChange(service, value)}
        disabled={!service}
        clearable
        searchable
        w={260}
        data-testid="report-operation"
      />
    </Group>
  );
}
