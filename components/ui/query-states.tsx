"use client";

import { Group, Skeleton, Text } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryErrorAlert } from "./query-error-alert";

/**
 * The four states of a card's data, said the same way everywhere: loading (a skeleton), failed
 * (why, with a retry), empty (a quiet line), or the data itself.
 */
export function QueryStates<T>({
  query,
  loadError,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loadError: string;
  isEmpty: (data: T) => boolean;
  empty: { icon: Icon; text: string };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton height={80} />;
  if (query.isError) return <QueryErrorAlert title={loadError} error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data)) {
    const EmptyIcon = empty.icon;
    return (
      <Group gap="xs" c="dimmed">
        <EmptyIcon size={18} />
        <Text size="sm">{empty.text}</Text>
      </Group>
    );
  }
  return children(query.data);
}
