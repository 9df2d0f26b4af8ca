"use client";

import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { createIngestKey } from "@/lib/client/ingest-keys-query";
import { queryKeys } from "@/lib/client/query-keys";

/** Names a new key, then shows its secret once: Sightline keeps only a hash of it. */
export function CreateIngestKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useTranslations("settings.ingestKeys");
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: createIngestKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.ingestKeys() }),
  });

  const close = () => {
    setName("");
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
          <Code block data-testid="new-ingest-key">
            {create.data.key}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={create.data.key}>
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
            create.mutate(name);
          }}
        >
          <Stack>
            <TextInput label={t("name")} description={t("nameHint")} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required maxLength={100} />
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
