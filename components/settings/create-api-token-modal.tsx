"use client";

import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { roles, type Role } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/client/accounts-queries";
import { apiTokenExpiryChoices, expiresInDaysOf, isApiTokenExpiryChoice, type ApiTokenExpiryChoice } from "@/lib/client/api-token-status";
import { queryKeys } from "@/lib/client/query-keys";

/** Names a token, its role and expiry, then shows the secret once: Sightline keeps only a hash of it. */
export function CreateApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useTranslations("settings.apiTokens");
  const roleWords = useTranslations("settings.users.roles");
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  // 90 days, the API's own default: a forgotten script token should not work for ever.
  const [expiry, setExpiry] = useState<ApiTokenExpiryChoice>("90");
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all() }),
  });

  const close = () => {
    setName("");
    setRole("viewer");
    setExpiry("90");
    create.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={create.data ? t("createdTitle") : t("createTitle")}>
      {create.data ? (
        <Stack>
          <Alert color="yellow" variant="light">
            {t("shownOnce")}
          </Alert>
          <Code block data-testid="new-api-token">
            {create.data.token}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t("copied") : t("copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t("done")}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name: name.trim(), role, expiresInDays: expiresInDaysOf(expiry) });
          }}
        >
          <Stack>
            <TextInput label={t("name")} description={t("nameHint")} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required maxLength={100} />
            <Select
              label={t("role")}
              data={roles.map((value) => ({ value, label: roleWords(value) }))}
              value={role}
              allowDeselect={false}
              onChange={(value) => {
                const picked = roles.find((candidate) => candidate === value);
                if (picked) setRole(picked);
              }}
            />
            <Select
              label={t("expiry")}
              data={apiTokenExpiryChoices.map((value) => ({ value, label: t(`expiryChoices.${value}`) }))}
              value={expiry}
              allowDeselect={false}
              onChange={(value) => {
                if (isApiTokenExpiryChoice(value)) setExpiry(value);
              }}
            />
            {create.isError && <QueryErrorAlert title={t("createError")} error={create.error} />}
            <Text size="xs" c="dimmed">
              {t("createHint")}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("create")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
