"use client";

import { Anchor, Button, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { roleAllows } from "@/lib/auth/roles";
import type { AlertRule } from "@/lib/alerts/schemas";
import { AlertStateBadge, formatValue, LabelBadges, useAlertTime } from "./alert-badges";
import { AlertHistoryCard } from "./alert-history";
import { alertRulesQuery } from "./alerts-queries";

/** /alerts: every rule with its state, value against its threshold and labels; then the history. */
export function AlertsPage() {
  const t = useTranslations("alerts");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const rules = useQuery(alertRulesQuery());
  return (
    <Stack gap="md">
      <SectionCard
        title={t("rules.title")}
        description={t("rules.description")}
        action={
          canEdit && (
            <Button component={Link} href="/alerts/rules/new" variant="light" leftSection={<IconPlus size={16} />} data-testid="new-alert-rule">
              {t("rules.new")}
            </Button>
          )
        }
      >
        {rules.isError ? (
          <QueryErrorAlert title={t("rules.failed")} error={rules.error} onRetry={() => void rules.refetch()} />
        ) : rules.isPending ? (
          <Skeleton h={200} />
        ) : rules.data.rules.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="rules-empty">
            {t("rules.empty")}
          </Text>
        ) : (
          <RulesTable rules={rules.data.rules} />
        )}
      </SectionCard>
      <AlertHistoryCard rule={null} />
    </Stack>
  );
}

function RulesTable({ rules }: { rules: AlertRule[] }) {
  const t = useTranslations("alerts.rules");
  const time = useAlertTime();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="alert-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("name")}</Table.Th>
            <Table.Th>{t("state")}</Table.Th>
            <Table.Th>{t("value")}</Table.Th>
            <Table.Th>{t("labels")}</Table.Th>
            <Table.Th>{t("silencedUntil")}</Table.Th>
            <Table.Th>{t("links")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id} data-testid="alert-rule-row" data-rule={rule.name}>
              <Table.Td>
                <Anchor component={Link} href={rule.sloId ? `/slos/${rule.sloId}` : `/alerts/rules/${rule.id}`} size="sm" fw={500}>
                  {rule.name}
                </Anchor>
                {!rule.enabled && (
                  <Text size="xs" c="dimmed">
                    {t("disabled")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <AlertStateBadge state={rule.state} />
                  {rule.stateSinceMs !== null && (
                    <Text size="xs" c="dimmed">
                      {t("since", { time: time(rule.stateSinceMs) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-testid="alert-value">
                  {t("valueVsThreshold", { value: formatValue(rule.lastValue), op: rule.condition.op, threshold: formatValue(rule.condition.threshold) })}
                </Text>
                {rule.lastError && (
                  <Text size="xs" c="orange" lineClamp={2} title={rule.lastError}>
                    {rule.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <LabelBadges labels={rule.labels} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{rule.silencedUntilMs !== null ? time(rule.silencedUntilMs) : "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Anchor component={Link} href={rule.link} size="sm">
                    {t("source")}
                  </Anchor>
                  {rule.incidentId && (
                    <Anchor component={Link} href={`/incidents/${rule.incidentId}`} size="sm" data-testid="rule-incident">
                      {t("incident")}
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
