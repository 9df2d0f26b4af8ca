"use client";

import { Badge, Table } from "@mantine/core";
import { IconTag } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { ServiceVersionsResponse } from "@/lib/services/schemas";

/** The versions the service ran, newest first; the charts mark when each appeared. */
export function ServiceVersionsCard({ query }: { query: UseQueryResult<ServiceVersionsResponse> }) {
  const t = useTranslations("services.versions");
  const timeZone = useBrowserTimeZone();
  const at = (ms: number | null) => (ms === null || !timeZone ? "–" : formatInstant(ms, timeZone));
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.versions.length === 0} empty={{ icon: IconTag, text: t("empty") }}>
        {(data) => (
          <Table verticalSpacing={4} fz="sm" aria-label={t("title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("version")}</Table.Th>
                <Table.Th>{t("firstSeen")}</Table.Th>
                <Table.Th>{t("lastSeen")}</Table.Th>
                <Table.Th ta="right">{t("instances")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.versions.map((version) => (
                <Table.Tr key={version.version}>
                  <Table.Td>
                    <Badge variant="light" color={version.lastSeenMs === null ? "gray" : "violet"}>
                      {version.version || t("none")}
                    </Badge>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {at(version.firstSeenMs)}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {version.lastSeenMs === null ? t("notRecently") : at(version.lastSeenMs)}
                  </Table.Td>
                  <Table.Td ta="right">{version.instances}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryStates>
    </SectionCard>
  );
}
