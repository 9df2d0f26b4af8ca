"use client";

import { Alert, Skeleton, Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { diffRowStates } from "@/lib/audit/reconstruct-row";
import type { AuditRowKey } from "@/lib/client/query-keys";
import type { AuditRowAsOfResponse } from "@/lib/schemas/audit";
import { formatJsonValue } from "@/lib/trace/audit-diff";
import { auditRowAtQuery } from "./audit-queries";

/** The row at `atMs`, every column; with `compareMs`, each column's value at both moments. */
export function RowState({ row, atMs, compareMs }: { row: AuditRowKey; atMs: number; compareMs: number | null }) {
  const t = useTranslations("audit.row");
  const at = useQuery(auditRowAtQuery(row, atMs));
  const compare = useQuery({ ...auditRowAtQuery(row, compareMs ?? 0), enabled: compareMs !== null });
  const failed = at.isError ? at : compare.isError ? compare : null;
  if (failed) return <QueryErrorAlert title={t("stateError")} error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!at.data || (compareMs !== null && !compare.data)) return <Skeleton h={120} />;
  const states = compareMs !== null && compare.data ? [at.data, compare.data] : [at.data];
  const lines = diffRowStates(at.data.row, states.at(-1)!.row);
  return (
    <>
      {states.map((state, index) => (
        <StateNote key={index} state={state} />
      ))}
      {lines.length > 0 && (
        <Table fz="xs" verticalSpacing={2} layout="fixed" data-testid="row-state" aria-label={t("stateLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t("column")}</Table.Th>
              <Table.Th>{compareMs !== null ? t("atFirst") : t("value")}</Table.Th>
              {compareMs !== null && <Table.Th>{t("atSecond")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.column} data-changed={compareMs !== null && line.changed ? "true" : undefined}>
                <Table.Td ff="monospace" fw={compareMs !== null && line.changed ? 600 : undefined} style={{ overflowWrap: "anywhere" }}>
                  {line.column}
                </Table.Td>
                <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }} c={compareMs !== null && line.changed ? "red" : undefined}>
                  {formatJsonValue(line.from) ?? "—"}
                </Table.Td>
                {compareMs !== null && (
                  <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }} c={line.changed ? "green" : undefined}>
                    {formatJsonValue(line.to) ?? "—"}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function StateNote({ state }: { state: AuditRowAsOfResponse }) {
  const t = useTranslations("audit.row");
  return (
    <>
      {state.state !== "present" && (
        <Text size="sm" c="dimmed" data-testid="row-state-note">
          {state.state === "absent" ? t("absent") : t("unknown")}
        </Text>
      )}
      {state.unrecorded.length > 0 && (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="row-state-unrecorded">
          {t("unrecorded", { columns: state.unrecorded.map((u) => u.column).join(", ") })}
        </Alert>
      )}
    </>
  );
}
