"use client";

import { Anchor, Grid, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SectionCard } from "@/components/ui/section-card";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { Incident } from "@/lib/incidents/schemas";
import { evidenceOf } from "@/lib/incidents/evidence-of";
import type { TimeoutReport } from "@/lib/reports/schemas";
import { FrozenAudit, FrozenTraces } from "./frozen-evidence";
import { EvidenceList, IncidentFacts, IncidentTimeline, reportHref } from "./incident-record";
import { ReportFacts } from "./report-facts";

// The body of an incident as both its own page and its share page show it: facts, the report,
// the timeline and the evidence with its copied traces and rows. The signed-in page passes
// `linked` and its editing controls; the share page passes neither.
//
// Live or copied (issue 15). `incident.frozen` is the incident's copy of its evidence, written
// when it is resolved and, while it is open, by partition upkeep just before retention drops a
// day holding some of it (lib/incidents/copy-evidence-before-drop.ts). The rule:
// - resolved: everything from the copy;
// - open: the report from the copy if it holds one (retention was dropping the window's
//   telemetry, or an earlier resolve froze it), read live otherwise; traces and rows are links to
//   their live pages, and the copy's traces and rows are shown under them — while open the copy
//   holds only the items whose telemetry retention has taken (or an earlier resolve froze).

export function IncidentBody({
  incident,
  report,
  reportState,
  linked,
  afterTimeline,
  aside,
}: {
  incident: Incident;
  /** The frozen report, or the one read now while the incident is open; null while it loads. */
  report: TimeoutReport | null;
  /** Shown in the report's place while it is null (loading, or why it failed). */
  reportState?: ReactNode;
  linked: boolean;
  afterTimeline?: ReactNode;
  aside?: ReactNode;
}) {
  const t = useTranslations("incidents.detail");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const { frozen } = incident;
  const resolved = incident.status === "resolved";
  const scope = incident.filters;
  return (
    <Stack gap="lg">
      <IncidentFacts incident={incident} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard
              title={t("report")}
              description={frozen?.report ? t(resolved ? "frozenAt" : "copiedAt", { time: formatInstant(frozen.frozenAtMs, timeZone) }) : t("live")}
              action={
                linked ? (
                  <Anchor component={Link} href={reportHref(incident.window.fromMs, incident.window.toMs, scope.service, scope.operation)} size="sm">
                    {t("openReport")}
                  </Anchor>
                ) : undefined
              }
            >
              {report ? <ReportFacts report={report} /> : reportState}
            </SectionCard>
            <SectionCard title={t("evidence")}>
              <Stack gap="md">
                <EvidenceList incident={incident} items={evidenceOf(incident)} linked={linked} />
                {frozen && (resolved || frozen.traces.length + frozen.audit.length > 0) ? (
                  <>
                    {resolved ? null : (
                      <Text size="xs" c="dimmed">
                        {t("evidenceCopied", { time: formatInstant(frozen.frozenAtMs, timeZone) })}
                      </Text>
                    )}
                    <FrozenTraces frozen={frozen} />
                    <FrozenAudit frozen={frozen} />
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t("notFrozenYet")}
                  </Text>
                )}
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {aside}
            <SectionCard title={t("timeline")}>
              <Stack gap="md">
                <IncidentTimeline events={incident.events} />
                {afterTimeline}
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
