import "server-only";
import { getPrisma } from "@/lib/db/client";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { SignedInUser } from "../create-session";
import { OidcSignInError } from "./oidc-error-codes";
import { isSubjectOf, type OidcIdentity } from "./oidc-identity";

// The Sightline user behind a provider identity, in this order:
// 1. the user already linked to this subject;
// 2. else the user with the same e-mail, linked now, but only when the provider says it verified
//    that address: an unverified claim would let anyone who can type a colleague's address into
//    their provider profile take over the colleague's account (and role);
// 3. else a new viewer. Admins raise roles; a provider never grants more than viewer.
// A deactivated user is refused whichever way they were found.

const userFields = { id: true, email: true, name: true, role: true, oidcSubject: true, deactivatedAt: true } as const;

export async function findOrCreateOidcUser(identity: OidcIdentity, issuer: string, client: RequestClient): Promise<SignedInUser> {
  const prisma = getPrisma();
  const linked = await prisma.user.findUnique({ where: { oidcSubject: identity.subject }, select: userFields });
  if (linked) return usable(linked);

  const { email } = identity;
  if (!email) throw new OidcSignInError("oidc_no_email", `the provider sent no e-mail for ${identity.subject} (is the "email" scope allowed for this client?)`);

  const existing = await prisma.user.findUnique({ where: { email }, select: userFields });
  if (existing) {
    if (!identity.emailVerified) {
      throw new OidcSignInError("oidc_email_unverified", `${email} exists but the provider did not mark it verified (email_verified), so ${identity.subject} was not linked`, email);
    }
    // Linked to another identity at this same provider: two provider accounts claim one address
    // (a re-created account, a renamed colleague). An admin decides; a provider configured
    // before this one is replaced by the verified address silently.
    if (existing.oidcSubject && isSubjectOf(issuer, existing.oidcSubject)) {
      throw new OidcSignInError("oidc_account_conflict", `${email} is linked to ${existing.oidcSubject}, not to ${identity.subject}`, email);
    }
    const user = usable(existing);
    await prisma.user.update({ where: { id: existing.id }, data: { oidcSubject: identity.subject, ...(existing.name ? {} : { name: identity.name }) } });
    await recordActivity({ action: "user_updated", actor: email, target: email, detail: { oidcSubject: identity.subject, by: "oidc" }, client });
    return { ...user, name: existing.name || identity.name };
  }

  const created = await prisma.user.create({
    data: { email, name: identity.name, role: "viewer", oidcSubject: identity.subject },
    select: userFields,
  });
  await recordActivity({
    action: "user_created",
    actor: email,
    target: email,
    detail: { role: "viewer", oidcSubject: identity.subject, emailVerified: identity.emailVerified, by: "oidc" },
    client,
  });
  return usable(created);
}

function usable(user: { id: string; email: string; name: string; role: string; deactivatedAt: Date | null }): SignedInUser {
  if (user.deactivatedAt) throw new OidcSignInError("account_deactivated", `${user.email} is deactivated`, user.email);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
