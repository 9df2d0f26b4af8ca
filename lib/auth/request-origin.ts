/**
 * The origin the browser used to reach Sightline (`https://obs.example.com`), for links that
 * Sightline hands out: a reverse proxy's X-Forwarded-Proto and -Host win over what the socket saw.
 */
export function requestOrigin(url: string, headers: Headers): string {
  const own = new URL(url);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || own.protocol.replace(":", "");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || own.host;
  return `${proto}://${host}`;
}
