import "server-only";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/server-env";
import type { Principal } from "./principal";
import { asRole } from "./roles";
import { hashSecretToken, sameSecret } from "./secret-token";

// Who is asking: `Authorization: Bearer <API token>` first (scripts, monitors, screenshots),
// else the session cookie. Both are checked against the database on every request, so a revoked
// token, an expired session or a deactivated user is refused at once. last_used_at and
// last_seen_at are written at most once a minute each, off the request's path.

export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: string };

const TOUCH_EVERY_MS = 60_000;

export async function authenticate(headers: Headers, sessionToken: string | undefined): Promise<Authentication> {
  const authorization = headers.get("authorization")?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return { ok: false, reason: "the Authorization header must be `Bearer <API token>`" };
    return authenticateToken(match[1]!);
  }
  if (sessionToken) return authenticateSession(sessionToken);
  return { ok: false, reason: "sign in, or send `Authorization: Bearer <API token>`" };
}

async function authenticateToken(presented: string): Promise<Authentication> {
  if (env.SIGHTLINE_API_TOKEN && sameSecret(presented, env.SIGHTLINE_API_TOKEN)) {
    return { ok: true, principal: { kind: "env-token", role: "admin", label: "SIGHTLINE_API_TOKEN", userId: null } };
  }
  const token = await getPrisma().apiToken.findUnique({
    where: { tokenHash: hashSecretToken(presented) },
    select: { id: true, name: true, role: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  const now = Date.now();
  if (!token || token.revokedAt) return { ok: false, reason: "invalid or revoked API token" };
  if (token.expiresAt && token.expiresAt.getTime() <= now) return { ok: false, reason: "this API token has expired" };
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    void getPrisma().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return { ok: true, principal: { kind: "api-token", role: asRole(token.role), label: `token ${token.name}`, tokenId: token.id, userId: null } };
}

async function authenticateSession(presented: string): Promise<Authentication> {
  const session = await getPrisma().session.findUnique({
    where: { tokenHash: hashSecretToken(presented) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } } },
  });
  const now = Date.now();
  if (!session || session.user.deactivatedAt) return { ok: false, reason: "your session has ended: sign in again" };
  if (session.expiresAt.getTime() <= now) return { ok: false, reason: "your session has expired: sign in again" };
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    void getPrisma().session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } }).catch(() => {});
  }
  const { user } = session;
  return {
    ok: true,
    principal: { kind: "session", role: asRole(user.role), label: user.email, userId: user.id, sessionId: session.id, email: user.email, name: user.name },
  };
}
