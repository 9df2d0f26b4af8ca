"use client";

import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { RoleSelect } from "./role-select";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { Role } from "@/lib/auth/roles";
import { inviteUser } from "@/lib/client/accounts-queries";
import { ShownOnceSecret } from "./shown-once-secret";
import { queryKeys } from "@/lib/client/query-keys";

/**
 * Asks for e-mail, name and role, then shows the invite link once: Sightline keeps only a hash
 * of its token, and the person sets their own password through it, so no admin knows it.
 */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useTranslations("settings.users");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const invite = useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all() }),
  });

  const close = () => {
    setEmail("");
    setName("");
    setRole("viewer");
    invite.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={invite.data ? t("invitedTitle", { email: invite.data.user.email }) : t("inviteTitle")}>
      {invite.data ? (
        <ShownOnceSecret
          notice={t("inviteShownOnce", {
              email: invite.data.user.email,
              expires: format.dateTime(new Date(invite.data.inviteExpiresAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          value={invite.data.inviteUrl}
          testId="new-invite-link"
          labels={{ copy: t("copy"), copied: t("copied"), done: t("done") }}
          onDone={close}
        />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            invite.mutate({ email: email.trim(), name: name.trim(), role });
          }}
        >
          <Stack>
            <TextInput label={t("email")} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus required maxLength={320} />
            <TextInput label={t("name")} description={t("nameHint")} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} />
            <RoleSelect label={t("role")} value={role} onChange={setRole} />
            {invite.isError && <QueryErrorAlert title={t("inviteError")} error={invite.error} />}
            <Text size="xs" c="dimmed">
              {t("inviteHint")}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t("invite")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
