"use client";

import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { postAuth } from "./post-auth";

// One form for the two ways in with a one-time link: the first admin (setup: e-mail, name and
// password) and an invited user (invite: name and password; the admin gave the e-mail).

interface Props {
  mode: "setup" | "invite";
  token: string;
}

export function SetPasswordForm({ mode, token }: Props) {
  const t = useTranslations("auth");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && repeat !== password;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return;
    setBusy(true);
    const result =
      mode === "setup"
        ? await postAuth("/api/auth/setup", { token, email, name, password })
        : await postAuth("/api/auth/accept-invite", { token, password, ...(name ? { name } : {}) });
    if (result.ok) {
      // A full load: the dashboard layout reads the new session cookie on the server.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/");
      return;
    }
    setFailure(result.message);
    setBusy(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t(mode === "setup" ? "setupTitle" : "inviteTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t(mode === "setup" ? "setupIntro" : "inviteIntro")}
        </Text>
        {failure ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {failure}
          </Alert>
        ) : null}
        {mode === "setup" ? (
          <TextInput label={t("email")} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
        ) : null}
        <TextInput label={t("name")} autoComplete="name" required={mode === "setup"} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <PasswordInput
          label={t("newPassword")}
          description={t("passwordRule")}
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PasswordInput
          label={t("repeatPassword")}
          autoComplete="new-password"
          required
          value={repeat}
          error={mismatch ? t("passwordsDiffer") : undefined}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy} disabled={mismatch} fullWidth>
          {t(mode === "setup" ? "createAdmin" : "setPassword")}
        </Button>
      </Stack>
    </form>
  );
}
