import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getOidcSettings } from "@/lib/auth/oidc/oidc-config";
import { oidcErrorCodes, type OidcErrorCode } from "@/lib/auth/oidc/oidc-error-codes";
import { getSignedInPrincipal } from "@/lib/auth/get-signed-in-principal";
import { safeNextPath } from "@/lib/auth/page-access";
import { needsSetup } from "@/lib/auth/setup-first-admin";
import { env } from "@/lib/server-env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  if (await getSignedInPrincipal()) redirect(next);
  const error = typeof params.error === "string" && params.error in oidcErrorCodes ? (params.error as OidcErrorCode) : null;
  const oidc = getOidcSettings();
  return (
    <SignInForm
      next={next}
      oidc={oidc ? { name: env.SIGHTLINE_OIDC_NAME, href: `/api/auth/oidc/start?next=${encodeURIComponent(next)}` } : null}
      error={error}
      awaitingSetup={await needsSetup()}
    />
  );
}
