"use client";

import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { queryKeys } from "@/lib/client/query-keys";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, type Incident, type IncidentSeverity, type IncidentStatus, type UpdateIncidentBody } from "@/lib/incidents/schemas";
import { addIncidentNote, updateIncident } from "./incident-queries";

// An editor's changes to an incident: status, severity and owner in one save (resolving
// freezes its report and evidence on the server), and notes on its timeline.

function useIncidentChange<V>(incident: Incident, change: (value: V) => Promise<Incident>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.incidents.detail(incident.id), updated);
      await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all() }), queryClient.invalidateQueries({ queryKey: queryKeys.annotations.all() })]);
      onDone?.();
    },
  });
}

export function IncidentEditForm({ incident }: { incident: Incident }) {
  const t = useTranslations("incidents");
  const [status, setStatus] = useState<IncidentStatus>(incident.status);
  const [severity, setSeverity] = useState<IncidentSeverity>(incident.severity);
  const [owner, setOwner] = useState(incident.owner ?? "");
  const save = useIncidentChange(incident, (body: UpdateIncidentBody) => updateIncident(incident.id, body));
  const ownerValue = owner.trim() || null;
  const body: UpdateIncidentBody = {
    ...(status !== incident.status ? { status } : {}),
    ...(severity !== incident.severity ? { severity } : {}),
    ...(ownerValue !== incident.owner ? { owner: ownerValue } : {}),
  };
  const changed = Object.keys(body).length > 0;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) save.mutate(body);
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-end">
          <Select label={t("fields.status")} data={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={status} onChange={(v) => v && setStatus(v)} allowDeselect={false} data-testid="incident-status-select" />
          <Select label={t("fields.severity")} data={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} value={severity} onChange={(v) => v && setSeverity(v)} allowDeselect={false} />
          <TextInput label={t("fields.owner")} placeholder={t("fields.ownerPlaceholder")} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} maxLength={200} />
        </Group>
        {save.isError ? <QueryErrorAlert title={t("detail.editFailed")} error={save.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" disabled={!changed} loading={save.isPending} data-testid="incident-save">
            {t("save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AddNoteForm({ incident }: { incident: Incident }) {
  const t = useTranslations("incidents.detail");
  const [text, setText] = useState("");
  const add = useIncidentChange(incident, (note: string) => addIncidentNote(incident.id, note), () => setText(""));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) add.mutate(text.trim());
      }}
    >
      <Stack gap="xs">
        <Textarea aria-label={t("addNote")} placeholder={t("notePlaceholder")} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-testid="incident-note-input" />
        {add.isError ? <QueryErrorAlert title={t("noteFailed")} error={add.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" variant="light" disabled={!text.trim()} loading={add.isPending}>
            {t("addNote")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
