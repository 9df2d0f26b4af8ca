"use client";

import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, Skeleton, Stack, Switch, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { AlertRule } from "@/lib/alerts/schemas";
import { roleAllows } from "@/lib/auth/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { INCIDENT_SEVERITIES } from "@/lib/incidents/schemas";
import { AlertHistoryCard } from "./alert-history";
import { alertRuleQuery, contactsQuery, createAlertRule, deleteAlertRule, updateAlertRule } from "./alerts-queries";
import { draftFromParams, draftFromRule, draftToBody, EDITABLE_KINDS, type RuleDraft } from "./rule-draft";
import { RuleSourceFields } from "./rule-source-fields";

/** /alerts/rules/new (prefilled from the address) and /alerts/rules/<id>, with that rule's history below it. */
export function RuleEditor({ id }: { id: string | null }) {
  const t = useTranslations("alerts.form");
  const rule = useQuery({ ...alertRuleQuery(id ?? ""), enabled: id !== null });
  return (
    <Stack gap="md">
      <BackLink href="/alerts">{t("back")}</BackLink>
      {id === null ? <RuleForm rule={null} /> : rule.isError ? <QueryErrorAlert title={t("loadFailed")} error={rule.error} onRetry={() => void rule.refetch()} /> : rule.isPending ? <Skeleton h={400} /> : <RuleForm rule={rule.data} />}
      {rule.data && <AlertHistoryCard rule={rule.data.id} />}
    </Stack>
  );
}

function RuleForm({ rule }: { rule: AlertRule | null }) {
  const t = useTranslations("alerts.form");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const router = useRouter();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const contacts = useQuery(contactsQuery());
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : draftFromParams(new URLSearchParams(searchParams.toString()))));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts.all() });
  const save = useMutation({
    mutationFn: () => (rule ? updateAlertRule(rule.id, draftToBody(draft)) : createAlertRule(draftToBody(draft))),
    onSuccess: async () => {
      await refresh();
      router.push("/alerts");
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteAlertRule(rule!.id),
    onSuccess: async () => {
      await refresh();
      router.push("/alerts");
    },
  });
  const isSlo = draft.kind === "slo-burn";

  return (
    <SectionCard title={rule ? t("editTitle", { name: rule.name }) : t("newTitle")} description={canEdit ? t("description") : t("readOnly")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset disabled={!canEdit || isSlo} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="md">
            <Group align="flex-end">
              <TextInput label={t("name")} value={draft.name} onChange={(e) => set("name", e.currentTarget.value)} w={420} data-testid="rule-name" />
              <Switch label={t("enabled")} checked={draft.enabled} onChange={(e) => set("enabled", e.currentTarget.checked)} mb={8} />
            </Group>
            <Textarea label={t("descriptionField")} value={draft.description} onChange={(e) => set("description", e.currentTarget.value)} autosize minRows={1} />
            {!isSlo && (
              <Select
                label={t("kind")}
                data={EDITABLE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                value={draft.kind}
                onChange={(v) => v && set("kind", v)}
                allowDeselect={false}
                w={320}
                data-testid="rule-kind"
              />
            )}
            <RuleSourceFields draft={draft} set={set} />
            <Group align="flex-end">
              <Select label={t("op")} data={(["above", "below"] as const).map((op) => ({ value: op, label: t(`ops.${op}`) }))} value={draft.op} onChange={(v) => v && set("op", v)} allowDeselect={false} w={140} />
              <NumberInput label={t("threshold")} value={draft.threshold} onChange={(v) => set("threshold", v)} w={160} data-testid="rule-threshold" />
              <NumberInput label={t("forSeconds")} description={t("forHint")} value={draft.forSeconds} onChange={(v) => set("forSeconds", Number(v))} min={0} w={200} data-testid="rule-for" />
              <NumberInput label={t("everySeconds")} description={t("everyHint")} value={draft.everySeconds} onChange={(v) => set("everySeconds", Number(v))} min={10} w={200} data-testid="rule-every" />
            </Group>
            <TagsInput label={t("labels")} description={t("keyValueHint")} value={draft.labels} onChange={(v) => set("labels", v)} data-testid="rule-labels" />
            <MultiSelect
              label={t("contacts")}
              placeholder={contacts.data?.contacts.length === 0 ? t("noContacts") : undefined}
              data={(contacts.data?.contacts ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.kind})` }))}
              value={draft.contactIds}
              onChange={(v) => set("contactIds", v)}
              data-testid="rule-contacts"
            />
            <Group align="flex-end">
              <Switch label={t("openIncident")} checked={draft.openIncident} onChange={(e) => set("openIncident", e.currentTarget.checked)} data-testid="rule-open-incident" mb={8} />
              {draft.openIncident && (
                <Select label={t("incidentSeverity")} data={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: s }))} value={draft.incidentSeverity} onChange={(v) => v && set("incidentSeverity", v)} allowDeselect={false} w={160} />
              )}
            </Group>
            {save.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t("saveFailed")} data-testid="rule-save-error">
                {save.error.message}
              </Alert>
            )}
            {canEdit && !isSlo && (
              <Group justify="space-between">
                <Button type="submit" loading={save.isPending} data-testid="rule-save">
                  {rule ? t("save") : t("create")}
                </Button>
                {rule && (
                  <Button color="red" variant="subtle" onClick={() => setConfirmDelete(true)}>
                    {t("delete")}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t("deleteTitle")}>
        <Stack>
          <Text size="sm">{t("deleteConfirm", { name: rule?.name ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t("cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
