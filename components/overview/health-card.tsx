"use client";

import { Badge, Group, Skeleton, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCircleCheck, IconDatabaseOff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { healthQueryOptions } from "@/lib/client/health-query";

// The database state matters even with auto-refresh off: a card left saying "OK" after the
// database went away would mislead, and the check is one cheap request.
const HEALTH_POLL_MS = 30_000;

export function HealthCard() {
  const t = useTranslations("health");
  const health = useQuery({ ...healthQueryOptions(), refetchInterval: HEALTH_POLL_MS });
  const data = health.data;

  const badge = data ? (
    <Badge color={data.status === "ok" ? "teal" : "red"} variant="light">
      {data.status === "ok" ? t("badgeOk") : t("badgeDown")}
    </Badge>
  ) : null;

  return (
    <SectionCard title={t("title")} action={badge}>
      {health.isPending ? (
        <Skeleton height={44} />
      ) : health.isError ? (
        <QueryErrorAlert title={t("errorTitle")} error={health.error} onRetry={() => void health.refetch()} />
      ) : health.data.status === "ok" ? (
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="teal" variant="light" size="lg" radius="xl">
            <IconCircleCheck size={20} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={600}>{t("ok")}</Text>
            <Text size="sm" c="dimmed">
              {t("okDetail")}
            </Text>
          </Stack>
        </Group>
      ) : (
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="red" variant="light" size="lg" radius="xl">
            <IconDatabaseOff size={20} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={600}>{t("down")}</Text>
            {health.data.reason ? (
              <>
                <Text size="sm" c="dimmed">
                  {t("reason")}
                </Text>
                {/* Server text: rendered as text, never as HTML. */}
                <Text size="sm" ff="monospace" style={{ wordBreak: "break-word" }}>
                  {health.data.reason}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("noReason")}
              </Text>
            )}
          </Stack>
        </Group>
      )}
    </SectionCard>
  );
}
