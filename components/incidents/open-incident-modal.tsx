"use client";

import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { roleAllows } from "@/lib/auth/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, type CreateIncidentBody, type EvidenceItem, type IncidentSeverity, type IncidentStatus } from "@/lib/incidents/schemas";
import { createIncident } from "./incident-queries";

/** What a view hands over when an incident is opened from it: its window, filters and evidence. */
export interface IncidentDraft {
  source: CreateIncidentBody["source"];
  windowFromMs: number;
  windowToMs: number;
  filters: Record<string, string>;
  evidence: EvidenceItem[];
  title?: string;
}

type OpenStatus = Exclude<IncidentStatus, "resolved">;
const OPEN_STATUSES = INCIDENT_STATUSES.filter((s): s is OpenStatus => s !== "resolved");

/** The prefilled form; a new incident opens on its own page. */
export function OpenIncidentModal({ draft, onClose }: { draft: IncidentDraft; onClose: () => void }) {
  const t = useTranslations("incidents");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const router = useRouter();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(draft.title ?? "");
  const [severity, setSeverity] = useState<IncidentSeverity>("major");
  const [status, setStatus] = useState<OpenStatus>("investigating");
  const [owner, setOwner] = useState("");
  const create = useMutation({
    mutationFn: createIncident,
    onSuccess: async (incident) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all() }), queryClient.invalidateQueries({ queryKey: queryKeys.annotations.all() })]);
      onClose();
      router.push(`/incidents/${incident.id}`);
    },
  });
  const filters = Object.entries(draft.filters);

  return (
    <Modal opened onClose={onClose} title={t("open.title")} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ ...draft, title: title.trim(), severity, status, owner: owner.trim() || null });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed" data-testid="incident-draft-window">
            {t("open.window", { from: formatInstant(draft.windowFromMs, timeZone), to: formatInstant(draft.windowToMs, timeZone) })}
          </Text>
          {filters.length > 0 ? (
            <Group gap={4}>
              {filters.map(([key, value]) => (
                <Badge key={key} variant="light" color="gray" tt="none">
                  {key}: {value}
                </Badge>
              ))}
            </Group>
          ) : null}
          {draft.evidence.length > 0 ? <Text size="sm">{t("open.evidence", { count: draft.evidence.length })}</Text> : null}
          <TextInput label={t("fields.title")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} data-autofocus />
          <Group grow>
            <Select label={t("fields.severity")} data={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} value={severity} onChange={(v) => v && setSeverity(v)} allowDeselect={false} />
            <Select label={t("fields.status")} data={OPEN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={status} onChange={(v) => v && setStatus(v)} allowDeselect={false} />
          </Group>
          <TextInput label={t("fields.owner")} placeholder={t("fields.ownerPlaceholder")} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} maxLength={200} />
          {create.isError ? <QueryErrorAlert title={t("open.failed")} error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" color="red" loading={create.isPending} disabled={!title.trim()}>
              {t("open.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Open incident" for editors, on any view that can say its window and filters. */
export function OpenIncidentButton({ draft, size = "sm" }: { draft: () => IncidentDraft | null; size?: "xs" | "sm" }) {
  const t = useTranslations("incidents");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const [opened, setOpened] = useState<IncidentDraft | null>(null);
  if (!canEdit) return null;
  return (
    <>
      <Button variant="light" color="red" size={size} leftSection={<IconAlertTriangle size={16} />} onClick={() => setOpened(draft())} data-testid="open-incident">
        {t("open.button")}
      </Button>
      {opened ? <OpenIncidentModal draft={opened} onClose={() => setOpened(null)} /> : null}
    </>
  );
}
