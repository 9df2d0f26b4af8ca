"use client";

import { Alert, Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { AuditChangesResponse } from "@/lib/schemas/audit";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { ServiceName } from "../service-name";
import { TRACE_CHANGE_LIMIT } from "../trace-queries";
import { AuditChangeCard } from "./audit-change-card";
import type { ChangesBySpan } from "./group-changes";

/** "What this request changed": every audited row change of the trace, under the span that wrote it. */
export function TraceChanges({
  model,
  query,
  grouped,
  onSelect,
}: {
  model: TraceModel;
  query: UseQueryResult<AuditChangesResponse>;
  grouped: ChangesBySpan;
  onSelect: (span: number) => void;
}) {
  const t = useTranslations("traces.changes");
  if (query.isPending) return <Skeleton h={120} />;
  if (query.isError) return <QueryErrorAlert title={t("errorTitle")} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.changes.length === 0)
    return (
      <Alert variant="light" icon={<IconInfoCircle size={18} />} title={t("noneTitle")}>
        {t("none")}
      </Alert>
    );
  const spans = [...grouped.bySpan.keys()].sort((a, b) => model.tree.preorderIndex[a]! - model.tree.preorderIndex[b]!);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("summary", { count: query.data.changes.length, spans: spans.length })}
        {query.data.changes.length >= TRACE_CHANGE_LIMIT ? ` ${t("truncated", { limit: TRACE_CHANGE_LIMIT })}` : ""}
      </Text>
      {spans.map((span) => (
        <Stack key={span} gap="xs" data-testid="changes-of-span" data-span-id={model.spanIds[span]}>
          <Group gap="xs">
            <ServiceName name={model.services[model.service[span]!]!} />
            <Anchor component="button" type="button" size="sm" onClick={() => onSelect(span)}>
              {model.names[model.name[span]!]}
            </Anchor>
          </Group>
          {grouped.bySpan.get(span)!.map((change) => (
            <AuditChangeCard key={change.id} change={change} />
          ))}
        </Stack>
      ))}
      {grouped.unattached.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t("unattached")}
          </Text>
          {grouped.unattached.map((change) => (
            <AuditChangeCard key={change.id} change={change} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
