import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate } from "./authenticate";
import { safeNextPath, signInPath } from "./page-access";
import type { Principal } from "./principal";
import { SESSION_COOKIE } from "./session-cookie";

/**
 * The signed-in user (or API token) of the page being rendered; anyone else is sent to sign-in
 * and brought back to the same URL afterwards. Pages accept `Authorization: Bearer <API token>`
 * too, so scripted screenshots and synthetic monitors need no browser sign-in.
 */
export async function getPagePrincipal(): Promise<Principal> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  const result = await authenticate(headerList, cookieStore.get(SESSION_COOKIE)?.value);
  if (!result.ok) redirect(signInPath(safeNextPath(headerList.get("x-sightline-url"))));
  return result.principal;
}
