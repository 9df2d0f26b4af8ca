"use client";

import { Table, Text } from "@mantine/core";
import { formatJsonValue } from "@/lib/trace/audit-diff";

type Attributes = Record<string, Parameters<typeof formatJsonValue>[0]>;

/** Attributes as key/value rows, keys sorted; values as text (never HTML), long ones wrapped. */
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
            <Table.Td ff="monospace" style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
              {formatJsonValue(attributes[key])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
