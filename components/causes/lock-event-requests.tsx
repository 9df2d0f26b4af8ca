"use client";

import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { traceCausesQuery } from "./causes-queries";
import { LockSideLine } from "./lock-side";

/**
 * On the Database page, beside a lock wait's or deadlock's processes: the request each served
 * (a link to its trace) and its statement, as the trace page's causes show them. Read through
 * one of the event's traces (its causes hold every side of the event, named). Silent when no
 * process has a trace, or while it loads (the process table stands on its own).
 */
export function LockEventRequests({ eventId, traceId }: { eventId: string; traceId: string | null }) {
  const t = useTranslations("causes.lockEvent");
  const causes = useQuery({ ...traceCausesQuery(traceId ?? ""), enabled: traceId !== null });
  const cause = causes.data?.locks.find((c) => c.eventId === eventId);
  if (!cause) return null;
  return (
    <Stack gap={6} data-testid="lock-event-requests">
      <Text size="sm" fw={600}>
        {t("requests")}
      </Text>
      {[cause.own, ...cause.others].map((side) => (
        <LockSideLine key={side.pid} side={side} />
      ))}
    </Stack>
  );
}
