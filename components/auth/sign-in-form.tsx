"use client";

import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconKey } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { OidcErrorCode } from "@/lib/auth/oidc/oidc-error-codes";
import { postAuth } from "./post-auth";

interface Props {
  next: string;
  oidc: { name: string; href: string } | null;
  error: OidcErrorCode | null;
  /** No admin exists yet: point at the setup link instead of leaving the reader guessing. */
  awaitingSetup: boolean;
}

export function SignInForm({ next, oidc, error, awaitingSetup }: Props) {
  const t = useTranslations("auth");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<string | null>(error ? t(`errors.${error}`) : null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await postAuth("/api/auth/sign-in", { email, password });
    if (result.ok) {
      window.location.assign(next);
      return;
    }
    setFailure(result.message);
    setBusy(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("signInTitle")}
        </Title>
        {awaitingSetup ? (
          <Alert color="blue" title={t("awaitingSetupTitle")}>
            {t("awaitingSetupBody")}
          </Alert>
        ) : null}
        {failure ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput label={t("email")} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
        <PasswordInput label={t("password")} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Button type="submit" loading={busy} fullWidth>
          {t("signIn")}
        </Button>
        {oidc ? (
          <>
            <Divider label={t("or")} labelPosition="center" />
            <Button component="a" href={oidc.href} variant="default" leftSection={<IconKey size={16} />} fullWidth>
              {t("signInWith", { name: oidc.name })}
            </Button>
          </>
        ) : null}
        <Text size="xs" c="dimmed">
          {t("forgotPassword")}
        </Text>
      </Stack>
    </form>
  );
}
