"use client";

import { Anchor, Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { parseAsString, useQueryState } from "nuqs";
import { useMemo } from "react";
import { QueryStates } from "@/components/ui/query-states";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems, type UrlParamRule } from "@/lib/client/describe-url-problems";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { INCIDENT_STATUSES, type Mttr } from "@/lib/incidents/schemas";
import { formatSpan, SeverityBadge, StatusBadge } from "./incident-record";
import { incidentsQuery } from "./incident-queries";

const FILTERS = ["open", ...INCIDENT_STATUSES] as const;
// A status the list does not know is said so, and the list shows every incident instead.
const urlRules: Record<string, UrlParamRule> = {
  status: (value) => ((FILTERS as readonly string[]).includes(value) ? null : { reason: "notAChoice", choices: FILTERS.join(", "), instead: { kind: "value", value: "all" } }),
};

/** Every incident, newest first, with its times; MTTR over 30 and 90 days above. */
export function IncidentsList() {
  const t = useTranslations("incidents");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const [statusParam, setStatus] = useQueryState("status", parseAsString.withOptions({ history: "push" }));
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), urlRules), [searchParams]);
  const status = statusParam !== null && (FILTERS as readonly string[]).includes(statusParam) ? statusParam : null;
  const query = useQuery(incidentsQuery(status));

  return (
    <Stack gap="md">
      <UrlProblemsAlert problems={problems} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="incident-mttr">
        {query.data ? query.data.mttr.map((m) => <MttrCard key={m.days} mttr={m} />) : [30, 90].map((d) => <Skeleton key={d} h={84} />)}
      </SimpleGrid>
      <Group>
        <Text size="sm" fw={500}>
          {t("list.filter")}
        </Text>
        <SegmentedControl
          size="xs"
          value={status ?? "all"}
          onChange={(v) => void setStatus(v === "all" ? null : v)}
          data={[{ value: "all", label: t("list.all") }, { value: "open", label: t("list.open") }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
      </Group>
      <QueryStates query={query} loadError={t("list.failed")} isEmpty={(data) => data.incidents.length === 0} empty={{ icon: IconAlertTriangle, text: t("list.empty") }}>
        {(data) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover aria-label={t("list.label")} data-testid="incidents-table">
              <Table.Thead>
                <Table.Tr>
                  {(["title", "severity", "status", "owner", "detected", "toDetect", "toAcknowledge", "toResolve"] as const).map((c) => (
                    <Table.Th key={c}>{t(`list.columns.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.incidents.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td maw={360}>
                      <Anchor component={Link} href={`/incidents/${i.id}`} size="sm" style={{ overflowWrap: "anywhere" }}>
                        {i.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={i.severity} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td>{i.owner ?? "—"}</Table.Td>
                    <Table.Td>{formatInstant(i.detectedAtMs, timeZone)}</Table.Td>
                    <Table.Td>{formatSpan(i.times.toDetectMs, "—")}</Table.Td>
                    <Table.Td>{formatSpan(i.times.toAcknowledgeMs, "—")}</Table.Td>
                    <Table.Td>{formatSpan(i.times.toResolveMs, "—")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryStates>
    </Stack>
  );
}

function MttrCard({ mttr }: { mttr: Mttr }) {
  const t = useTranslations("incidents.list");
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t("mttr", { days: mttr.days })}
      </Text>
      <Text size="xl" fw={700} data-testid={`mttr-${mttr.days}`}>
        {mttr.meanToResolveMs === null ? t("mttrNone") : formatSpan(mttr.meanToResolveMs, "")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("mttrCount", { count: mttr.resolved })}
      </Text>
    </Card>
  );
}
