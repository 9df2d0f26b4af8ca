"use client";

import { Alert, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems, type UrlParamRule } from "@/lib/client/describe-url-problems";
import { parseAsUnixMillis, readUnixMillis } from "@/lib/client/time-range-params";
import { findConcurrentWriters } from "@/lib/audit/find-concurrent-writers";
import { auditRowHistoryQuery } from "./audit-queries";
import { ConcurrentWriters } from "./concurrent-writers";
import { CommittedTextInput } from "./committed-text-input";
import { RowState } from "./row-state";
import { RowTimeline } from "./row-timeline";

// `at`: the moment the row is shown as of; `compare`: a second moment to diff it with. Both are
// Unix ms or ISO-8601 in the URL, like the global window, so a shared link shows the same state.
const rowParsers = { database: parseAsString, at: parseAsUnixMillis, compare: parseAsUnixMillis };
const momentRule: UrlParamRule = (value) => (readUnixMillis(value) === null ? { reason: "unreadable", instead: { kind: "ignored" } } : null);
const rowUrlRules = { at: momentRule, compare: momentRule };

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** /audit/<table>/<pk>: every change of one row, the row as it was at a moment, and two moments compared. */
export function RowHistory({ table, pk }: { table: string; pk: string }) {
  const t = useTranslations("audit.row");
  const [{ database, at, compare }, setParams] = useQueryStates(rowParsers, { history: "push" });
  const row = useMemo(() => ({ database, table, pk }), [database, table, pk]);
  const history = useInfiniteQuery(auditRowHistoryQuery(row));
  const changes = useMemo(() => history.data?.pages.flatMap((page) => page.changes), [history.data]);
  const searchParams = useSearchParams();
  const problems = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), rowUrlRules), [searchParams]);
  const concurrent = useMemo(() => findConcurrentWriters(changes ?? []), [changes]);
  const readMoment = (text: string | null) => (text === null ? null : (readUnixMillis(text.trim()) ?? Number.NaN));

  return (
    <Stack gap="md">
      <UrlProblemsAlert problems={problems} />
      <Text size="sm" c="dimmed" ff="monospace" data-testid="row-identity">
        {[database, table, pk].filter(Boolean).join(" · ")}
      </Text>
      <SectionCard title={t("stateTitle")} description={t("stateHint")}>
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <CommittedTextInput label={t("at")} placeholder="2026-12-04T10:00:00Z" value={isoOf(at)} onCommit={(text) => void setParams({ at: readMoment(text) })} testId="row-at" />
            <CommittedTextInput label={t("compare")} placeholder="2026-12-04T11:00:00Z" value={isoOf(compare)} onCommit={(text) => void setParams({ compare: readMoment(text) })} testId="row-compare" />
          </Group>
          {at !== null && Number.isFinite(at) ? (
            <RowState row={row} atMs={at} compareMs={compare !== null && Number.isFinite(compare) ? compare : null} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("pickMoment")}
            </Text>
          )}
        </Stack>
      </SectionCard>
      {concurrent.length > 0 && (
        <SectionCard title={t("concurrent.title")} description={t("concurrent.hint")}>
          <ConcurrentWriters groups={concurrent} />
        </SectionCard>
      )}
      <SectionCard title={t("timelineTitle")}>
        {history.isError && !history.isFetchNextPageError ? (
          <QueryErrorAlert title={t("historyError")} error={history.error} onRetry={() => void history.refetch()} />
        ) : !changes ? (
          <Skeleton h={240} />
        ) : changes.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="row-history-empty">
            {t("empty")}
          </Text>
        ) : (
          <Stack gap="sm">
            <RowTimeline changes={changes} onShowAt={(ms, which) => void setParams({ [which]: ms })} />
            {history.hasNextPage && (
              // The history is read a page at a time: say that it goes on, and offer the rest.
              <Alert color="blue" variant="light" data-testid="row-history-more">
                <Group justify="space-between" gap="sm">
                  <Text size="sm">{t("more", { count: changes.length })}</Text>
                  <Button size="xs" variant="light" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()} data-testid="row-history-load-more">
                    {t("loadMore")}
                  </Button>
                </Group>
              </Alert>
            )}
            {history.isFetchNextPageError && <QueryErrorAlert title={t("historyError")} error={history.error} onRetry={() => void history.fetchNextPage()} />}
          </Stack>
        )}
      </SectionCard>
    </Stack>
  );
}
