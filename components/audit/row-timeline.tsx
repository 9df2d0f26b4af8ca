"use client";

import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AuditChangeCard } from "@/components/traces/trace/audit-change-card";
import { traceOfChangeHref } from "@/lib/audit/audit-links";
import type { AuditHistoryChange } from "@/lib/schemas/audit";

/**
 * The row's changes, oldest first, each with the request that made it, or a plain note that it
 * carried no request context (someone ran SQL by hand, a job without tracing: often the answer).
 */
export function RowTimeline({ changes, onShowAt }: { changes: AuditHistoryChange[]; onShowAt: (ms: number, which: "at" | "compare") => void }) {
  const t = useTranslations("audit.row");
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("timelineLabel")}>
      {changes.map((change) => {
        const request = change.request;
        const committedMs = Date.parse(change.committedAt);
        return (
          <Paper component="li" key={change.id} p="xs" withBorder data-testid="row-history-entry" data-change-id={change.id}>
            <Stack gap={6}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                {request && change.traceId ? (
                  <Group gap={6} data-testid="row-history-request">
                    <Text size="sm">{t("request")}</Text>
                    <Anchor component={Link} href={traceOfChangeHref(change.traceId, change.spanId)} prefetch={false} size="sm" fw={600}>
                      {request.rootName ?? change.traceId}
                    </Anchor>
                    {request.rootService && (
                      <Text size="xs" c="dimmed">
                        {request.rootService}
                      </Text>
                    )}
                    {request.spanName && (
                      <Text size="xs" c="dimmed">
                        {t("span", { span: request.spanName })}
                      </Text>
                    )}
                  </Group>
                ) : (
                  <Badge color="yellow" variant="light" data-testid="row-history-no-request" title={t("noRequestHint")}>
                    {t("noRequest")}
                  </Badge>
                )}
                <Group gap={4}>
                  <Button size="compact-xs" variant="subtle" onClick={() => onShowAt(committedMs, "at")} data-testid="row-history-show-at">
                    {t("showAt")}
                  </Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => onShowAt(committedMs, "compare")}>
                    {t("compareAt")}
                  </Button>
                </Group>
              </Group>
              <AuditChangeCard change={change} />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
