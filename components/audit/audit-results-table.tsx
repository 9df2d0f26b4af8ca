"use client";

import { Badge, Box, Text, UnstyledButton } from "@mantine/core";
import { useTranslations } from "next-intl";
import { previewAuditChange } from "@/lib/audit/diff-preview";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { AuditChange } from "@/lib/schemas/audit";
import { describePrimaryKey } from "@/lib/trace/audit-diff";
import { gridCell as cell, VirtualGridTable } from "@/components/ui/virtual-grid-table";

export const OP_COLOR = { INSERT: "green", UPDATE: "blue", DELETE: "red" } as const;

const ROW_HEIGHT = 36;
const MAX_HEIGHT = 560;
const COLUMNS = "minmax(150px, 1.1fr) 78px minmax(110px, 1fr) minmax(80px, 0.8fr) minmax(200px, 3fr) minmax(90px, 1fr) minmax(90px, 1fr)";

/**
 * The results, virtualised: only the rows in view exist in the DOM, so 1,000 changes scroll like
 * ten. Each row shows a one-line diff and opens its change in the drawer; the whole value of a
 * cut cell is its title.
 */
export function AuditResultsTable({ changes, selectedId, onOpen }: { changes: AuditChange[]; selectedId: string | null; onOpen: (id: string) => void }) {
  const t = useTranslations("audit.search.results");
  const timeZone = useBrowserTimeZone();
  const header = [t("committedAt"), t("op"), t("table"), t("pk"), t("diff"), t("actor"), t("application")];
  return (
    <VirtualGridTable
      items={changes}
      itemKey={(change) => change.id}
      header={header}
      columns={COLUMNS}
      rowHeight={ROW_HEIGHT}
      maxHeight={MAX_HEIGHT}
      label={t("label", { count: changes.length })}
      testId="audit-results"
      renderRow={(change, { key, ariaRowIndex, style }) => {
        const committed = Date.parse(change.committedAt);
        const table = `${change.schema}.${change.table}`;
        const pk = describePrimaryKey(change.pk);
        const preview = previewAuditChange(change);
        const who = change.actor ?? change.dbUser ?? "";
        const selected = change.id === selectedId;
        return (
          <UnstyledButton
            key={key}
            role="row"
            aria-rowindex={ariaRowIndex}
            aria-selected={selected}
            data-testid="audit-row"
            data-change-id={change.id}
            onClick={() => onOpen(change.id)}
            style={{ ...style, background: selected ? "var(--mantine-primary-color-light)" : undefined }}
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
      }}
    />
  );
}
