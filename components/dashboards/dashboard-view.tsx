"use client";

import { Alert, Badge, Button, Group, Stack, Text, Textarea, TextInput, Title, Tooltip } from "@mantine/core";
import { IconCopy, IconDeviceFloppy, IconLayoutGrid, IconPencil, IconPlus, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryStates } from "@/components/ui/query-states";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { roleAllows } from "@/lib/auth/roles";
import { FetchJsonError } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import { addPanel, applyLayout, draftChanged, removePanel, replacePanel, type DashboardDraft } from "@/lib/dashboards/edit-dashboard";
import type { Dashboard, Panel } from "@/lib/dashboards/schemas";
import { DashboardGrid } from "./dashboard-grid";
import { dashboardQuery, duplicateDashboard, saveDashboard } from "./dashboard-queries";
import { PanelEditorModal } from "./panel-editor-modal";
import { useWindowHref } from "@/components/time-range/use-window-href";

const draftOf = (d: Dashboard): DashboardDraft => ({ title: d.title, description: d.description, panels: d.panels, layout: d.layout });

/** One dashboard: its panels on the grid over the app's window; editors rearrange and change it in edit mode. */
export function DashboardView({ id }: { id: string }) {
  const t = useTranslations("dashboards");
  const dashboard = useQuery(dashboardQuery(id));
  return (
    <QueryStates query={dashboard} loadError={t("loadOneError")} isEmpty={() => false} empty={{ icon: IconLayoutGrid, text: "" }}>
      {(data) => <LoadedDashboard key={`${data.id}:${data.version}`} dashboard={data} />}
    </QueryStates>
  );
}

function LoadedDashboard({ dashboard }: { dashboard: Dashboard }) {
  const t = useTranslations("dashboards");
  const router = useRouter();
  const windowHref = useWindowHref();
  const href = (id: string) => windowHref(`/dashboards/${id}`);
  const queryClient = useQueryClient();
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const editable = canEdit && dashboard.provisioned === null;
  // A new, empty dashboard opens ready to fill.
  const [draft, setDraft] = useState<DashboardDraft | null>(editable && dashboard.panels.length === 0 ? draftOf(dashboard) : null);
  const [editingPanel, setEditingPanel] = useState<Panel | "new" | null>(null);
  const save = useMutation({
    mutationFn: (content: DashboardDraft) => saveDashboard(dashboard.id, { ...content, version: dashboard.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.dashboards.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.list() });
    },
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateDashboard(dashboard.id),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.list() });
      router.push(href(copy.id));
    },
  });
  const shown = draft ?? draftOf(dashboard);
  const stale = save.error instanceof FetchJsonError && save.error.status === 409;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        {draft ? (
          <Stack gap="xs" style={{ flex: 1, maxWidth: 720 }}>
            <TextInput aria-label={t("title")} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} maxLength={200} size="md" fw={600} />
            <Textarea aria-label={t("descriptionColumn")} placeholder={t("descriptionColumn")} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} maxLength={2000} autosize minRows={1} />
          </Stack>
        ) : (
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }}>
                {dashboard.title}
              </Title>
              {dashboard.provisioned && (
                <Tooltip label={t("provisionedHint", { file: dashboard.provisioned.file })} multiline maw={360}>
                  <Badge variant="light" color="gray" style={{ flex: "none" }}>
                    {t("provisioned")}
                  </Badge>
                </Tooltip>
              )}
            </Group>
            {dashboard.description && <Text c="dimmed">{dashboard.description}</Text>}
          </Stack>
        )}
        <Group gap="xs" wrap="nowrap" style={{ flex: "none" }}>
          {draft ? (
            <>
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditingPanel("new")}>
                {t("addPanel")}
              </Button>
              <Button
                variant="default"
                leftSection={<IconX size={16} />}
                onClick={() => {
                  save.reset();
                  setDraft(null);
                }}
              >
                {t("cancel")}
              </Button>
              <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!draftChanged(draftOf(dashboard), draft) || !draft.title.trim()} onClick={() => save.mutate(draft)}>
                {t("save")}
              </Button>
            </>
          ) : editable ? (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDraft(draftOf(dashboard))}>
              {t("edit")}
            </Button>
          ) : canEdit ? (
            <Button variant="default" leftSection={<IconCopy size={16} />} loading={duplicate.isPending} onClick={() => duplicate.mutate()}>
              {t("duplicateToEdit")}
            </Button>
          ) : null}
        </Group>
      </Group>
      {save.isError &&
        (stale ? (
          <Alert color="orange" title={t("staleTitle")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("staleBody")}</Text>
              <Button size="xs" variant="light" onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.detail(dashboard.id) })}>
                {t("reload")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <QueryErrorAlert title={t("saveError")} error={save.error} />
        ))}
      {duplicate.isError && <QueryErrorAlert title={t("duplicateError")} error={duplicate.error} />}
      {shown.panels.length === 0 ? (
        <Text c="dimmed" size="sm">
          {draft ? t("emptyEditing") : t("emptyDashboard")}
        </Text>
      ) : (
        <DashboardGrid
          panels={shown.panels}
          layout={shown.layout}
          editing={draft !== null}
          onLayoutChange={(layout) => setDraft((current) => (current ? applyLayout(current, layout) : current))}
          onEditPanel={setEditingPanel}
          onRemovePanel={(panel) => setDraft((current) => (current ? removePanel(current, panel.id) : current))}
        />
      )}
      <PanelEditorModal
        panel={editingPanel}
        onClose={() => setEditingPanel(null)}
        onDone={(panel) => {
          setDraft((current) => (current ? (editingPanel === "new" ? addPanel(current, panel) : replacePanel(current, panel)) : current));
          setEditingPanel(null);
        }}
      />
    </Stack>
  );
}
