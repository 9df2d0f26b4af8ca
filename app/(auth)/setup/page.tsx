import { Alert, Anchor, Stack, Title } from "@mantine/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { needsSetup } from "@/lib/auth/setup-first-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("setupTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first admin, through the one-time link `npm start` prints while there is none. */
export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("auth");
  const token = (await searchParams).token;
  if (!(await needsSetup())) {
    return (
      <Stack>
        <Title order={2} size="h3">
          {t("setupTitle")}
        </Title>
        <Alert color="green">{t("setupDone")}</Alert>
        <Anchor href="/sign-in">
          {t("goToSignIn")}
        </Anchor>
      </Stack>
    );
  }
  if (typeof token !== "string" || token.length === 0) {
    return (
      <Stack>
        <Title order={2} size="h3">
          {t("setupTitle")}
        </Title>
        <Alert color="yellow">{t("setupNeedsLink")}</Alert>
      </Stack>
    );
  }
  return <SetPasswordForm mode="setup" token={token} />;
}
