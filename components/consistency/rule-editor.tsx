"use client";

import { Alert, Button, Grid, GridCol, Group, JsonInput, Modal, Skeleton, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { roleAllows } from "@/lib/auth/roles";
import { FetchJsonError } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import { EXAMPLE_RULES } from "@/lib/consistency/example-rules";
import { readDefinitionText, splitRuleErrors } from "@/lib/consistency/rule-form-errors";
import type { Rule, RuleBody } from "@/lib/consistency/schemas";
import { consistencyRuleQuery, createRule, deleteRule, updateRule } from "./consistency-queries";
import { RuleLanguageReference } from "./rule-language-reference";

/** /consistency/rules/new and /consistency/rules/<id>: the rule's fields and its definition as JSON. */
export function RuleEditor({ id }: { id: string | null }) {
  const t = useTranslations("consistency.editor");
  const rule = useQuery({ ...consistencyRuleQuery(id ?? ""), enabled: id !== null });
  return (
    <Stack gap="md">
      <BackLink href="/consistency">{t("back")}</BackLink>
      {id === null ? <RuleForm rule={null} /> : rule.isError ? <QueryErrorAlert title={t("loadFailed")} error={rule.error} onRetry={() => void rule.refetch()} /> : rule.isPending ? <Skeleton h={400} /> : <RuleForm rule={rule.data} />}
    </Stack>
  );
}

// A new rule starts from the first demo rule, renamed: an empty JSON field teaches nothing.
const template = EXAMPLE_RULES[0]!;

function RuleForm({ rule }: { rule: Rule | null }) {
  const t = useTranslations("consistency.editor");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(rule?.name ?? "");
  const [description, setDescription] = useState(rule?.description ?? "");
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [definition, setDefinition] = useState(JSON.stringify(rule?.definition ?? template.definition, null, 2));
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.consistency.all() });
  const save = useMutation({
    mutationFn: (body: RuleBody) => (rule ? updateRule(rule.id, body) : createRule(body)),
    onSuccess: async (saved) => {
      await refresh();
      if (!rule) router.push(`/consistency/rules/${saved.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteRule(rule!.id),
    onSuccess: async () => {
      await refresh();
      router.push("/consistency");
    },
  });

  const serverErrors = save.error instanceof FetchJsonError && save.error.kind === "api" ? splitRuleErrors(save.error.message) : null;
  const definitionError = localError ?? (serverErrors?.definition.length ? serverErrors.definition.join("\n") : null);

  const submit = () => {
    const parsed = readDefinitionText(definition);
    if (!parsed.ok) return setLocalError(t("notJson", { message: parsed.message }));
    setLocalError(null);
    // The server judges the definition (and answers with the zod path of each problem).
    save.mutate({ name, description, enabled, definition: parsed.value as RuleBody["definition"] });
  };

  return (
    <Grid gap="lg">
      <GridCol span={{ base: 12, lg: 7 }}>
        <SectionCard title={rule ? t("editTitle", { name: rule.name }) : t("newTitle")} description={canEdit ? undefined : t("readOnly")}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              {serverErrors && serverErrors.other.length > 0 && (
                <Alert color="red" variant="light" icon={<IconInfoCircle size={18} />} data-testid="rule-errors">
                  {serverErrors.other.join("; ")}
                </Alert>
              )}
              {save.isError && !serverErrors && <QueryErrorAlert title={t("saveFailed")} error={save.error} />}
              <TextInput label={t("name")} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} readOnly={!canEdit} data-testid="rule-name" />
              <Textarea label={t("description")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} maxLength={2000} readOnly={!canEdit} />
              <Switch label={t("enabled")} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} disabled={!canEdit} />
              <JsonInput
                label={t("definition")}
                description={t("definitionHint")}
                value={definition}
                onChange={(value) => {
                  setDefinition(value);
                  setLocalError(null);
                }}
                autosize
                minRows={14}
                maxRows={40}
                formatOnBlur
                validationError={t("invalidJson")}
                readOnly={!canEdit}
                error={definitionError ? <span style={{ whiteSpace: "pre-wrap" }}>{definitionError}</span> : undefined}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
                data-testid="rule-definition"
              />
              {canEdit && (
                <Group justify="space-between">
                  <Group>
                    <Button type="submit" loading={save.isPending} data-testid="rule-save">
                      {rule ? t("save") : t("create")}
                    </Button>
                    {save.isSuccess && rule && (
                      <Text size="sm" c="green" data-testid="rule-saved">
                        {t("saved")}
                      </Text>
                    )}
                  </Group>
                  {rule && (
                    <Button variant="light" color="red" onClick={() => setConfirmDelete(true)} data-testid="rule-delete">
                      {t("delete")}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </form>
        </SectionCard>
      </GridCol>
      <GridCol span={{ base: 12, lg: 5 }}>
        <SectionCard title={t("referenceTitle")}>
          <RuleLanguageReference
            onUse={
              canEdit
                ? (example) => {
                    setDefinition(JSON.stringify(example.definition, null, 2));
                    if (!rule && !name) setName(example.name);
                    if (!rule && !description) setDescription(example.description ?? "");
                  }
                : null
            }
          />
        </SectionCard>
      </GridCol>
      {rule && (
        <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t("deleteTitle")}>
          <Stack>
            <Text size="sm">{t("deleteConfirm", { name: rule.name })}</Text>
            {remove.isError && <QueryErrorAlert title={t("deleteFailed")} error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmDelete(false)}>
                {t("cancel")}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="rule-delete-confirm">
                {t("delete")}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Grid>
  );
}
