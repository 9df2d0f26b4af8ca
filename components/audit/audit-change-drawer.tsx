"use client";

import { Alert, Anchor, Code, Drawer, Group, Stack, Table, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AuditChangeCard } from "@/components/traces/trace/audit-change-card";
import { auditRowHref, auditTransactionHref, traceOfChangeHref } from "@/lib/audit/audit-links";
import type { AuditChange } from "@/lib/schemas/audit";

/**
 * One change in full: the before → after diff, the statement as stored (the agent redacts its
 * literals when the table has masked columns), who wrote it, and where it came from: the trace and
 * span of the request, or a note that it carried no request context (SQL run by hand, a job).
 */
export function AuditChangeDrawer({ change, onClose }: { change: AuditChange | null; onClose: () => void }) {
  const t = useTranslations("audit.change");
  return (
    <Drawer opened={change !== null} onClose={onClose} position="right" size="xl" title={t("title")} closeButtonProps={{ "aria-label": t("close") }}>
      {change && <ChangeDetail change={change} />}
    </Drawer>
  );
}

function ChangeDetail({ change }: { change: AuditChange }) {
  const t = useTranslations("audit.change");
  const facts: [string, string | null][] = [
    [t("database"), change.database],
    [t("actor"), change.actor],
    [t("dbUser"), change.dbUser],
    [t("application"), change.applicationName],
    [t("txid"), change.txid === null ? null : String(change.txid)],
    [t("committedAt"), change.committedAt],
  ];
  return (
    <Stack gap="md" data-testid="audit-change-detail">
      <AuditChangeCard change={change} />
      <Table fz="sm" verticalSpacing={4} layout="fixed">
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="30%">{label}</Table.Th>
              <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }} c={value === null ? "dimmed" : undefined}>
                {value ?? t("none")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("statement")}
        </Text>
        {change.statement ? (
          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="audit-change-statement">
            {change.statement}
          </Code>
        ) : (
          <Text size="sm" c="dimmed">
            {t("noStatement")}
          </Text>
        )}
      </Stack>
      {change.traceId ? (
        <Anchor component={Link} href={traceOfChangeHref(change.traceId, change.spanId)} prefetch={false} data-testid="audit-change-trace-link">
          {change.spanId ? t("openSpan") : t("openTrace")}
        </Anchor>
      ) : (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} p="xs" data-testid="audit-change-no-request">
          {t("noRequest")}
        </Alert>
      )}
      <Group gap="md">
        <Anchor component={Link} href={auditRowHref(change)} prefetch={false} size="sm">
          {t("rowHistory")}
        </Anchor>
        {change.txid !== null && (
          <Anchor component={Link} href={auditTransactionHref(change.database, change.txid)} prefetch={false} size="sm">
            {t("transaction")}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
