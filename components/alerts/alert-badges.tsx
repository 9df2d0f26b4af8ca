"use client";

import { Badge, Group } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { AlertEvent, AlertState } from "@/lib/alerts/schemas";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";

const STATE_COLOR = { firing: "red", pending: "yellow", ok: "green", "no-data": "gray" } as const;
const EVENT_COLOR = { firing: "red", pending: "yellow", resolved: "green", "no-data": "gray", error: "orange" } as const;
const DELIVERY_COLOR = { sent: "green", pending: "yellow", failed: "red" } as const;

export function AlertStateBadge({ state }: { state: AlertState }) {
  const t = useTranslations("alerts.state");
  return (
    <Badge color={STATE_COLOR[state]} variant={state === "firing" ? "filled" : "light"} tt="none" data-testid="alert-state">
      {t(state)}
    </Badge>
  );
}

export function AlertEventBadge({ kind }: { kind: AlertEvent["kind"] }) {
  const t = useTranslations("alerts.eventKind");
  return (
    <Badge color={EVENT_COLOR[kind]} variant="light" tt="none">
      {t(kind)}
    </Badge>
  );
}

/** One badge per contact point: its name and whether the notification went out. */
export function DeliveryBadges({ notifications }: { notifications: AlertEvent["notifications"] }) {
  const t = useTranslations("alerts.delivery");
  return (
    <Group gap={4}>
      {notifications.map((n) => (
        <Badge key={n.contactId} color={DELIVERY_COLOR[n.status]} variant="outline" tt="none" title={n.lastError ?? undefined} data-testid="delivery">
          {t(n.status, { contact: n.contactName, attempts: n.attempts })}
        </Badge>
      ))}
    </Group>
  );
}

export function LabelBadges({ labels }: { labels: Record<string, string> }) {
  return (
    <Group gap={4}>
      {Object.entries(labels).map(([key, value]) => (
        <Badge key={key} variant="default" tt="none" size="sm">
          {key}={value}
        </Badge>
      ))}
    </Group>
  );
}

/** A number as the rules show it: up to 3 significant decimals, no trailing zeros. */
export function formatValue(value: number | null): string {
  if (value === null) return "—";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 3)));
}

/** An instant as the alert pages show it: in the reader's time zone once known, ISO until then. */
export function useAlertTime(): (ms: number) => string {
  const timeZone = useBrowserTimeZone();
  return (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
}
