"use client";

import { Group, Select, Skeleton, Table, Text, Tooltip } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { ACTIVITY_SHOWN, activityQueryOptions } from "@/lib/client/accounts-queries";
import { describeActivityDetail, isActivityAction } from "@/lib/client/describe-activity";
import { activityActions, type ActivityAction } from "@/lib/schemas/activity";

/** Sightline's own audit log: who signed in (or failed to) and who changed users, keys and tokens. */
export function ActivityCard() {
  const t = useTranslations("settings.activity");
  const format = useFormatter();
  const [action, setAction] = useState<ActivityAction | null>(null);
  const activity = useQuery(activityQueryOptions(action));

  return (
    <SectionCard
      title={t("title")}
      description={t("description", { count: ACTIVITY_SHOWN })}
      action={
        <Select
          aria-label={t("filter")}
          placeholder={t("allActions")}
          w={240}
          clearable
          data={activityActions.map((value) => ({ value, label: t(`actions.${value}`) }))}
          value={action}
          onChange={(value) => setAction(activityActions.find((candidate) => candidate === value) ?? null)}
        />
      }
    >
      {activity.isPending ? (
        <Skeleton height={120} />
      ) : activity.isError ? (
        <QueryErrorAlert title={t("loadError")} error={activity.error} onRetry={() => void activity.refetch()} />
      ) : activity.data.events.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconHistory size={18} />
          <Text size="sm">{action ? t("emptyFiltered") : t("empty")}</Text>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-label={t("title")} opacity={activity.isPlaceholderData ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("time")}</Table.Th>
                <Table.Th>{t("action")}</Table.Th>
                <Table.Th>{t("actor")}</Table.Th>
                <Table.Th>{t("target")}</Table.Th>
                <Table.Th>{t("detail")}</Table.Th>
                <Table.Th>{t("address")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.data.events.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(new Date(event.at), { dateStyle: "medium", timeStyle: "medium" })}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {/* A stored action this build has no words for is shown as stored. */}
                    {isActivityAction(event.action) ? t(`actions.${event.action}`) : <Text span ff="monospace" size="sm">{event.action}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Clipped value={event.actor} width={200} />
                  </Table.Td>
                  <Table.Td>
                    <Clipped value={event.target ?? ""} width={200} />
                  </Table.Td>
                  <Table.Td>
                    <Clipped value={describeActivityDetail(event.detail)} width={220} />
                  </Table.Td>
                  <Table.Td>
                    <Clipped value={event.ip ?? ""} hint={event.userAgent} width={140} />
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

/**
 * One line cut to `width` with the whole value (and a hint, such as the user agent) in a tooltip.
 * The values come from sign-in forms and API callers: they are rendered as text, never as markup.
 */
function Clipped({ value, hint, width }: { value: string; hint?: string | null; width: number }) {
  const full = hint ? `${value}${value ? " · " : ""}${hint}` : value;
  if (!full) return null;
  return (
    <Tooltip label={full} multiline w={360} withArrow openDelay={200} style={{ overflowWrap: "anywhere" }}>
      <Text size="sm" truncate="end" maw={width}>
        {value || "…"}
      </Text>
    </Tooltip>
  );
}
