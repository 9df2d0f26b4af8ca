// Which pages need a signed-in user. The doors in (sign-in, first setup, accepting an invite)
// and a share link's read-only view are open; every other page redirects to sign-in.

const OPEN_PAGES = ["/sign-in", "/setup", "/invite", "/share"];

export function isOpenPage(pathname: string): boolean {
  return OPEN_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/**
 * Where to go after signing in: a path on this site, or "/". A scheme-relative `//evil.example`,
 * a backslash (`/\evil.example`, which browsers read as `//`) or an absolute URL would make the
 * sign-in an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (next.includes("\\") || /[\u0000-\u001f\u007f]/.test(next)) return "/";
  return next.slice(0, 2000);
}

export function signInPath(next: string): string {
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
