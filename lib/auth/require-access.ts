import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/http/api-error";
import { authenticate } from "./authenticate";
import { checkSameOrigin } from "./check-same-origin";
import type { Principal } from "./principal";
import { roleAllows, type Role } from "./roles";
import { SESSION_COOKIE } from "./session-cookie";

/**
 * The door of every `/api/v1/*` route: 401 without valid credentials, 403 when the role is too
 * small, and 403 for a state-changing request a browser sent from another site with the cookie.
 */
export async function requireAccess(request: NextRequest, needed: Role): Promise<Principal> {
  const result = await authenticate(request.headers, request.cookies.get(SESSION_COOKIE)?.value);
  if (!result.ok) throw new ApiError("unauthorized", result.reason);
  const { principal } = result;
  if (principal.kind === "session") {
    const verdict = checkSameOrigin(request.method, request.url, request.headers);
    if (!verdict.ok) throw new ApiError("forbidden", verdict.reason);
  }
  if (!roleAllows(principal.role, needed)) {
    throw new ApiError("forbidden", `this needs the ${needed} role; ${principal.kind === "session" ? "you are" : "this token is"} ${principal.role}`);
  }
  return principal;
}
