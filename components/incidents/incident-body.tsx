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

// The body of an incident as both its own page and its share page show it: facts, the report
// (frozen once resolved), the timeline and the evidence with its frozen traces and rows. The
// signed-in page passes `linked` and its editing controls; the share page passes neither.

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
  const scope = incident.filters;
  return (
    <Stack gap="lg">
      <IncidentFacts incident={incident} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard
              title={t("report")}
              description={frozen ? t("frozenAt", { time: formatInstant(frozen.frozenAtMs, timeZone) }) : t("live")}
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
                {frozen ? (
                  <>
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
