"use client";

import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { createIngestKey } from "@/lib/client/ingest-keys-query";
import { ShownOnceSecret } from "./shown-once-secret";
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
        <ShownOnceSecret
          notice={t("shownOnce")}
          value={create.data.key}
          testId="new-ingest-key"
          labels={{ copy: t("copy"), copied: t("copied"), done: t("done") }}
          onDone={close}
        />
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
