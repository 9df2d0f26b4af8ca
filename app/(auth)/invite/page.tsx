import { Alert, Stack, Title } from "@mantine/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("inviteTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** An invited user sets their password through the link an admin sent them. */
export default async function InvitePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("auth");
  const token = (await searchParams).token;
  if (typeof token !== "string" || token.length === 0) {
    return (
      <Stack>
        <Title order={2} size="h3">
          {t("inviteTitle")}
        </Title>
        <Alert color="yellow">{t("inviteNeedsLink")}</Alert>
      </Stack>
    );
  }
  return <SetPasswordForm mode="invite" token={token} />;
}
