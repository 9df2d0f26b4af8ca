"use client";

import { Alert, Anchor, Code, List, Text } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { DuplicateDelivery } from "@/lib/findings/schemas";
import { formatUnixNano } from "@/lib/trace/format-instant";
import { traceDeliveriesQuery } from "./findings-queries";

/**
 * On a trace page: "did nothing, already done by trace X at T" when this trace repeated work
 * another trace had done (an idempotency hit), or the later deliveries that repeated this
 * trace's work. Nothing at all for the usual trace that is neither.
 */
export function TraceDeliveriesAlert({ traceId }: { traceId: string }) {
  const t = useTranslations("findings.trace");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const query = useQuery(traceDeliveriesQuery(traceId));
  const data = query.data;
  if (!data || (data.duplicateOf.length === 0 && data.duplicates.length === 0)) return null;
  const at = (unixNano: string) => formatUnixNano(unixNano, timeZone, 3);
  const keys = (delivery: DuplicateDelivery) => delivery.keys.map((k) => `${k.key}=${k.value}`).join(", ");
  return (
    <>
      {data.duplicateOf.map((delivery) => (
        <Alert key={`of-${delivery.service}-${delivery.operation}`} color="orange" icon={<IconCopy size={18} />} title={t("didNothingTitle")} mb="md" aria-label={t("didNothingTitle")}>
          <Text size="sm">
            {t("didNothing", { service: delivery.service, operation: delivery.operation })}{" "}
            {delivery.original ? (
              <>
                {t("alreadyDoneBy")}{" "}
                <Anchor component={Link} prefetch={false} href={`/traces/${delivery.original.traceId}`} ff="monospace">
                  {delivery.original.traceId}
                </Anchor>{" "}
                {t("at", { time: at(delivery.original.startTimeUnixNano) })}
              </>
            ) : (
              t("originalNotFound")
            )}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {delivery.duplicate.flagged ? t("flagged") : t("inferred")} {t("sameKeys")} <Code>{keys(delivery)}</Code>
          </Text>
        </Alert>
      ))}
      {data.duplicates.length > 0 && (
        <Alert color="blue" icon={<IconCopy size={18} />} title={t("repeatedTitle", { count: data.duplicates.length })} mb="md" aria-label={t("repeatedTitle", { count: data.duplicates.length })}>
          <List size="sm" spacing={2}>
            {data.duplicates.map((delivery) => (
              <List.Item key={delivery.duplicate.traceId}>
                {t("repeatedBy", { service: delivery.service, operation: delivery.operation, time: at(delivery.duplicate.startTimeUnixNano) })}{" "}
                <Anchor component={Link} prefetch={false} href={`/traces/${delivery.duplicate.traceId}`} ff="monospace">
                  {delivery.duplicate.traceId}
                </Anchor>{" "}
                <Code>{keys(delivery)}</Code>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
