"use client";

import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconArrowNarrowRight } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { AuditChange } from "@/lib/schemas/audit";
import { describePrimaryKey, diffAuditChange } from "@/lib/trace/audit-diff";

const OP_COLOR = { INSERT: "green", UPDATE: "blue", DELETE: "red" } as const;

/** One row change: which row, by whom, and each column's value before → after. */
export function AuditChangeCard({ change }: { change: AuditChange }) {
  const t = useTranslations("traces.changes");
  const timeZone = useBrowserTimeZone();
  const [showAll, setShowAll] = useState(false);
  const lines = diffAuditChange(change);
  const changed = lines.filter((l) => l.changed);
  const shown = showAll ? lines : changed;
  const committed = Date.parse(change.committedAt);
  return (
    <Paper withBorder p="xs" data-testid="audit-change" data-change-id={change.id}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color={OP_COLOR[change.op]} variant="light">
            {change.op}
          </Badge>
          <Text size="sm" fw={600} ff="monospace">
            {change.schema}.{change.table}
          </Text>
          <Text size="sm" ff="monospace" c="dimmed">
            {describePrimaryKey(change.pk)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {[
            change.database,
            timeZone && Number.isFinite(committed) ? t("committedAt", { time: formatInstant(committed, timeZone) }) : null,
            change.actor ? t("actor", { actor: change.actor }) : null,
            change.txid !== null ? t("txid", { txid: change.txid }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <Table fz="xs" verticalSpacing={2} layout="fixed" aria-label={t("tableLabel", { table: change.table })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t("column")}</Table.Th>
              {change.op !== "INSERT" && <Table.Th>{t("before")}</Table.Th>}
              {change.op === "UPDATE" && <Table.Th w={24} aria-label={t("becomes")} />}
              {change.op !== "DELETE" && <Table.Th>{t("after")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((line) => (
              <Table.Tr key={line.column} data-changed={line.changed ? "true" : undefined}>
                <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }} fw={line.changed ? 600 : undefined}>
                  {line.column}
                </Table.Td>
                {change.op !== "INSERT" && (
                  <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }} c={change.op === "UPDATE" && line.changed ? "red" : undefined}>
                    {line.before}
                  </Table.Td>
                )}
                {change.op === "UPDATE" && (
                  <Table.Td c="dimmed">
                    <IconArrowNarrowRight size={14} aria-hidden />
                  </Table.Td>
                )}
                {change.op !== "DELETE" && (
                  <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }} c={change.op === "UPDATE" && line.changed ? "green" : undefined}>
                    {line.after}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {change.op === "UPDATE" && lines.length > changed.length && (
          <Button variant="subtle" size="compact-xs" onClick={() => setShowAll(!showAll)} w="fit-content">
            {showAll ? t("showChanged") : t("showAll", { count: lines.length })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
