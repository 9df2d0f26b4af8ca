"use client";

import { Badge, Code, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { SpanEvent } from "@/lib/schemas/traces";
import { formatJsonValue } from "@/lib/trace/audit-diff";
import { formatDurationNs } from "@/lib/trace/format-duration";
import { AttributeTable } from "./attribute-table";

const EXCEPTION_KEYS = ["exception.type", "exception.message", "exception.stacktrace", "exception.escaped"];

/** A span's events in time order; an exception shows its type, message and stack trace. */
export function SpanEvents({ events, spanStartUnixNano }: { events: SpanEvent[]; spanStartUnixNano: string }) {
  const t = useTranslations("traces.detail");
  if (events.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("noEvents")}
      </Text>
    );
  const start = BigInt(spanStartUnixNano);
  return (
    <Stack gap="sm">
      {events.map((event, index) => {
        const offset = Number(BigInt(event.timeUnixNano) - start);
        const isException = event.name === "exception";
        const rest = isException ? Object.fromEntries(Object.entries(event.attributes).filter(([key]) => !EXCEPTION_KEYS.includes(key))) : event.attributes;
        return (
          <Paper key={`${event.timeUnixNano}-${index}`} withBorder p="xs" data-testid="span-event">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge color={isException ? "red" : "gray"} variant="light" tt="none">
                  {event.name}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t("eventOffset", { offset: formatDurationNs(offset) })}
                </Text>
              </Group>
              {isException && <ExceptionBody attributes={event.attributes} />}
              {Object.keys(rest).length > 0 && <AttributeTable attributes={rest} emptyText="" label={t("eventAttributes", { name: event.name })} />}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function ExceptionBody({ attributes }: { attributes: SpanEvent["attributes"] }) {
  const t = useTranslations("traces.detail");
  const type = formatJsonValue(attributes["exception.type"]);
  const message = formatJsonValue(attributes["exception.message"]);
  const stack = formatJsonValue(attributes["exception.stacktrace"]);
  return (
    <Stack gap={4}>
      {(type || message) && (
        <Text size="sm" fw={600} c="red" style={{ overflowWrap: "anywhere" }}>
          {[type, message].filter(Boolean).join(": ")}
        </Text>
      )}
      {stack && (
        <Code block fz="xs" aria-label={t("stackTrace")} style={{ maxHeight: 320, overflow: "auto", whiteSpace: "pre" }}>
          {stack}
        </Code>
      )}
    </Stack>
  );
}
