// CSRF defence for requests that a browser authenticates by cookie. The SameSite cookie keeps
// cross-site POSTs from carrying the session in current browsers; this check refuses them
// outright, whatever their content type (a cross-site form may post `text/plain`).
// Browsers send `Origin` on every POST/PUT/PATCH/DELETE and `Sec-Fetch-Site` on every request;
// a request with neither comes from a program, not from a page another site controls.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type SameOriginVerdict = { ok: true } | { ok: false; reason: string };

export function checkSameOrigin(method: string, url: string, headers: Headers): SameOriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { ok: false, reason: `cross-site request refused (Sec-Fetch-Site: ${site})` };
  }
  const origin = headers.get("origin");
  if (origin === null) return { ok: true };
  const host = requestHost(url, headers);
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return { ok: false, reason: `cross-site request refused (Origin: ${origin.slice(0, 100)})` };
  }
  return originHost === host ? { ok: true } : { ok: false, reason: `cross-site request refused (Origin ${origin.slice(0, 100)} is not this server)` };
}

/** The host the browser addressed: a reverse proxy's X-Forwarded-Host first, then Host, then the URL. */
function requestHost(url: string, headers: Headers): string {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host") || new URL(url).host).toLowerCase();
}
