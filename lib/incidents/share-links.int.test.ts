import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import * as linksRoute from "@/app/api/v1/incidents/[id]/share-links/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as revokeRoute from "@/app/api/v1/share-links/[id]/route";
import * as tracesRoute from "@/app/api/v1/traces/route";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { getPool, getPrisma } from "@/lib/db/client";
import { adminRequest } from "@/lib/testing/test-auth";
import { openShareLink } from "./open-share-link";
import { createdShareLinkSchema, incidentSchema, shareLinkListSchema, shareLinkSchema } from "./schemas";

// Share links on a real PostgreSQL: made by an editor for one incident, stored hashed, counted
// when opened, and refused — saying only why — once expired or revoked. The token is a key to
// the /share page alone: as a Bearer token or a session cookie it opens no API endpoint.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const json = { "content-type": "application/json" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function newIncident(title: string) {
  const response = await incidentsRoute.POST(
    adminRequest("/api/v1/incidents", { method: "POST", headers: json, body: JSON.stringify({ title, windowFromMs: T, windowToMs: T + 3_600_000, filters: { service: "gateway" } }) }),
    params(""),
  );
  expect(response.status).toBe(200);
  return incidentSchema.parse(await response.json());
}

async function share(incidentId: string, body: unknown) {
  const response = await linksRoute.POST(adminRequest(`/api/v1/incidents/${incidentId}/share-links`, { method: "POST", headers: json, body: JSON.stringify(body) }), params(incidentId));
  return { status: response.status, json: (await response.json()) as unknown };
}

const tokenOf = (path: string) => path.replace(/^\/share\//, "");

describe("share links", () => {
  it("open their incident read-only, count views, and store only the token's hash", async () => {
    const incident = await newIncident("Payments time out");
    const made = createdShareLinkSchema.parse((await share(incident.id, { expiresInHours: 24 })).json);
    const token = tokenOf(made.path);
    expect(token).toMatch(/^sls_[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(made.shareLink.expiresAtMs - made.shareLink.createdAtMs).toBe(24 * 3_600_000);

    const stored = await getPrisma().shareLink.findUniqueOrThrow({ where: { id: made.shareLink.id } });
    expect(stored.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const first = await openShareLink(token, Date.now());
    expect(first.state).toBe("ok");
    if (first.state === "ok") {
      expect(first.incident.id).toBe(incident.id);
      expect(first.live).toBe(true);
      expect(first.report.window).toEqual({ fromMs: T, toMs: T + 3_600_000 });
      // Whoever holds the link reads what a viewer may: no customer or order lists.
      expect(first.report.lists.withheld).toBe(true);
      expect(first.report.impact.customers.ids).toBeUndefined();
    }
    await openShareLink(token, Date.now());
    const list = await linksRoute.GET(adminRequest(`/api/v1/incidents/${incident.id}/share-links`), params(incident.id));
    const text = await list.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(stored.tokenHash);
    const [listed] = shareLinkListSchema.parse(JSON.parse(text)).shareLinks;
    expect(listed).toMatchObject({ id: made.shareLink.id, viewCount: 2, revokedAtMs: null });
    expect(listed?.lastViewedAtMs).not.toBeNull();
  });

  it("open no API endpoint, as a Bearer token or a cookie", async () => {
    const incident = await newIncident("Token scope");
    const token = tokenOf(createdShareLinkSchema.parse((await share(incident.id, {})).json).path);
    for (const headers of [{ authorization: `Bearer ${token}` }, { cookie: `sightline_session=${token}` }] as Record<string, string>[]) {
      const traces = await tracesRoute.GET(new NextRequest("http://localhost/api/v1/traces", { headers }), params(""));
      expect(traces.status).toBe(401);
      const links = await linksRoute.GET(new NextRequest(`http://localhost/api/v1/incidents/${incident.id}/share-links`, { headers }), params(incident.id));
      expect(links.status).toBe(401);
    }
  });

  it("say expired or revoked without showing anything, and unknown for any other token", async () => {
    const incident = await newIncident("Expiring");
    const made = createdShareLinkSchema.parse((await share(incident.id, { expiresInHours: 1 })).json);
    const token = tokenOf(made.path);
    expect(await openShareLink(token, made.shareLink.expiresAtMs)).toEqual({ state: "expired" });
    expect((await openShareLink(token, made.shareLink.expiresAtMs - 1)).state).toBe("ok");

    const revoked = await revokeRoute.DELETE(adminRequest(`/api/v1/share-links/${made.shareLink.id}`, { method: "DELETE" }), params(made.shareLink.id));
    expect(revoked.status).toBe(200);
    const link = shareLinkSchema.parse(await revoked.json());
    expect(link.revokedAtMs).not.toBeNull();
    expect(await openShareLink(token, Date.now())).toEqual({ state: "revoked" });
    // Revoking again keeps the first time.
    const again = shareLinkSchema.parse(await (await revokeRoute.DELETE(adminRequest(`/api/v1/share-links/${link.id}`, { method: "DELETE" }), params(link.id))).json());
    expect(again.revokedAtMs).toBe(link.revokedAtMs);

    expect(await openShareLink(`sls_${"A".repeat(43)}`, Date.now())).toEqual({ state: "unknown" });
    expect(await openShareLink("../../api/v1/traces", Date.now())).toEqual({ state: "unknown" });
    expect(await openShareLink(token.slice(0, -1), Date.now())).toEqual({ state: "unknown" });
  });

  it("refuse a bad expiry and unknown incidents or links", async () => {
    const incident = await newIncident("Bad input");
    for (const body of [{ expiresInHours: 0 }, { expiresInHours: 2_161 }, { expiresInHours: 1.5 }, { expiresInHours: "soon" }]) {
      const answer = await share(incident.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(answer.json)).toContain("expiresInHours");
    }
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await share(missing, {})).status).toBe(404);
    expect((await revokeRoute.DELETE(adminRequest(`/api/v1/share-links/${missing}`, { method: "DELETE" }), params(missing))).status).toBe(404);
  });
});
