"use client";

import { Anchor, Badge, Button, Group, Progress, Skeleton, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { slosQuery } from "@/components/alerts/alerts-queries";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { roleAllows } from "@/lib/auth/roles";
import { budgetColor, formatPercent, sloScope } from "./slo-format";

/** /slos: every SLO with its level, error budget left and whether a burn-rate alert fires. */
export function SlosPage() {
  const t = useTranslations("slos");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const slos = useQuery(slosQuery());
  return (
    <SectionCard
      title={t("list.title")}
      description={t("list.description")}
      action={
        canEdit && (
          <Button component={Link} href="/slos/new" variant="light" leftSection={<IconPlus size={16} />} data-testid="new-slo">
            {t("list.new")}
          </Button>
        )
      }
    >
      {slos.isError ? (
        <QueryErrorAlert title={t("list.failed")} error={slos.error} onRetry={() => void slos.refetch()} />
      ) : slos.isPending ? (
        <Skeleton h={200} />
      ) : slos.data.slos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("list.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover data-testid="slos-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("list.name")}</Table.Th>
                <Table.Th>{t("list.objective")}</Table.Th>
                <Table.Th>{t("list.level")}</Table.Th>
                <Table.Th>{t("list.budget")}</Table.Th>
                <Table.Th>{t("list.alerts")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slos.data.slos.map((slo) => (
                <Table.Tr key={slo.id} data-testid="slo-row">
                  <Table.Td>
                    <Anchor component={Link} href={`/slos/${slo.id}`} fw={500} size="sm">
                      {slo.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {sloScope(slo)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {slo.objective.kind === "availability" ? t("objective.availability") : t("objective.latency", { ms: slo.objective.thresholdMs })} · {t("objective.target", { target: slo.targetPercent, days: slo.windowDays })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" data-testid="slo-level">
                      {formatPercent(slo.levelPercent)}
                    </Text>
                  </Table.Td>
                  <Table.Td w={220}>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={Math.max(0, Math.min(100, slo.budgetRemainingPercent ?? 0))} color={budgetColor(slo.budgetRemainingPercent)} w={100} />
                      <Text size="sm" ff="monospace" data-testid="slo-budget">
                        {formatPercent(slo.budgetRemainingPercent, 1)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {slo.firing ? (
                      <Badge color="red" tt="none">
                        {t("list.firing")}
                      </Badge>
                    ) : slo.alerts ? (
                      <Badge color="green" variant="light" tt="none">
                        {t("list.quiet")}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("list.noAlerts")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
