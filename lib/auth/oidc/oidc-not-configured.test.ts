import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

// Without SIGHTLINE_OIDC_ISSUER both OIDC routes answer 404 with the variables to set, rather
// than a redirect to a provider that does not exist.

type Handler = (request: NextRequest) => Promise<Response>;
let start: Handler;
let callback: Handler;
beforeAll(async () => {
  // Before the routes load: the environment is parsed once, on first import.
  for (const name of ["SIGHTLINE_OIDC_ISSUER", "SIGHTLINE_OIDC_CLIENT_ID", "SIGHTLINE_OIDC_CLIENT_SECRET"]) delete process.env[name];
  start = (await import("@/app/api/auth/oidc/start/route")).GET;
  callback = (await import("@/app/api/auth/oidc/callback/route")).GET;
});

describe("OIDC routes when OIDC is not configured", () => {
  it("answer 404 naming what to set", async () => {
    for (const [handler, path] of [
      [start, "/api/auth/oidc/start?next=/"],
      [callback, "/api/auth/oidc/callback?code=x&state=y"],
    ] as const) {
      const response = await handler(new NextRequest(`http://sightline.local${path}`));
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toContain("SIGHTLINE_OIDC_ISSUER");
    }
  });
});
