"use client";

import { ActionIcon, Alert, Anchor, Badge, Button, CopyButton, Group, Skeleton, Stack, Table, Tabs, Text, Title, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconLink, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SpanLockNotes } from "@/components/database/span-lock-notes";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { truncateText } from "@/lib/client/truncate-text";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { AuditChange } from "@/lib/schemas/audit";
import { SPAN_KIND_NAMES } from "@/lib/schemas/traces";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { PARENT_STATE } from "@/lib/trace/build-span-tree";
import { formatDurationNs } from "@/lib/trace/format-duration";
import { formatUnixNano, offsetToUnixNano } from "@/lib/trace/format-instant";
import { ServiceName } from "../service-name";
import { traceSpanQuery } from "../trace-queries";
import { AttributeTable } from "./attribute-table";
import { AuditChangeCard } from "./audit-change-card";
import { SpanEvents } from "./span-events";

const STATUS_NAMES = ["UNSET", "OK", "ERROR"] as const;

/**
 * Everything about one span. What the waterfall already holds (name, service, kind, timing,
 * status) shows at once; attributes, resource, events and links arrive with the span's own
 * request, which the hover before the click has usually started already.
 */
export function SpanDetail({
  model,
  span,
  changes,
  onClose,
  onSelect,
}: {
  model: TraceModel;
  span: number;
  changes: AuditChange[];
  onClose: () => void;
  onSelect: (span: number) => void;
}) {
  const t = useTranslations("traces.detail");
  const timeZone = useBrowserTimeZone();
  const spanId = model.spanIds[span]!;
  const detail = useQuery(traceSpanQuery(model.traceId, spanId));
  const service = model.services[model.service[span]!]!;
  const name = model.names[model.name[span]!]!;
  const parent = model.tree.parent[span]!;
  const missingParent = model.missingParentIds.get(span);
  const shift = model.shiftNs[span]!;
  const recordedStart = offsetToUnixNano(model.startTimeUnixNano, model.startNs[span]! - shift);
  const deepLink = typeof window === "undefined" ? "" : `${window.location.origin}/traces/${model.traceId}?span=${spanId}`;
  const data = detail.data?.span;
  const status = STATUS_NAMES[model.status[span]!] ?? "UNSET";

  return (
    <Stack gap="sm" p="sm" data-testid="span-detail" data-span-id={spanId} aria-label={t("label", { name: truncateText(name, 80) })} role="region">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <ServiceName name={service} />
          <Title order={2} size="h5" lineClamp={3} style={{ overflowWrap: "anywhere" }} title={truncateText(name, 1000)}>
            {name}
          </Title>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <CopyButton value={deepLink}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("linkCopied") : t("copyLink")} withArrow>
                <ActionIcon variant="subtle" color={copied ? "teal" : "gray"} onClick={copy} aria-label={t("copyLink")}>
                  {copied ? <IconCheck size={16} /> : <IconLink size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
          <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t("close")}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
      </Group>

      <Group gap={6}>
        <Badge variant="light" color="gray">
          {SPAN_KIND_NAMES[model.kind[span]!] ?? "UNSPECIFIED"}
        </Badge>
        <Badge variant={status === "ERROR" ? "filled" : "light"} color={status === "ERROR" ? "red" : status === "OK" ? "teal" : "gray"}>
          {status}
        </Badge>
        {data?.isTimeout && (
          <Badge color="orange" variant="light">
            {t("timeout")}
          </Badge>
        )}
        {model.criticalPath.onPath[span] === 1 && (
          <Badge color="gray" variant="outline">
            {t("onCriticalPath")}
          </Badge>
        )}
      </Group>

      {data?.status.message && (
        <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {data.status.message}
          </Text>
        </Alert>
      )}

      <SpanLockNotes traceId={model.traceId} spanId={spanId} />

      <Table fz="xs" verticalSpacing={3} layout="fixed" aria-label={t("facts")}>
        <Table.Tbody>
          <Fact label={t("duration")}>{formatDurationNs(model.durationNs[span]!)}</Fact>
          <Fact label={t("selfTime")}>{formatDurationNs(model.selfTimeNs[span]!)}</Fact>
          <Fact label={t("start")}>
            {timeZone ? formatUnixNano(recordedStart, timeZone) : ""}
            <Text span c="dimmed" fz="xs">
              {" "}
              {t("afterTraceStart", { offset: formatDurationNs(model.startNs[span]!) })}
            </Text>
          </Fact>
          {shift !== 0 && <Fact label={t("clockSkew")}>{t("shifted", { shift: formatDurationNs(shift) })}</Fact>}
          <Fact label={t("spanId")}>
            <Text span ff="monospace" fz="xs">
              {spanId}
            </Text>
          </Fact>
          <Fact label={t("parent")}>
            {parent >= 0 ? (
              <Anchor component="button" type="button" fz="xs" onClick={() => onSelect(parent)}>
                {model.services[model.service[parent]!]}: {model.names[model.name[parent]!]}
              </Anchor>
            ) : missingParent ? (
              <Text span c="orange" fz="xs">
                {t("parentMissing", { id: missingParent })}
              </Text>
            ) : model.tree.parentState[span] === PARENT_STATE.cycle ? (
              <Text span c="orange" fz="xs">
                {t("parentCycle")}
              </Text>
            ) : (
              <Text span c="dimmed" fz="xs">
                {t("root")}
              </Text>
            )}
          </Fact>
          {data && (data.scope.name || data.scope.version) && <Fact label={t("scope")}>{[data.scope.name, data.scope.version].filter(Boolean).join(" ")}</Fact>}
        </Table.Tbody>
      </Table>

      {changes.length > 0 && (
        <Stack gap="xs" data-testid="span-changes">
          <Text fw={600} size="sm">
            {t("changes", { count: changes.length })}
          </Text>
          {changes.map((change) => (
            <AuditChangeCard key={change.id} change={change} />
          ))}
        </Stack>
      )}

      {detail.isError ? (
        <QueryErrorAlert title={t("errorTitle")} error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !data ? (
        <Stack gap={6} aria-busy>
          <Skeleton h={18} />
          <Skeleton h={18} />
          <Skeleton h={18} />
        </Stack>
      ) : (
        <Tabs defaultValue={data.events.some((e) => e.name === "exception") ? "events" : "attributes"} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="attributes">{t("attributesTab", { count: Object.keys(data.attributes).length })}</Tabs.Tab>
            <Tabs.Tab value="resource">{t("resourceTab", { count: Object.keys(data.resource.attributes).length })}</Tabs.Tab>
            <Tabs.Tab value="events">{t("eventsTab", { count: data.events.length })}</Tabs.Tab>
            <Tabs.Tab value="links">{t("linksTab", { count: data.links.length })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="attributes" pt="xs">
            <AttributeTable attributes={data.attributes} emptyText={t("noAttributes")} label={t("attributesLabel")} />
            {data.droppedAttributesCount > 0 && <Dropped count={data.droppedAttributesCount} />}
          </Tabs.Panel>
          <Tabs.Panel value="resource" pt="xs">
            <AttributeTable attributes={data.resource.attributes} emptyText={t("noAttributes")} label={t("resourceLabel")} />
          </Tabs.Panel>
          <Tabs.Panel value="events" pt="xs">
            <SpanEvents events={data.events} spanStartUnixNano={data.startTimeUnixNano} />
            {data.droppedEventsCount > 0 && <Dropped count={data.droppedEventsCount} />}
          </Tabs.Panel>
          <Tabs.Panel value="links" pt="xs">
            <SpanLinks links={data.links} model={model} onSelect={onSelect} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w="34%" c="dimmed">
        {label}
      </Table.Td>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{children}</Table.Td>
    </Table.Tr>
  );
}

function Dropped({ count }: { count: number }) {
  const t = useTranslations("traces.detail");
  return (
    <Text size="xs" c="orange" mt={4}>
      {t("dropped", { count })}
    </Text>
  );
}

function SpanLinks({ links, model, onSelect }: { links: { traceId: string; spanId: string }[]; model: TraceModel; onSelect: (span: number) => void }) {
  const t = useTranslations("traces.detail");
  if (links.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("noLinks")}
      </Text>
    );
  return (
    <Stack gap={4}>
      {links.map((link) => {
        const local = link.traceId === model.traceId ? model.indexBySpanId.get(link.spanId) : undefined;
        return (
          <Group key={`${link.traceId}/${link.spanId}`} gap="xs" wrap="nowrap">
            {local !== undefined ? (
              <Button variant="subtle" size="compact-xs" onClick={() => onSelect(local)}>
                {t("linkInTrace", { span: link.spanId })}
              </Button>
            ) : (
              <Anchor component={Link} href={`/traces/${link.traceId}?span=${link.spanId}`} fz="xs" ff="monospace" prefetch={false}>
                {link.traceId} / {link.spanId}
              </Anchor>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
