"use client";

import { Button, Divider, Group, Skeleton, Stack, Switch } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { Fragment, useMemo, useState } from "react";
import { SectionCard } from "@/components/ui/section-card";
import { UrlProblemsAlert } from "@/components/ui/url-problems-alert";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { useTimeRange } from "@/lib/client/use-time-range";
import { explorerParsers, explorerUrlRules, MAX_EXPLORER_QUERIES, usedQueries } from "@/lib/metrics/explorer-url";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { queryLetter } from "@/lib/metrics/series-name";
import { ExemplarTracesLink } from "./exemplar-traces-link";
import { MetricInfoPanel } from "./metric-info-panel";
import { MetricQueryChart } from "./metric-query-chart";
import { MetricQueryEditor } from "./metric-query-editor";

/**
 * The metrics explorer: queries A, B, … each edited on its own, all drawn on one chart over the
 * page's window. The queries live in the URL (one `q` each, see lib/metrics/explorer-url.ts), so
 * a reload or a shared link shows the same chart; a new query without a metric yet is the only
 * state kept outside it.
 */
export function MetricsExplorer() {
  const t = useTranslations("metrics.explorer");
  const { range } = useTimeRange();
  const [{ q }, setState] = useQueryStates(explorerParsers, { history: "push" });
  const queries = useMemo(() => usedQueries(q), [q]);
  const [adding, setAdding] = useState(false);
  const [showExemplars, setShowExemplars] = useState(true);
  // Editing rewrites the address with the readable queries only, so an unreadable `q` leaves it
  // at the first edit: what was wrong with the address as opened stays shown until dismissed,
  // beside what is wrong with it now (Back or a pasted link can bring new problems).
  const searchParams = useSearchParams();
  const current = useMemo(() => describeUrlProblems(new URLSearchParams(searchParams.toString()), explorerUrlRules), [searchParams]);
  const [opened, setOpened] = useState(current);
  const problems = useMemo(() => [...opened, ...current.filter((p) => !opened.some((o) => o.param === p.param && o.value === p.value))], [opened, current]);

  const setQueries = (next: MetricQuerySpec[]) => void setState({ q: next });
  // Editors keep half-typed input in their own state, so each query keeps its editor: a stable
  // key per query, moved along when one before it is removed (not its index, which would hand
  // query A's unfinished filter to B).
  const [editorKeys, setEditorKeys] = useState<{ keys: number[]; next: number }>({ keys: [], next: 0 });
  if (editorKeys.keys.length !== queries.length) {
    // Queries added or removed from the address (Back, a link): keys follow the count.
    const keys = editorKeys.keys.slice(0, queries.length);
    let next = editorKeys.next;
    while (keys.length < queries.length) keys.push(next++);
    setEditorKeys({ keys, next });
  }
  const showEmptyEditor = (adding || queries.length === 0) && queries.length < MAX_EXPLORER_QUERIES;

  return (
    <Stack gap="md">
      <UrlProblemsAlert problems={problems} onClose={opened.length > 0 ? () => setOpened([]) : undefined} />
      <SectionCard title={t("queries")} description={t("queriesDescription")}>
        <Stack gap="md">
          {queries.map((spec, index) => (
            <Fragment key={editorKeys.keys[index] ?? `new-${index}`}>
              {index > 0 ? <Divider /> : null}
              <MetricQueryEditor
                letter={queryLetter(index)}
                value={spec}
                onChange={(next) => setQueries(queries.map((one, i) => (i === index ? next : one)))}
                onRemove={() => {
                  setEditorKeys((current) => ({ ...current, keys: current.keys.filter((_, i) => i !== index) }));
                  setQueries(queries.filter((_, i) => i !== index));
                }}
              />
            </Fragment>
          ))}
          {showEmptyEditor ? (
            <>
              {queries.length > 0 ? <Divider /> : null}
              <MetricQueryEditor
                letter={queryLetter(queries.length)}
                value={null}
                onChange={(next) => {
                  setAdding(false);
                  setQueries([...queries, next]);
                }}
                onRemove={queries.length > 0 ? () => setAdding(false) : undefined}
              />
            </>
          ) : null}
          <Group justify="space-between">
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} disabled={showEmptyEditor || queries.length >= MAX_EXPLORER_QUERIES}>
              {t("addQuery")}
            </Button>
            <Switch label={t("showExemplars")} checked={showExemplars} onChange={(event) => setShowExemplars(event.currentTarget.checked)} />
          </Group>
        </Stack>
      </SectionCard>
      <SectionCard title={t("chart")} action={range && showExemplars ? <ExemplarTracesLink queries={queries} range={range} /> : null}>
        {range ? <MetricQueryChart queries={queries} range={range} height={360} showExemplars={showExemplars} /> : <Skeleton h={360} />}
      </SectionCard>
      <MetricInfoPanel queries={queries} />
    </Stack>
  );
}
