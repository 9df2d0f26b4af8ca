"use client";

import { Button, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MetricQueryEditor } from "@/components/metrics/metric-query-editor";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { queryLetter } from "@/lib/metrics/series-name";

const MAX_QUERIES = 6;

/**
 * A metric panel's queries, each edited with the explorer's own editor, so a query reads and
 * behaves the same in both places. A query being added has no metric yet: it stays here, out
 * of the panel, until one is picked.
 */
export function MetricQueriesEditor({ queries, onChange }: { queries: MetricQuerySpec[]; onChange: (queries: MetricQuerySpec[]) => void }) {
  const t = useTranslations("dashboards");
  const [adding, setAdding] = useState(queries.length === 0);
  return (
    <Stack gap="md">
      <Text size="sm" fw={500}>
        {t("queries")}
      </Text>
      {queries.map((spec, index) => (
        <MetricQueryEditor
          key={index}
          value={spec}
          letter={queryLetter(index)}
          onChange={(changed) => onChange(queries.map((q, i) => (i === index ? changed : q)))}
          onRemove={queries.length > 1 || adding ? () => onChange(queries.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      {adding ? (
        <MetricQueryEditor
          value={null}
          letter={queryLetter(queries.length)}
          onChange={(spec) => {
            onChange([...queries, spec]);
            setAdding(false);
          }}
          onRemove={queries.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : queries.length < MAX_QUERIES ? (
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} style={{ alignSelf: "flex-start" }}>
          {t("addQuery")}
        </Button>
      ) : null}
    </Stack>
  );
}
