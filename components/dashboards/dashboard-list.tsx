"use client";

import { ActionIcon, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput, Tooltip } from "@mantine/core";
import { IconCopy, IconLayoutGrid, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { roleAllows } from "@/lib/auth/roles";
import { queryKeys } from "@/lib/client/query-keys";
import type { DashboardSummary } from "@/lib/dashboards/schemas";
import { createDashboard, dashboardListQuery, deleteDashboard, duplicateDashboard } from "./dashboard-queries";
import { useWindowHref } from "@/components/time-range/use-window-href";

/** Every dashboard with what it holds; editors create, duplicate and delete them here. */
export function DashboardList() {
  const t = useTranslations("dashboards");
  const format = useFormatter();
  const router = useRouter();
  const windowHref = useWindowHref();
  const href = (id: string) => windowHref(`/dashboards/${id}`);
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const queryClient = useQueryClient();
  const list = useQuery(dashboardListQuery());
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DashboardSummary | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.all() });
  const duplicate = useMutation({ mutationFn: duplicateDashboard, onSuccess: (copy) => router.push(href(copy.id)), onSettled: refresh });
  const remove = useMutation({ mutationFn: deleteDashboard, onSuccess: () => setDeleting(null), onSettled: refresh });

  return (
    <SectionCard
      title={t("listTitle")}
      description={t("listDescription")}
      action={
        canEdit ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t("create")}
          </Button>
        ) : undefined
      }
    >
      {duplicate.isError && <QueryErrorAlert title={t("duplicateError")} error={duplicate.error} />}
      <QueryStates query={list} loadError={t("loadError")} isEmpty={(data) => data.dashboards.length === 0} empty={{ icon: IconLayoutGrid, text: t("empty") }}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm" aria-label={t("listTitle")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("title")}</Table.Th>
                  <Table.Th>{t("descriptionColumn")}</Table.Th>
                  <Table.Th ta="right">{t("panels")}</Table.Th>
                  <Table.Th>{t("updated")}</Table.Th>
                  {canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.dashboards.map((dashboard) => (
                  <Table.Tr key={dashboard.id} data-testid="dashboard-row">
                    <Table.Td maw={320}>
                      <Group gap="xs" wrap="nowrap">
                        {/* Cut by CSS with the whole title on hover: a copy button would nest inside the link. */}
                        <Anchor component={Link} href={href(dashboard.id)} prefetch={false} miw={0} maw={280} truncate="end" title={dashboard.title} size="sm" fw={500}>
                          {dashboard.title}
                        </Anchor>
                        {dashboard.provisioned && (
                          <Tooltip label={t("provisionedHint", { file: dashboard.provisioned.file })}>
                            <Badge variant="light" color="gray" style={{ flex: "none" }}>
                              {t("provisioned")}
                            </Badge>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {dashboard.description}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{dashboard.panelCount}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(new Date(dashboard.updatedAt), { dateStyle: "medium", timeStyle: "short" })}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t("duplicate")}>
                            <ActionIcon variant="subtle" aria-label={t("duplicateNamed", { title: dashboard.title })} loading={duplicate.isPending && duplicate.variables === dashboard.id} onClick={() => duplicate.mutate(dashboard.id)}>
                              <IconCopy size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={dashboard.provisioned ? t("provisionedNoDelete") : t("delete")}>
                            <ActionIcon variant="subtle" color="red" aria-label={t("deleteNamed", { title: dashboard.title })} disabled={dashboard.provisioned !== null} onClick={() => setDeleting(dashboard)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryStates>
      <CreateDashboardModal opened={creating} onClose={() => setCreating(false)} onCreated={(id) => router.push(href(id))} />
      <Modal
        opened={deleting !== null}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        title={t("deleteTitle")}
      >
        <Stack>
          <Text size="sm">{t("deleteBody", { title: deleting?.title ?? "" })}</Text>
          {remove.isError && <QueryErrorAlert title={t("deleteError")} error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t("cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
              {t("delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}

function CreateDashboardModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useTranslations("dashboards");
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation({
    mutationFn: createDashboard,
    onSuccess: (dashboard) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.all() });
      onCreated(dashboard.id);
    },
  });
  const close = () => {
    setTitle("");
    setDescription("");
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("createTitle")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ title: title.trim(), description: description.trim() });
        }}
      >
        <Stack>
          <TextInput label={t("title")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus required maxLength={200} />
          <Textarea label={t("descriptionColumn")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          {create.isError && <QueryErrorAlert title={t("createError")} error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {t("create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
