"use client";

import { Alert, Anchor, Group, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { describeSpanLocks, type SpanLockNote } from "@/lib/database/describe-span-locks";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { traceLockEventsQuery } from "./database-queries";

/**
 * On the trace page: a span whose statement waited for a lock, held one others waited for, or
 * was in a deadlock says so, with links to the other side's trace and to the Database page.
 * Silent when the trace took part in no lock event (or the request fails: this is a hint).
 */
export function SpanLockNotes({ traceId, spanId }: { traceId: string; spanId: string }) {
  const t = useTranslations("database.spanNotes");
  const events = useQuery(traceLockEventsQuery(traceId));
  const notes = useMemo(() => (events.data ? describeSpanLocks(events.data.events, spanId) : []), [events.data, spanId]);
  if (notes.length === 0) return null;
  return (
    <Stack gap={6} data-testid="span-lock-notes">
      {notes.map((note) => (
        <Alert key={`${note.kind}-${note.eventId}`} color={note.kind === "deadlockVictim" ? "red" : "orange"} variant="light" p="xs" icon={<IconLock size={16} />}>
          <Stack gap={4}>
            <Text size="sm">{describe(note, t)}</Text>
            <Group gap="sm">
              {note.others.map((other) =>
                other.traceId ? (
                  <Anchor key={other.pid} component={Link} href={`/traces/${other.traceId}${other.spanId ? `?span=${other.spanId}` : ""}`} size="xs" prefetch={false}>
                    {t("otherTrace", { pid: other.pid })}
                  </Anchor>
                ) : (
                  <Text key={other.pid} size="xs" c="dimmed">
                    {t("otherNoTrace", { pid: other.pid })}
                  </Text>
                ),
              )}
              <Anchor
                component={Link}
                href={`/database?db=${encodeURIComponent(note.database)}${note.kind === "deadlock" || note.kind === "deadlockVictim" ? `&deadlock=${encodeURIComponent(note.eventId)}` : ""}`}
                size="xs"
                prefetch={false}
              >
                {t("onDatabasePage")}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

function describe(note: SpanLockNote, t: ReturnType<typeof useTranslations<"database.spanNotes">>): string {
  const pids = note.others.map((o) => o.pid).join(", ");
  switch (note.kind) {
    case "waited":
      return t("waited", { duration: formatDurationMs(note.durationMs), mode: note.mode, object: note.object, pids });
    case "blocked":
      return t("blocked", { duration: formatDurationMs(note.durationMs), mode: note.mode, object: note.object, pids });
    case "deadlockVictim":
      return t("deadlockVictim", { pids, wanted: note.mode && note.object ? `${note.mode} / ${note.object}` : "—" });
    case "deadlock":
      return t("deadlock", { pids, wanted: note.mode && note.object ? `${note.mode} / ${note.object}` : "—" });
  }
}
