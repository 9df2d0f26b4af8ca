import "server-only";
import { cookies, headers } from "next/headers";
import { authenticate } from "./authenticate";
import type { Principal } from "./principal";
import { SESSION_COOKIE } from "./session-cookie";

/** The page's principal when someone is signed in, null otherwise (no redirect). */
export async function getSignedInPrincipal(): Promise<Principal | null> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  const result = await authenticate(headerList, cookieStore.get(SESSION_COOKIE)?.value);
  return result.ok ? result.principal : null;
}
