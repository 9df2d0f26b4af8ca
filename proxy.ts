import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/auth/content-security-policy";
import { isOpenPage, signInPath } from "@/lib/auth/page-access";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { addressWithWindow } from "@/lib/pages/window-redirect";

// Runs before every page (not API routes or static files): a fresh CSP nonce per request, and
// the page's own URL handed on (x-sightline-url) so the dashboard can send a signed-out reader
// to sign-in and back again. A request with neither a session cookie nor an Authorization header
// is redirected here without touching the database; whether the cookie or token is still good is
// checked by the dashboard layout (lib/auth/get-page-principal.ts). A page address without a time
// window is completed with the default one, so the server can render the page's data.

export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  // A client-side navigation's RSC request carries a cache-busting `_rsc`: not part of the page's address.
  url.searchParams.delete("_rsc");
  const { pathname, search } = url;
  const here = `${pathname}${search}`;
  if (!isOpenPage(pathname) && !request.cookies.has(SESSION_COOKIE) && !request.headers.has("authorization")) {
    return NextResponse.redirect(new URL(signInPath(here), request.url));
  }
  // A page opened without a window gets the default one before rendering (lib/pages/window-redirect.ts).
  // Not for a client-side navigation (`RSC` header): the app's links carry the window already.
  if (!isOpenPage(pathname) && request.method === "GET" && !request.headers.has("rsc")) {
    const withWindow = addressWithWindow(url, Date.now());
    if (withWindow) return NextResponse.redirect(withWindow);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-sightline-url", here);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
