import type { NextRequest } from "next/server";
import { startOidcSignIn } from "@/lib/auth/oidc/start-oidc-sign-in";

// GET /api/auth/oidc/start?next=/path: off to the OIDC provider's sign-in page (404 when OIDC is not configured).
export function GET(request: NextRequest) {
  return startOidcSignIn(request);
}
