import "server-only";
import { type NextResponse } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import { env } from "@/lib/server-env";
import { createSecretToken, hashSecretToken } from "./secret-token";
import { isHttps, SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";

// Signing a user in, whichever way they proved who they are (password, setup link, invite link,
// OIDC): a new session row, the sign-in written to the activity log, and the response that sets
// the cookie. Sessions end SIGHTLINE_SESSION_HOURS after they start (default 7 days).

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

export async function startSession(user: SignedInUser, client: RequestClient, method: string): Promise<{ token: string; maxAgeSeconds: number }> {
  const token = createSecretToken("");
  const maxAgeSeconds = env.SIGHTLINE_SESSION_HOURS * 3600;
  const now = new Date();
  await getPrisma().$transaction([
    getPrisma().session.create({
      data: { tokenHash: hashSecretToken(token), userId: user.id, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000), ip: client.ip, userAgent: client.userAgent },
    }),
    getPrisma().user.update({ where: { id: user.id }, data: { lastSignInAt: now } }),
  ]);
  await recordActivity({ action: "sign_in", actor: user.email, target: user.email, detail: { method }, client });
  return { token, maxAgeSeconds };
}

/** A JSON (or redirect) response that carries the new session's cookie. */
export function withSessionCookie(response: NextResponse, request: Request, session: { token: string; maxAgeSeconds: number }): NextResponse {
  response.cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(isHttps(request.url, request.headers), session.maxAgeSeconds));
  return response;
}

export function publicUser(user: SignedInUser) {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

