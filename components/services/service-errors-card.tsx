"use client";

import { Anchor, Badge, Stack, Table, Text } from "@mantine/core";
import { IconMoodCheck } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import type { RangeKey } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { servicePartQuery } from "./services-queries";

/** The service's failures grouped by exception type and message; each opens its failing traces. */
export function ServiceErrorsCard({ service, range }: { service: string; range: RangeKey }) {
  const t = useTranslations("services.errors");
  const timeZone = useBrowserTimeZone();
  const query = useQuery({ ...servicePartQuery(service, "errors", range), placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.errors.length === 0} empty={{ icon: IconMoodCheck, text: t("empty") }}>
        {(data) => (
          <Stack gap="xs">
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={4} fz="sm" aria-label={t("title")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("error")}</Table.Th>
                    <Table.Th ta="right">{t("count")}</Table.Th>
                    <Table.Th>{t("lastSeen")}</Table.Th>
                    <Table.Th>{t("sample")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.errors.map((error) => (
                    <Table.Tr key={`${error.type ?? ""}:${error.message}`}>
                      <Table.Td maw={420}>
                        <Stack gap={2}>
                          {error.type && (
                            <Badge size="xs" color="red" variant="light" style={{ alignSelf: "flex-start" }}>
                              {error.type}
                            </Badge>
                          )}
                          <Anchor
                            component={Link}
                            prefetch={false}
                            size="sm"
                            href={traceSearchLink({ service, operation: error.operations.length === 1 ? error.operations[0] : null, fromMs: range.from, toMs: range.to, status: "error" })}
                          >
                            <TruncatedValue value={error.message || t("noMessage")} size="sm" />
                          </Anchor>
                          <Text size="xs" c="dimmed" truncate>
                            {error.operations.join(", ")}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right">{error.count.toLocaleString()}</Table.Td>
                      <Table.Td ff="monospace" fz="xs">
                        {timeZone ? formatInstant(error.lastSeenMs, timeZone) : ""}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} prefetch={false} href={`/traces/${error.sampleTraceId}`} fz="xs" ff="monospace">
                          {error.sampleTraceId.slice(0, 12)}…
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {!data.complete && (
              <Text size="xs" c="dimmed">
                {t("partial", { spans: data.scannedSpans })}
              </Text>
            )}
          </Stack>
        )}
      </QueryStates>
    </SectionCard>
  );
}
