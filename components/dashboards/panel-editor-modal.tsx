"use client";

import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { servicesQuery } from "@/components/traces/trace-queries";
import { rangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import { RED_SHOWS, panelSchema, type Panel, type PanelKind, type RedShow } from "@/lib/dashboards/schemas";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { MetricQueriesEditor } from "./metric-queries-editor";

const KINDS: PanelKind[] = ["metric", "red", "text"];

/** Adds or changes one panel: its title and kind, then what the kind needs. Saved only with the dashboard. */
export function PanelEditorModal({ panel, onClose, onDone }: { panel: Panel | "new" | null; onClose: () => void; onDone: (panel: Panel) => void }) {
  const t = useTranslations("dashboards");
  return (
    <Modal opened={panel !== null} onClose={onClose} title={panel === "new" ? t("addPanel") : t("editPanel")} size="xl">
      {panel !== null && <PanelForm key={panel === "new" ? "new" : panel.id} initial={panel === "new" ? null : panel} onCancel={onClose} onDone={onDone} />}
    </Modal>
  );
}

function PanelForm({ initial, onCancel, onDone }: { initial: Panel | null; onCancel: () => void; onDone: (panel: Panel) => void }) {
  const t = useTranslations("dashboards");
  const [kind, setKind] = useState<PanelKind>(initial?.kind ?? "red");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [service, setService] = useState<string | null>(initial?.kind === "red" ? initial.service : null);
  const [operation, setOperation] = useState<string | null>(initial?.kind === "red" ? (initial.operation ?? null) : null);
  const [show, setShow] = useState<RedShow>(initial?.kind === "red" ? initial.show : "rate");
  const [text, setText] = useState(initial?.kind === "text" ? initial.text : "");
  const [queries, setQueries] = useState<MetricQuerySpec[]>(initial?.kind === "metric" ? initial.queries : []);
  const { range } = useTimeRange();
  const services = useQuery({ ...servicesQuery(range ? rangeKey(range) : { from: 0, to: 0 }), enabled: range !== null && kind === "red" });
  const serviceNames = services.data?.services.map((s) => s.name) ?? [];
  const operations = [...new Set(services.data?.services.find((s) => s.name === service)?.operations.map((o) => o.name) ?? [])];

  const candidate = { id: initial?.id ?? "new", kind, title, service, operation: operation ?? undefined, show, text, queries };
  const parsed = panelSchema.safeParse(candidate);
  const problem = parsed.success ? null : parsed.error.issues[0];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.success) onDone(parsed.data);
      }}
    >
      <Stack>
        <SegmentedControl value={kind} onChange={(value) => setKind(KINDS.find((k) => k === value) ?? "red")} data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
        <TextInput label={t("panelTitle")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} data-autofocus />
        {kind === "red" && (
          <>
            <Group grow align="flex-start">
              <Select
                label={t("service")}
                data={service && !serviceNames.includes(service) ? [service, ...serviceNames] : serviceNames}
                value={service}
                onChange={(value) => {
                  setService(value);
                  setOperation(null);
                }}
                searchable
                required
                nothingFoundMessage={services.isPending ? t("loadingServices") : t("noServices")}
              />
              <Select
                label={t("operation")}
                placeholder={t("allOperations")}
                data={operation && !operations.includes(operation) ? [operation, ...operations] : operations}
                value={operation}
                onChange={setOperation}
                searchable
                clearable
                disabled={!service}
              />
            </Group>
            <SegmentedControl value={show} onChange={(value) => setShow(RED_SHOWS.find((s) => s === value) ?? "rate")} data={RED_SHOWS.map((value) => ({ value, label: t(`shows.${value}`) }))} />
          </>
        )}
        {kind === "text" && <Textarea label={t("text")} description={t("textHint")} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} maxRows={14} maxLength={10_000} />}
        {kind === "metric" && <MetricQueriesEditor queries={queries} onChange={setQueries} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={!parsed.success} title={problem ? `${problem.path.join(".")}: ${problem.message}` : undefined}>
            {t("applyPanel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
