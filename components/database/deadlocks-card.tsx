"use client";

import { Badge, Code, Group, Stack, Table, Text, UnstyledButton, useComputedColorScheme, useMantineTheme } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import { parseAsString, useQueryState } from "nuqs";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { buildDeadlockGraph } from "@/lib/database/build-deadlock-graph";
import type { LockEvent } from "@/lib/schemas/locks";
import { OpenIncidentButton } from "@/components/incidents/open-incident-modal";
import { LockEventRequests } from "@/components/causes/lock-event-requests";
import { ProcessLinks } from "./process-links";

type Deadlock = Extract<LockEvent, { kind: "deadlock" }>;

/** The locks a process held in the cycle: what the processes it blocked were waiting for. */
function heldBy(deadlock: Deadlock, pid: number): string[] {
  return deadlock.processes.filter((p) => p.blockedBy.includes(pid) && p.waitsFor).map((p) => `${p.waitsFor!.object}`);
}

export function DeadlocksCard({ deadlocks }: { deadlocks: Deadlock[] }) {
  const t = useTranslations("database.deadlocks");
  const locale = useLocale();
  const [selectedId, setSelectedId] = useQueryState("deadlock", parseAsString.withOptions({ history: "replace" }));
  const selected = deadlocks.find((d) => d.id === selectedId) ?? deadlocks[0] ?? null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });

  return (
    <SectionCard title={t("title")} description={t("description")}>
      {deadlocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Stack>
          {selectedId !== null && !deadlocks.some((d) => d.id === selectedId) && (
            <Text size="sm" c="orange">
              {t("notInWindow", { id: selectedId })}
            </Text>
          )}
          <Table striped highlightOnHover aria-label={t("listLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("time")}</Table.Th>
                <Table.Th>{t("processes")}</Table.Th>
                <Table.Th>{t("victim")}</Table.Th>
                <Table.Th>{t("source")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deadlocks.map((d) => (
                <Table.Tr key={d.id} bg={d.id === selected?.id ? "var(--mantine-primary-color-light)" : undefined}>
                  <Table.Td>
                    <UnstyledButton onClick={() => void setSelectedId(d.id)} aria-pressed={d.id === selected?.id}>
                      <Text size="sm" td="underline">
                        {time.format(new Date(d.time))}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{d.source === "log" ? d.processes.map((p) => p.pid).join(" ⇄ ") : t("count", { count: d.count })}</Table.Td>
                  <Table.Td>{d.victimPid ?? "—"}</Table.Td>
                  <Table.Td>{t(`sources.${d.source}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {selected && <DeadlockDetail deadlock={selected} />}
        </Stack>
      )}
    </SectionCard>
  );
}

function DeadlockDetail({ deadlock }: { deadlock: Deadlock }) {
  const t = useTranslations("database.deadlocks");
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme("light", { getInitialValueInEffect: true });
  const option = useMemo(
    () =>
      buildDeadlockGraph(
        deadlock,
        {
          node: (pid, victim) => (victim ? t("victimNode", { pid }) : t("node", { pid })),
          tooltip: (p, victim) =>
            [victim ? t("victimNode", { pid: p.pid }) : t("node", { pid: p.pid }), p.query ?? "", p.waitsFor ? t("wants", { mode: p.waitsFor.mode, object: p.waitsFor.object }) : ""]
              .filter(Boolean)
              .join("\n"),
        },
        {
          text: scheme === "dark" ? theme.colors.dark[0] : theme.colors.gray[8],
          node: theme.colors.blue[6],
          victim: theme.colors.red[6],
          edge: scheme === "dark" ? theme.colors.dark[2] : theme.colors.gray[6],
        },
      ),
    [deadlock, t, theme, scheme],
  );

  if (deadlock.source === "counter") {
    return (
      <Text size="sm" c="dimmed">
        {deadlock.message ?? t("noDetails")}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="deadlock-detail">
      <Group justify="flex-end">
        <OpenIncidentButton size="xs" draft={() => deadlockIncidentDraft(deadlock, t("incidentTitle", { pids: deadlock.processes.map((p) => p.pid).join(", ") }))} />
      </Group>
      {deadlock.message && <Code block>{deadlock.message}</Code>}
      <EChart option={option} ariaLabel={t("graphLabel", { pids: deadlock.processes.map((p) => p.pid).join(", ") })} height={260} />
      <Table aria-label={t("processesLabel")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("pid")}</Table.Th>
            <Table.Th>{t("query")}</Table.Th>
            <Table.Th>{t("held")}</Table.Th>
            <Table.Th>{t("wanted")}</Table.Th>
            <Table.Th>{t("links")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlock.processes.map((p) => (
            <Table.Tr key={p.pid}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{p.pid}</Text>
                  {p.pid === deadlock.victimPid && (
                    <Badge color="red" size="sm">
                      {t("victim")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <TruncatedValue value={p.query ?? "—"} ff="monospace" lines={3} maw={420} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{heldBy(deadlock, p.pid).join(", ") || "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.waitsFor ? t("wants", { mode: p.waitsFor.mode, object: p.waitsFor.object }) : "—"}</Text>
              </Table.Td>
              <Table.Td>
                <ProcessLinks database={deadlock.database} traceId={p.traceId} pid={p.pid} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LockEventRequests eventId={deadlock.id} traceId={deadlock.processes.find((p) => p.traceId)?.traceId ?? null} />
      {deadlock.context && <Code block>{deadlock.context}</Code>}
    </Stack>
  );
}

/** Five minutes either side of the deadlock, its database, and the traces of its processes. */
function deadlockIncidentDraft(deadlock: Deadlock, title: string) {
  const atMs = Date.parse(deadlock.time);
  const traceIds = [...new Set(deadlock.processes.flatMap((p) => (p.traceId ? [p.traceId] : [])))];
  return {
    source: "deadlock" as const,
    windowFromMs: atMs - 300_000,
    windowToMs: atMs + 300_000,
    filters: { database: deadlock.database ?? "", deadlock: deadlock.id },
    evidence: traceIds.map((traceId) => ({ kind: "trace" as const, traceId })),
    title,
  };
}
