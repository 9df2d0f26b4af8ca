"use client";

import { Box, Group, Table, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { TraceSummary } from "@/lib/trace/summarise-trace";
import { formatDurationNs } from "@/lib/trace/format-duration";
import { useServiceColor } from "../service-colors-context";
import { ServiceName } from "../service-name";

/** Where the time went: per service, its spans, errors and self time with its share. */
export function TraceSummaryTable({ summary }: { summary: TraceSummary }) {
  const colorOf = useServiceColor();
  const t = useTranslations("traces.summary");
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} fz="sm" aria-label={t("label")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("service")}</Table.Th>
            <Table.Th ta="right">{t("spans")}</Table.Th>
            <Table.Th ta="right">{t("errors")}</Table.Th>
            <Table.Th ta="right">{t("selfTime")}</Table.Th>
            <Table.Th w="35%">{t("share")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.services.map((service) => (
            <Table.Tr key={service.name} data-service={service.name}>
              <Table.Td>
                <ServiceName name={service.name} />
              </Table.Td>
              <Table.Td ta="right">{service.spanCount.toLocaleString()}</Table.Td>
              <Table.Td ta="right" c={service.errorCount > 0 ? "red" : "dimmed"}>
                {service.errorCount.toLocaleString()}
              </Table.Td>
              <Table.Td ta="right">{formatDurationNs(service.selfTimeNs)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Box h={8} style={{ flex: 1, borderRadius: 4, overflow: "hidden" }} bg="var(--mantine-color-default-border)" aria-hidden>
                    <Box h="100%" w={`${service.selfTimeShare * 100}%`} bg={colorOf(service.name)} />
                  </Box>
                  <Text size="xs" w={44} ta="right">
                    {(service.selfTimeShare * 100).toFixed(1)}%
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
