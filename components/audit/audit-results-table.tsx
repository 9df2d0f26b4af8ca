"use client";

import { Badge, Box, Text, UnstyledButton } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { previewAuditChange } from "@/lib/audit/diff-preview";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { AuditChange } from "@/lib/schemas/audit";
import { describePrimaryKey } from "@/lib/trace/audit-diff";

export const OP_COLOR = { INSERT: "green", UPDATE: "blue", DELETE: "red" } as const;

const ROW_HEIGHT = 36;
const MAX_HEIGHT = 560;
const COLUMNS = "minmax(150px, 1.1fr) 78px minmax(110px, 1fr) minmax(80px, 0.8fr) minmax(200px, 3fr) minmax(90px, 1fr) minmax(90px, 1fr)";

const cell = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 } as const;

/**
 * The results, virtualised: only the rows in view exist in the DOM, so 1,000 changes scroll like
 * ten. Each row shows a one-line diff and opens its change in the drawer; the whole value of a
 * cut cell is its title.
 */
export function AuditResultsTable({ changes, selectedId, onOpen }: { changes: AuditChange[]; selectedId: string | null; onOpen: (id: string) => void }) {
  const t = useTranslations("audit.search.results");
  const timeZone = useBrowserTimeZone();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's instance changes without a new identity (see trace-waterfall.tsx).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: changes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => changes[index]!.id,
  });
  const header = [t("committedAt"), t("op"), t("table"), t("pk"), t("diff"), t("actor"), t("application")];
  return (
    <Box role="table" aria-label={t("label", { count: changes.length })} aria-rowcount={changes.length + 1} data-testid="audit-results">
      <Box role="row" style={{ display: "grid", gridTemplateColumns: COLUMNS, gap: 8, padding: "4px 8px", borderBottom: "1px solid var(--mantine-color-default-border)" }}>
        {header.map((label) => (
          <Text key={label} role="columnheader" size="xs" fw={600} c="dimmed" style={cell}>
            {label}
          </Text>
        ))}
      </Box>
      <div ref={scrollRef} style={{ height: Math.min(MAX_HEIGHT, changes.length * ROW_HEIGHT), overflowY: "auto" }}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const change = changes[item.index]!;
            const committed = Date.parse(change.committedAt);
            const table = `${change.schema}.${change.table}`;
            const pk = describePrimaryKey(change.pk);
            const preview = previewAuditChange(change);
            const who = change.actor ?? change.dbUser ?? "";
            const selected = change.id === selectedId;
            return (
              <UnstyledButton
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-testid="audit-row"
                data-change-id={change.id}
                onClick={() => onOpen(change.id)}
                style={{
                  position: "absolute",
                  top: item.start,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  display: "grid",
                  gridTemplateColumns: COLUMNS,
                  gap: 8,
                  alignItems: "center",
                  padding: "0 8px",
                  borderBottom: "1px solid var(--mantine-color-default-border)",
                  background: selected ? "var(--mantine-primary-color-light)" : undefined,
                }}
              >
                <Text role="cell" size="xs" ff="monospace" style={cell} title={change.committedAt}>
                  {timeZone && Number.isFinite(committed) ? formatInstant(committed, timeZone) : change.committedAt}
                </Text>
                <Box role="cell" style={cell}>
                  <Badge size="sm" variant="light" color={OP_COLOR[change.op]}>
                    {change.op}
                  </Badge>
                </Box>
                <Text role="cell" size="xs" ff="monospace" style={cell} title={`${change.database} · ${table}`}>
                  {table}
                </Text>
                <Text role="cell" size="xs" ff="monospace" style={cell} title={pk}>
                  {pk}
                </Text>
                <Text role="cell" size="xs" ff="monospace" style={cell} title={preview} data-testid="audit-row-diff">
                  {preview}
                </Text>
                <Text role="cell" size="xs" style={cell} title={who} c={who ? undefined : "dimmed"}>
                  {who || t("noActor")}
                </Text>
                <Text role="cell" size="xs" style={cell} title={change.applicationName ?? ""}>
                  {change.applicationName ?? ""}
                </Text>
              </UnstyledButton>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
