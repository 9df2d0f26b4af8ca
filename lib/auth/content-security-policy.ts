// The pages' Content-Security-Policy. Scripts run only from this origin and with the request's
// nonce (Next.js puts it on its own inline scripts; 'strict-dynamic' lets those load the app's
// chunks). Styles allow inline: Mantine and ECharts set element styles at run time. No page
// may be framed (clickjacking), forms post only here, nothing is loaded from elsewhere.

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** What every response carries, pages and API alike (next.config.ts sets them). */
export const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin: Sightline's URLs carry trace ids and share tokens, which other sites must not
  // see; our own POSTs keep their Origin header, which the CSRF check reads.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** API answers are data, never documents to render or frame. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
