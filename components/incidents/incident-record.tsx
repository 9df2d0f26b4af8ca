"use client";

import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Timeline, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconFlag, IconNote, IconPaperclip, IconUser } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { EvidenceItem, IncidentEvent, IncidentSeverity, IncidentStatus, IncidentSummary } from "@/lib/incidents/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";

// The parts of an incident that read the same to a signed-in reader and to whoever opens a
// share link: badges, its window and times, the timeline, the evidence. Every value is rendered
// as text. `linked` (signed-in only) turns evidence into links to the live pages.

const SEVERITY_COLOR: Record<IncidentSeverity, string> = { critical: "red", major: "orange", minor: "yellow" };
const STATUS_COLOR: Record<IncidentStatus, string> = { investigating: "red", identified: "orange", monitoring: "blue", resolved: "green" };

export function SeverityBadge({ severity }: { severity: IncidentSeverity }) {
  const t = useTranslations("incidents.severity");
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant="filled" data-testid="incident-severity">
      {t(severity)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const t = useTranslations("incidents.status");
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="incident-status">
      {t(status)}
    </Badge>
  );
}

export const formatSpan = (ms: number | null, notYet: string) => (ms === null ? notYet : formatDurationMs(ms));

/** Window, detection, owner, filters and time to detect / acknowledge / resolve. */
export function IncidentFacts({ incident }: { incident: IncidentSummary }) {
  const t = useTranslations("incidents.detail");
  const tf = useTranslations("incidents.fields");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const at = (ms: number) => formatInstant(ms, timeZone);
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {/* A div, not Text's <p>: a value can be a badge, and a <div> in a <p> breaks hydration. */}
      <Text size="sm" component="div" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
  const filters = Object.entries(incident.filters).filter(([, v]) => v !== "");
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {fact(t("window"), `${at(incident.window.fromMs)} – ${at(incident.window.toMs)}`, "incident-window")}
        {fact(t("detected"), at(incident.detectedAtMs))}
        {fact(tf("owner"), incident.owner ?? tf("nobody"), "incident-owner")}
        {fact(tf("severity"), <SeverityBadge severity={incident.severity} />)}
        {fact(t("toDetect"), formatSpan(incident.times.toDetectMs, t("notYet")))}
        {fact(t("toAcknowledge"), formatSpan(incident.times.toAcknowledgeMs, t("notYet")))}
        {fact(t("toResolve"), formatSpan(incident.times.toResolveMs, t("notYet")), "incident-to-resolve")}
        {fact(tf("status"), <StatusBadge status={incident.status} />)}
      </SimpleGrid>
      {filters.length > 0 ? (
        <Group gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mr={4}>
            {t("filters")}
          </Text>
          {filters.map(([key, value]) => (
            <Badge key={key} variant="light" color="gray" tt="none" style={{ maxWidth: 480 }}>
              {key}: {value}
            </Badge>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

const EVENT_ICON = { created: IconAlertTriangle, note: IconNote, status: IconCircleCheck, severity: IconFlag, owner: IconUser, title: IconNote, evidence: IconPaperclip } as const;

export function IncidentTimeline({ events }: { events: readonly IncidentEvent[] }) {
  const t = useTranslations("incidents");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const describe = (e: IncidentEvent): string => {
    const c = e.change;
    switch (c.kind) {
      case "status":
        return t("event.status", { from: t(`status.${c.from}`), to: t(`status.${c.to}`) });
      case "severity":
        return t("event.severity", { from: t(`severity.${c.from}`), to: t(`severity.${c.to}`) });
      case "owner":
        return t("event.owner", { from: c.from ?? t("fields.nobody"), to: c.to ?? t("fields.nobody") });
      case "title":
        return t("event.title", { from: c.from, to: c.to });
      case "evidence":
        return t("event.evidence", { what: evidenceLabel(t, c.item) });
      default:
        return t(`event.${c.kind}`);
    }
  };
  return (
    <Timeline active={events.length} bulletSize={22} lineWidth={2} data-testid="incident-timeline">
      {events.map((e) => {
        const Icon = EVENT_ICON[e.change.kind];
        return (
          <Timeline.Item key={e.id} bullet={<Icon size={12} />} title={<Text size="sm">{`${e.author ?? "—"} ${describe(e)}`}</Text>}>
            {e.change.kind === "note" ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="incident-note">
                {e.change.text}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {formatInstant(e.atMs, timeZone)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

type Translate = ReturnType<typeof useTranslations<"incidents">>;

function evidenceLabel(t: Translate, item: EvidenceItem): string {
  switch (item.kind) {
    case "trace":
      return t("detail.traceEvidence", { traceId: item.traceId });
    case "audit":
      return t("detail.auditEvidence", { table: item.table, pk: item.pk });
    case "chart":
      return item.title;
    case "report":
      return t("detail.reportEvidence", { endpoint: item.service ? `${item.service} ${item.operation ?? ""}`.trim() : t("allEndpoints") });
  }
}

export function EvidenceList({ incident, items, linked }: { incident: IncidentSummary; items: readonly EvidenceItem[]; linked: boolean }) {
  const t = useTranslations("incidents");
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("detail.evidenceEmpty")}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="incident-evidence">
      {items.map((item, i) => {
        const label = evidenceLabel(t, item);
        const href = linked ? evidenceHref(incident, item) : null;
        return (
          <Group key={i} gap={6} wrap="nowrap">
            <IconPaperclip size={14} />
            {href ? (
              <Anchor component={Link} href={href} size="sm" style={{ overflowWrap: "anywhere" }}>
                {label}
              </Anchor>
            ) : (
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {label}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

function evidenceHref(incident: IncidentSummary, item: EvidenceItem): string {
  const { fromMs, toMs } = incident.window;
  switch (item.kind) {
    case "trace":
      return `/traces/${item.traceId}`;
    case "audit":
      return `/audit?${new URLSearchParams({ table: item.table, pk: item.pk, ...(item.database ? { database: item.database } : {}) }).toString()}`;
    case "chart":
      return item.href;
    case "report":
      return reportHref(fromMs, toMs, item.service, item.operation);
  }
}

export function reportHref(fromMs: number, toMs: number, service: string | null | undefined, operation: string | null | undefined): string {
  const params = new URLSearchParams({ from: String(fromMs), to: String(toMs) });
  if (service) params.set("service", service);
  if (service && operation) params.set("operation", operation);
  return `/reports/timeouts?${params.toString()}`;
}

/** An incident's title with its severity and status: the head of its page and of its share page. */
export function IncidentHeading({ incident }: { incident: Pick<IncidentSummary, "title" | "severity" | "status"> }) {
  return (
    <Group gap="sm" align="center">
      <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }} data-testid="incident-title">
        {incident.title}
      </Title>
      <SeverityBadge severity={incident.severity} />
      <StatusBadge status={incident.status} />
    </Group>
  );
}
