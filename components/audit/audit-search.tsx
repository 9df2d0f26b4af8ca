"use client";

import { Alert, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconDownload, IconInfoCircle, IconListSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTimeRangeLabel } from "@/components/time-range/use-time-range-label";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { auditTracesLink } from "@/lib/audit/audit-traces-link";
import { auditChangesExportUrl } from "@/lib/audit/search/build-changes-request";
import { AUDIT_MAX_LIMIT } from "@/lib/audit/search/search-params";
import { auditSearchUrlRules } from "@/lib/audit/search/search-url-rules";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { auditSearchQuery } from "./audit-queries";
import { AuditChangeDrawer } from "./audit-change-drawer";
import { AuditResultsTable } from "./audit-results-table";
import { AuditSearchFilters } from "./audit-search-filters";
import { useAuditSearchFilters } from "./use-audit-search-filters";

/** /audit: row changes filtered by the URL, a one-line diff each, the whole change in a drawer. */
export function AuditSearch() {
  const t = useTranslations("audit.search");
  const { range, pinned } = useTimeRange();
  const { label: rangeLabel } = useTimeRangeLabel(range, pinned);
  const { filters, openChangeId, setFilters, openChange } = useAuditSearchFilters();
  const key = range ? rangeKey(range) : null;
  const search = useQuery({ ...auditSearchQuery(key ?? { from: 0, to: 1 }, filters), enabled: key !== null, placeholderData: keepPreviousData });
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), auditSearchUrlRules), [searchParams]);

  const changes = useMemo(() => search.data?.changes ?? [], [search.data]);
  const tracesLink = useMemo(() => auditTracesLink(changes), [changes]);
  const open = changes.find((change) => change.id === openChangeId) ?? null;
  const limit = Math.min(filters.limit, AUDIT_MAX_LIMIT);

  if (!range || !key) return <Skeleton h={400} />;
  return (
    <Stack gap="md">
      <UrlProblemsAlert problems={problems} windowLabel={rangeLabel} />
      <AuditSearchFilters filters={filters} onChange={setFilters} />
      {search.isError ? (
        <QueryErrorAlert title={t("errorTitle")} error={search.error} onRetry={() => void search.refetch()} />
      ) : search.isPending ? (
        <Skeleton h={240} />
      ) : (
        <SectionCard
          title={t("results.title")}
          action={
            <Group gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-result-count">
                {t("results.count", { count: changes.length })}
              </Text>
              {tracesLink && (
                <Button
                  component={Link}
                  href={tracesLink.href}
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconListSearch size={14} />}
                  title={tracesLink.total > tracesLink.traces ? t("results.openTracesPartial", { shown: tracesLink.traces, total: tracesLink.total }) : undefined}
                  data-testid="audit-open-traces"
                >
                  {t("results.openTraces", { count: tracesLink.traces })}
                </Button>
              )}
              {/* A plain link: the browser streams the file to disk, the page holds none of it. */}
              <Button component="a" href={auditChangesExportUrl(filters, { fromMs: key.from, toMs: key.to })} download size="compact-sm" variant="light" leftSection={<IconDownload size={14} />} data-testid="audit-export">
                {t("results.export")}
              </Button>
            </Group>
          }
        >
          {changes.length >= limit && (
            <Alert variant="light" icon={<IconInfoCircle size={18} />} mb="md" p="xs">
              {t("results.truncated", { limit })}
            </Alert>
          )}
          {openChangeId && !open && (
            <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} mb="md" p="xs" data-testid="audit-change-missing">
              {t("results.changeNotShown")}
            </Alert>
          )}
          {changes.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="audit-empty">
              {t("results.empty", { window: rangeLabel ?? "" })}
            </Text>
          ) : (
            <AuditResultsTable changes={changes} selectedId={openChangeId} onOpen={openChange} />
          )}
        </SectionCard>
      )}
      <AuditChangeDrawer change={open} onClose={() => openChange(null)} />
    </Stack>
  );
}
