"use client";

import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RoleSelect } from "./role-select";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { Role } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/client/accounts-queries";
import { apiTokenExpiryChoices, expiresInDaysOf, isApiTokenExpiryChoice, type ApiTokenExpiryChoice } from "@/lib/client/api-token-status";
import { ShownOnceSecret } from "./shown-once-secret";
import { queryKeys } from "@/lib/client/query-keys";

/** Names a token, its role and expiry, then shows the secret once: Sightline keeps only a hash of it. */
export function CreateApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useTranslations("settings.apiTokens");
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
        <ShownOnceSecret
          notice={t("shownOnce")}
          value={create.data.token}
          testId="new-api-token"
          labels={{ copy: t("copy"), copied: t("copied"), done: t("done") }}
          onDone={close}
        />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name: name.trim(), role, expiresInDays: expiresInDaysOf(expiry) });
          }}
        >
          <Stack>
            <TextInput label={t("name")} description={t("nameHint")} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required maxLength={100} />
            <RoleSelect label={t("role")} value={role} onChange={setRole} />
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
