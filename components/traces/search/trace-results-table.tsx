"use client";

import { Anchor, Badge, Box, Group, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, type MouseEvent } from "react";
import { formatInstant } from "@/lib/client/time-range";
import { truncateText } from "@/lib/client/truncate-text";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { TraceSummary } from "@/lib/schemas/traces";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { serviceColor } from "@/lib/trace/service-colors";
import { ServiceName } from "../service-name";

const column = createColumnHelper<TraceSummary>();
const MAX_SERVICES_SHOWN = 4;

const startMs = (trace: TraceSummary) => Number(BigInt(trace.startTimeUnixNano) / 1_000_000n);

/**
 * A click anywhere on a row opens its trace, as a link would: Ctrl/⌘-click and the middle button
 * open a new tab, Shift-click a new window. The operation name stays a real link, for keyboard
 * users, "copy link" and the browser's own new-tab handling; clicks on it (or on any other link
 * or button in the row) are left to it. A click that ends a text selection opens nothing.
 */
function openRowOnClick(event: MouseEvent<HTMLElement>, href: string, push: (href: string) => void) {
  if (event.button > 1 || (event.target as Element).closest("a, button, input")) return;
  if (event.type === "click" && window.getSelection()?.toString()) return;
  if (event.button === 1 || event.ctrlKey || event.metaKey) window.open(href, "_blank", "noopener");
  else if (event.shiftKey) window.open(href, "_blank", "noopener,popup");
  else push(href);
}

/** The results list, sortable by any column in the browser; each row opens its trace. */
export function TraceResultsTable({ traces, traceHref }: { traces: TraceSummary[]; traceHref: (traceId: string) => string }) {
  const t = useTranslations("traces.search.results");
  const router = useRouter();
  const push = (href: string) => router.push(href);
  const timeZone = useBrowserTimeZone();
  const [sorting, setSorting] = useState<SortingState>([]);
  const longest = Math.max(1e-9, ...traces.map((trace) => trace.durationMs));

  const columns = useMemo(
    () => [
      column.accessor((trace) => `${trace.rootServiceName} ${trace.rootName}`, {
        id: "root",
        header: () => t("root"),
        cell: ({ row }) => (
          <Stack gap={0} miw={0}>
            <ServiceName name={row.original.rootServiceName} />
            <Anchor component={Link} href={traceHref(row.original.traceId)} size="sm" c="inherit" truncate="end" prefetch={false} title={truncateText(row.original.rootName, 1000)}>
              {row.original.rootName}
            </Anchor>
          </Stack>
        ),
      }),
      column.accessor(startMs, {
        id: "start",
        header: () => t("start"),
        cell: ({ getValue }) => (
          <Text size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
            {timeZone ? formatInstant(getValue(), timeZone) : ""}
          </Text>
        ),
      }),
      column.accessor("durationMs", {
        header: () => t("duration"),
        cell: ({ getValue }) => (
          <Group gap="xs" wrap="nowrap">
            <Box w={120} h={8} bg="var(--mantine-color-default-border)" style={{ borderRadius: 4, overflow: "hidden", flex: "none" }} aria-hidden>
              <Box h="100%" w={`${Math.max(1, (getValue() / longest) * 100)}%`} bg="var(--mantine-color-blue-6)" />
            </Box>
            <Text size="sm" style={{ whiteSpace: "nowrap" }}>
              {formatDurationMs(getValue())}
            </Text>
          </Group>
        ),
      }),
      column.accessor("spanCount", { header: () => t("spans"), cell: ({ getValue }) => <Text size="sm">{getValue().toLocaleString()}</Text> }),
      column.accessor("errorCount", {
        header: () => t("errors"),
        cell: ({ getValue }) =>
          getValue() > 0 ? (
            <Badge color="red" variant="light">
              {getValue().toLocaleString()}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              0
            </Text>
          ),
      }),
      column.accessor((trace) => trace.services.length, {
        id: "services",
        header: () => t("services"),
        cell: ({ row }) => (
          <Group gap={4}>
            {row.original.services.slice(0, MAX_SERVICES_SHOWN).map((service) => (
              <Badge key={service} variant="dot" color={serviceColor(service)} size="sm" tt="none" maw={180} title={truncateText(service, 1000)}>
                {service}
              </Badge>
            ))}
            {row.original.services.length > MAX_SERVICES_SHOWN && (
              <Text size="xs" c="dimmed">
                {t("moreServices", { count: row.original.services.length - MAX_SERVICES_SHOWN })}
              </Text>
            )}
          </Group>
        ),
      }),
    ],
    [t, timeZone, longest, traceHref],
  );

  // TanStack Table's instance changes without a new identity, so the React Compiler leaves
  // this component alone (as it must); the rule only reports that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: traces, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={t("label")}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const Icon = sorted === "asc" ? IconArrowUp : sorted === "desc" ? IconArrowDown : IconArrowsSort;
                return (
                  <Table.Th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                    <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                      <Group gap={4} wrap="nowrap">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <Icon size={14} stroke={1.6} />
                      </Group>
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr
              key={row.id}
              data-trace-id={row.original.traceId}
              style={{ cursor: "pointer" }}
              onClick={(event) => openRowOnClick(event, traceHref(row.original.traceId), push)}
              onAuxClick={(event) => openRowOnClick(event, traceHref(row.original.traceId), push)}
            >
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} maw={cell.column.id === "root" ? 360 : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
