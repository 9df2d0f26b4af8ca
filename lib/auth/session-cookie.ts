// The session cookie: httpOnly (scripts never see it), SameSite=Lax (sent on a top-level link
// from elsewhere, so a shared link opens signed in, but not on cross-site POSTs or fetches),
// Secure whenever the request came over HTTPS (directly or through a proxy that says so).

export const SESSION_COOKIE = "sightline_session";

export function isHttps(url: string, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : url.startsWith("https:");
}

export interface CookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  maxAge: number;
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: maxAgeSeconds };
}
