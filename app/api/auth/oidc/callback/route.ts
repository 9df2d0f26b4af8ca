import type { NextRequest } from "next/server";
import { finishOidcSignIn } from "@/lib/auth/oidc/finish-oidc-sign-in";

// GET /api/auth/oidc/callback: where the OIDC provider sends the browser back; signs in and redirects to `next`.
export function GET(request: NextRequest) {
  return finishOidcSignIn(request);
}
