"use client";

import { Anchor, Skeleton, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { AlertEvent } from "@/lib/alerts/schemas";
import { AlertEventBadge, DeliveryBadges, formatValue, useAlertTime } from "./alert-badges";
import { alertEventsQuery } from "./alerts-queries";

/**
 * The last 24 hours of alert events, newest first, with their notifications: every rule's on
 * /alerts, one rule's on its own page (`rule`, its id), where the rule column is left out.
 */
export function AlertHistoryCard({ rule }: { rule: string | null }) {
  const t = useTranslations("alerts");
  const events = useQuery(alertEventsQuery(rule));
  return (
    <SectionCard title={t("events.title")} description={t(rule ? "events.ruleDescription" : "events.description")}>
      {events.isError ? (
        <QueryErrorAlert title={t("events.failed")} error={events.error} onRetry={() => void events.refetch()} />
      ) : events.isPending ? (
        <Skeleton h={200} />
      ) : events.data.events.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="alert-events-empty">
          {t(rule ? "events.ruleEmpty" : "events.empty")}
        </Text>
      ) : (
        <EventsTable events={events.data.events} showRule={rule === null} />
      )}
    </SectionCard>
  );
}

function EventsTable({ events, showRule }: { events: AlertEvent[]; showRule: boolean }) {
  const t = useTranslations("alerts.events");
  const time = useAlertTime();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="alert-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("at")}</Table.Th>
            {showRule && <Table.Th>{t("rule")}</Table.Th>}
            <Table.Th>{t("kind")}</Table.Th>
            <Table.Th>{t("value")}</Table.Th>
            <Table.Th>{t("notifications")}</Table.Th>
            <Table.Th>{t("incident")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} data-testid="alert-event-row">
              <Table.Td>
                <Text size="sm">{time(event.atMs)}</Text>
              </Table.Td>
              {showRule && (
                <Table.Td>
                  <Anchor component={Link} href={`/alerts/rules/${event.ruleId}`} size="sm">
                    {event.ruleName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <AlertEventBadge kind={event.kind} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {formatValue(event.value)} / {formatValue(event.threshold)}
                </Text>
              </Table.Td>
              <Table.Td>{event.silenced ? <Text size="sm" c="dimmed">{t("silenced")}</Text> : <DeliveryBadges notifications={event.notifications} />}</Table.Td>
              <Table.Td>
                {event.incidentId ? (
                  <Anchor component={Link} href={`/incidents/${event.incidentId}`} size="sm">
                    {t("openIncident")}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
