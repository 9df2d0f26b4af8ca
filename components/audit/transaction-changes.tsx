"use client";

import { Alert, Anchor, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AuditChangeCard } from "@/components/traces/trace/audit-change-card";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { auditRowHref, traceOfChangeHref } from "@/lib/audit/audit-links";
import { readTxid } from "@/lib/audit/search/search-params";
import type { AuditChange } from "@/lib/schemas/audit";
import { auditTransactionQuery } from "./audit-queries";

/** /audit/tx/<database>/<txid>: every change one transaction made, in order, across tables. */
export function TransactionChanges({ database, txid }: { database: string; txid: string }) {
  const t = useTranslations("audit.transaction");
  const valid = readTxid(txid) !== null;
  const changes = useQuery({ ...auditTransactionQuery(database, txid), enabled: valid });
  if (!valid) return <Alert color="yellow" variant="light">{t("badTxid", { txid })}</Alert>;
  if (changes.isError) return <QueryErrorAlert title={t("error")} error={changes.error} onRetry={() => void changes.refetch()} />;
  if (!changes.data) return <Skeleton h={300} />;
  const list = changes.data.changes;
  if (list.length === 0) return <Text c="dimmed" data-testid="transaction-empty">{t("empty")}</Text>;
  return (
    <Stack gap="md">
      <SectionCard title={t("summaryTitle")}>
        <TransactionSummary changes={list} />
      </SectionCard>
      <SectionCard title={t("changesTitle", { count: list.length })}>
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
          {list.map((change) => (
            <Stack key={change.id} component="li" gap={4} data-testid="transaction-change">
              <AuditChangeCard change={change} />
              <Anchor component={Link} href={auditRowHref(change)} prefetch={false} size="xs">
                {t("rowHistory")}
              </Anchor>
            </Stack>
          ))}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

function TransactionSummary({ changes }: { changes: AuditChange[] }) {
  const t = useTranslations("audit.transaction");
  const first = changes[0]!;
  const distinct = (pick: (change: AuditChange) => string | null) => [...new Set(changes.map(pick).filter((v): v is string => v !== null))];
  const tables = distinct((change) => `${change.schema}.${change.table}`);
  const requests = [...new Map(changes.filter((c) => c.traceId).map((c) => [c.traceId!, c])).values()];
  const facts: [string, string][] = [
    [t("committedAt"), first.committedAt],
    [t("tables"), tables.join(", ")],
    [t("actor"), distinct((c) => c.actor).join(", ") || t("none")],
    [t("dbUser"), distinct((c) => c.dbUser).join(", ") || t("none")],
    [t("application"), distinct((c) => c.applicationName).join(", ") || t("none")],
  ];
  return (
    <Stack gap="xs">
      <Table fz="sm" verticalSpacing={4} layout="fixed">
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="25%">{label}</Table.Th>
              <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {requests.length === 0 ? (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} p="xs" data-testid="transaction-no-request">
          {t("noRequest")}
        </Alert>
      ) : (
        <Group gap="sm">
          <Text size="sm">{t("requests")}</Text>
          {requests.map((change) => (
            <Anchor key={change.traceId} component={Link} href={traceOfChangeHref(change.traceId!, null)} prefetch={false} size="sm" ff="monospace">
              {change.traceId}
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}
