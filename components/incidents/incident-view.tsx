"use client";

import { Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { timeoutReportQuery } from "@/components/reports/report-queries";
import { useCurrentUser } from "@/components/shell/current-user";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { roleAllows } from "@/lib/auth/roles";
import type { Incident } from "@/lib/incidents/schemas";
import { IncidentBody } from "./incident-body";
import { AddNoteForm, IncidentEditForm } from "./incident-edit";
import { IncidentHeading } from "./incident-record";
import { incidentQuery } from "./incident-queries";
import { ShareLinksCard } from "./share-links-card";

/** One incident: its facts, report, evidence and timeline; editors change it, note it and share it. */
export function IncidentView({ id }: { id: string }) {
  const t = useTranslations("incidents.detail");
  const query = useQuery(incidentQuery(id));
  if (query.isPending) return <Skeleton h={480} />;
  if (query.isError) return <QueryErrorAlert title={t("failed")} error={query.error} onRetry={() => void query.refetch()} />;
  return <IncidentPage incident={query.data} />;
}

function IncidentPage({ incident }: { incident: Incident }) {
  const t = useTranslations("incidents.detail");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const { service, operation } = incident.filters;
  // The incident's copy of the report when it has one (resolved, or retention was dropping its
  // window's telemetry), read now otherwise: the rule is written out in incident-body.tsx.
  const live = useQuery({
    ...timeoutReportQuery({ from: incident.window.fromMs, to: incident.window.toMs }, service ?? null, service ? (operation ?? null) : null),
    enabled: !incident.frozen?.report,
  });
  const report = incident.frozen?.report ?? live.data ?? null;
  return (
    <Stack gap="lg" data-testid="incident-page">
      <BackLink href="/incidents">{t("back")}</BackLink>
      <IncidentHeading incident={incident} />
      <IncidentBody
        incident={incident}
        report={report}
        reportState={live.isError ? <QueryErrorAlert title={t("failed")} error={live.error} onRetry={() => void live.refetch()} /> : <Skeleton h={120} />}
        linked
        afterTimeline={canEdit ? <AddNoteForm incident={incident} /> : null}
        aside={
          canEdit ? (
            <SectionCard title={t("edit")}>
              <IncidentEditForm key={`${incident.status}:${incident.severity}:${incident.owner ?? ""}`} incident={incident} />
            </SectionCard>
          ) : null
        }
      />
      {canEdit ? <ShareLinksCard incidentId={incident.id} /> : null}
    </Stack>
  );
}
