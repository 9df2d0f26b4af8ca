"use client";

import { Table, Text } from "@mantine/core";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { formatJsonValue } from "@/lib/trace/audit-diff";

// A value (an SQL statement, a stack trace, a 10 kB header) wraps over this many lines at most;
// the whole of it is a hover or a copy away.
const VALUE_LINES = 6;

type Attributes = Record<string, Parameters<typeof formatJsonValue>[0]>;

/** Attributes as key/value rows, keys sorted; values as text (never HTML), long ones wrapped and clamped. */
export function AttributeTable({ attributes, emptyText, label }: { attributes: Attributes; emptyText: string; label: string }) {
  const keys = Object.keys(attributes).sort();
  if (keys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  return (
    <Table withRowBorders verticalSpacing={4} fz="xs" aria-label={label} layout="fixed">
      <Table.Tbody>
        {keys.map((key) => (
          <Table.Tr key={key}>
            <Table.Td w="40%" style={{ overflowWrap: "anywhere" }} c="dimmed">
              {key}
            </Table.Td>
            <Table.Td>
              <TruncatedValue value={formatJsonValue(attributes[key]) ?? ""} size="xs" ff="monospace" maw="100%" lines={VALUE_LINES} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
