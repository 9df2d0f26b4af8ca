"use client";

import { Alert, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useQueryState } from "nuqs";
import { useMemo } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { rangeKey, type RangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { chooseDatabaseTab, databaseTabParser } from "@/lib/database/choose-database-tab";
import type { LockEvent } from "@/lib/schemas/locks";
import { ConnectionsCard } from "./connections-card";
import { databaseNamesQuery, LOCK_EVENT_LIMIT, lockEventsQuery } from "./database-queries";
import { DeadlocksCard } from "./deadlocks-card";
import { HealthCard } from "./health-card";
import { LockWaitsCard } from "./lock-waits-card";
import { SaturationCard } from "./saturation-card";
import { StatementsCard } from "./statements-card";
import { TablesCard } from "./tables-card";

/** One tab per monitored database: those the agent sends metrics for and those with lock events in the window. */
export function DatabaseView() {
  const t = useTranslations("database");
  const { range } = useTimeRange();
  const key = range ? rangeKey(range) : null;
  const names = useQuery({ ...databaseNamesQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  const events = useQuery({ ...lockEventsQuery(key ?? { from: 0, to: 1 }, null), enabled: key !== null, placeholderData: keepPreviousData });
  const [chosen, setChosen] = useQueryState("db", databaseTabParser.withOptions({ history: "push" }));
  // The server prefetches the open tab's data (app/(dashboard)/database/page.tsx) choosing it the same way.
  const { tabs, active } = useMemo(
    () => chooseDatabaseTab([...(names.data?.values ?? []), ...(events.data?.events.map((e) => e.database) ?? [])], chosen),
    [names.data, events.data, chosen],
  );

  if (names.error || events.error) return <QueryErrorAlert title={t("failed")} error={names.error ?? events.error} />;
  if (!key || names.isPending || events.isPending) return <Skeleton h={300} />;
  if (active === null) {
    return (
      <Alert color="gray" title={t("noneTitle")}>
        {t("none")}
      </Alert>
    );
  }
  return (
    <Tabs value={active} onChange={(value) => void setChosen(value)} keepMounted={false}>
      <Tabs.List mb="md">
        {tabs.map((name) => (
          <Tabs.Tab key={name} value={name}>
            {name}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((name) => (
        <Tabs.Panel key={name} value={name}>
          <DatabaseTab range={key} database={name} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function DatabaseTab({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database");
  const events = useQuery({ ...lockEventsQuery(range, database), placeholderData: keepPreviousData });
  const { waits, deadlocks } = useMemo(() => {
    const all = events.data?.events ?? [];
    return {
      waits: all.filter((e): e is Extract<LockEvent, { kind: "wait" }> => e.kind === "wait"),
      deadlocks: all.filter((e): e is Extract<LockEvent, { kind: "deadlock" }> => e.kind === "deadlock"),
    };
  }, [events.data]);
  return (
    <Stack>
      {events.error ? (
        <QueryErrorAlert title={t("failed")} error={events.error} onRetry={() => void events.refetch()} />
      ) : events.isPending ? (
        <Skeleton h={200} />
      ) : (
        <>
          {events.data.events.length === LOCK_EVENT_LIMIT && (
            <Text size="sm" c="orange">
              {t("truncated", { limit: LOCK_EVENT_LIMIT })}
            </Text>
          )}
          <DeadlocksCard deadlocks={deadlocks} />
          <LockWaitsCard range={range} waits={waits} />
        </>
      )}
      <ConnectionsCard range={range} database={database} />
      <SaturationCard range={range} />
      <StatementsCard range={range} database={database} />
      <TablesCard range={range} database={database} />
      <HealthCard range={range} database={database} />
    </Stack>
  );
}
