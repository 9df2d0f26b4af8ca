"use client";

import { Box, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type CSSProperties, type ReactNode } from "react";

/** A cell that cuts its text with an ellipsis instead of widening the column (the whole value goes in its title). */
export const gridCell = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 } as const;

const BORDER = "1px solid var(--mantine-color-default-border)";

export interface VirtualRow {
  key: string | number | bigint;
  /** aria-rowindex: the header is row 1 */
  ariaRowIndex: number;
  /** where the row sits in the scrolled list, laid out on the table's column grid */
  style: CSSProperties;
}

/**
 * A table of many rows as a CSS grid, virtualised: only the rows in view are in the DOM, so
 * thousands of rows scroll like ten (TanStack Virtual). The caller draws each row's element —
 * with role="row", the given style and cells with role="cell" — so a row can be a link, a button
 * or plain text.
 */
export function VirtualGridTable<T>({
  items,
  itemKey,
  header,
  columns,
  rowHeight,
  maxHeight,
  minWidth,
  label,
  testId,
  renderRow,
}: {
  items: readonly T[];
  itemKey: (item: T) => string;
  header: string[];
  /** grid-template-columns of the header and every row */
  columns: string;
  rowHeight: number;
  maxHeight: number;
  /** scrolls sideways below this width instead of squeezing the columns */
  minWidth?: number;
  label: string;
  testId: string;
  renderRow: (item: T, row: VirtualRow) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's instance changes without a new identity (see trace-waterfall.tsx).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (index) => itemKey(items[index]!),
  });
  const body = (
    <>
      <Box role="row" style={{ display: "grid", gridTemplateColumns: columns, gap: 8, padding: "4px 8px", borderBottom: BORDER }}>
        {header.map((text) => (
          <Text key={text} role="columnheader" size="xs" fw={600} c="dimmed" style={gridCell}>
            {text}
          </Text>
        ))}
      </Box>
      <div ref={scrollRef} style={{ height: Math.min(maxHeight, items.length * rowHeight), overflowY: "auto" }}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) =>
            renderRow(items[item.index]!, {
              key: item.key,
              ariaRowIndex: item.index + 2,
              style: { position: "absolute", top: item.start, left: 0, right: 0, height: rowHeight, display: "grid", gridTemplateColumns: columns, gap: 8, alignItems: "center", padding: "0 8px", borderBottom: BORDER },
            }),
          )}
        </div>
      </div>
    </>
  );
  return (
    <Box role="table" aria-label={label} aria-rowcount={items.length + 1} data-testid={testId} style={minWidth ? { overflowX: "auto" } : undefined}>
      {minWidth ? <Box miw={minWidth}>{body}</Box> : body}
    </Box>
  );
}
