import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { loadRouteHandler } from "@/lib/testing/route-handlers";
import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { MAX_FAILURES_PER_ACCOUNT } from "./limit-sign-in-attempts";
import { prepareAccounts } from "./prepare-accounts";

// Accounts end to end through the real route handlers and a real database: the setup link,
// the environment admin, sign-in and its limits, sessions ending, invites, CSRF refusals, the
// last admin kept, and Sightline's own audit log.

const origin = "http://sightline.test";
const json = { "content-type": "application/json" };

async function send(apiPath: string, method: string, options: { body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const handler = await loadRouteHandler(apiPath.split("?")[0]!.replace(/\/[0-9a-f-]{36}$/, "/{id}"), method);
  const request = new NextRequest(`${origin}${apiPath}`, {
    method: method.toUpperCase(),
    headers: { host: "sightline.test", ...(options.body === undefined ? {} : json), ...options.headers },
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const cookie = /sightline_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  return { status: response.status, headers: response.headers, text: await response.text(), cookie };
}
const bodyOf = <T>(r: { text: string }) => JSON.parse(r.text) as T;
const withSession = (cookie: string, extra: Record<string, string> = {}) => ({ cookie: `sightline_session=${cookie}`, ...extra });

async function signIn(email: string, password: string, ip = "10.9.0.1") {
  return send("/api/auth/sign-in", "post", { body: { email, password }, headers: { "x-forwarded-for": ip, origin } });
}

describe("first start", () => {
  it("makes a setup link that works once, and the same link until it is used", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-setup-"));
    const first = await prepareAccounts(process.env.DATABASE_URL!, { dataDir });
    const again = await prepareAccounts(process.env.DATABASE_URL!, { dataDir });
    expect(first.setupToken).toMatch(/^[\w-]{40,}$/);
    expect(again.setupToken).toBe(first.setupToken);

    const wrong = await send("/api/auth/setup", "post", { body: { token: "nope", email: "root@example.com", password: "correct horse battery" }, headers: { origin } });
    expect(wrong.status).toBe(403);
    const weak = await send("/api/auth/setup", "post", { body: { token: first.setupToken, email: "root@example.com", password: "short" } });
    expect(weak.status).toBe(400);
    expect(bodyOf<{ error: { message: string } }>(weak).error.message).toContain("password: must be at least 12 characters");

    const made = await send("/api/auth/setup", "post", { body: { token: first.setupToken, email: "Root@Example.com", name: "Root", password: "correct horse battery" }, headers: { origin } });
    expect(made.status).toBe(200);
    expect(bodyOf<{ user: { email: string; role: string } }>(made).user).toMatchObject({ email: "root@example.com", role: "admin" });
    expect(made.cookie).toBeTruthy();
    expect(made.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(made.headers.get("set-cookie")).toMatch(/SameSite=lax/i);
    expect((await send("/api/v1/me", "get", { headers: withSession(made.cookie!) })).status).toBe(200);

    const reused = await send("/api/auth/setup", "post", { body: { token: first.setupToken, email: "other@example.com", password: "correct horse battery" }, headers: { origin } });
    expect(reused.status).toBe(409);
    expect((await prepareAccounts(process.env.DATABASE_URL!, { dataDir })).setupToken).toBeNull();
  });

  it("creates the environment admin, and resets its password at the next start", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-env-admin-"));
    const created = await prepareAccounts(process.env.DATABASE_URL!, { dataDir, adminEmail: "ops@example.com", adminPassword: "first password 123" });
    expect(created.adminCreated).toBe(true);
    expect((await signIn("ops@example.com", "first password 123")).status).toBe(200);
    await prepareAccounts(process.env.DATABASE_URL!, { dataDir, adminEmail: "ops@example.com", adminPassword: "second password 456" });
    expect((await signIn("ops@example.com", "first password 123", "10.9.0.2")).status).toBe(401);
    expect((await signIn("ops@example.com", "second password 456", "10.9.0.2")).status).toBe(200);
  });
});

describe("sign-in", () => {
  it("answers the same for a wrong password and an unknown e-mail, and limits guesses per account", async () => {
    const wrongPassword = await signIn("ops@example.com", "not the password", "10.9.1.1");
    const unknown = await signIn("nobody@example.com", "not the password", "10.9.1.1");
    expect([wrongPassword.status, unknown.status]).toEqual([401, 401]);
    expect(bodyOf<{ error: { message: string } }>(wrongPassword).error.message).toBe(bodyOf<{ error: { message: string } }>(unknown).error.message);

    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn("ops@example.com", `guess ${i}`, `10.9.2.${i}`);
    const limited = await signIn("ops@example.com", "second password 456", "10.9.3.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(bodyOf<{ error: { message: string } }>(limited).error.message).toContain("too many failed sign-ins");

    // Another account from another address is not held back by this one's failures.
    const made = await getPrisma().user.count({ where: { email: "root@example.com" } });
    expect(made).toBe(1);
    expect((await signIn("root@example.com", "correct horse battery", "10.9.4.1")).status).toBe(200);
  });

  it("marks the cookie Secure when the request came over HTTPS, through a proxy that says so", async () => {
    const plain = await signIn("root@example.com", "correct horse battery", "10.9.4.2");
    expect(plain.headers.get("set-cookie")).not.toMatch(/Secure/i);
    const proxied = await send("/api/auth/sign-in", "post", {
      body: { email: "root@example.com", password: "correct horse battery" },
      headers: { "x-forwarded-for": "10.9.4.2", "x-forwarded-proto": "https", origin: "https://sightline.test", "x-forwarded-host": "sightline.test" },
    });
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/i);
  });

  it("limits guesses per address across accounts", async () => {
    for (let i = 0; i < 20; i++) await signIn(`spray${i}@example.com`, "password123456", "10.9.5.5");
    expect((await signIn("root@example.com", "correct horse battery", "10.9.5.5")).status).toBe(429);
    expect((await signIn("root@example.com", "correct horse battery", "10.9.5.6")).status).toBe(200);
  });
});

describe("sessions", () => {
  it("end at sign-out and at expiry, at once (deactivation: see users)", async () => {
    const signOutCookie = (await signIn("root@example.com", "correct horse battery", "10.9.6.1")).cookie!;
    expect((await send("/api/auth/sign-out", "post", { headers: withSession(signOutCookie, { origin }) })).status).toBe(200);
    expect((await send("/api/v1/me", "get", { headers: withSession(signOutCookie) })).status).toBe(401);

    const expiring = (await signIn("root@example.com", "correct horse battery", "10.9.6.1")).cookie!;
    await getPrisma().session.updateMany({ where: { expiresAt: { gt: new Date() } }, data: { expiresAt: new Date(Date.now() - 1) } });
    const expired = await send("/api/v1/me", "get", { headers: withSession(expiring) });
    expect(expired.status).toBe(401);
    expect(expired.text).toContain("expired");
  });
});

describe("users", () => {
  it("are invited with a one-time link, get their role, and lose access when deactivated", async () => {
    const admin = (await signIn("root@example.com", "correct horse battery", "10.9.7.1")).cookie!;
    const invited = await send("/api/v1/users", "post", { body: { email: "viewer@example.com", name: "Vi", role: "viewer" }, headers: withSession(admin, { origin }) });
    expect(invited.status).toBe(200);
    const { user, inviteUrl } = bodyOf<{ user: { id: string; status: string }; inviteUrl: string }>(invited);
    expect(user.status).toBe("invited");
    expect(inviteUrl).toMatch(/^http:\/\/sightline\.test\/invite\?token=/);
    const token = new URL(inviteUrl).searchParams.get("token")!;

    const accepted = await send("/api/auth/accept-invite", "post", { body: { token, password: "viewer password 1" }, headers: { origin } });
    expect(accepted.status).toBe(200);
    expect((await send("/api/auth/accept-invite", "post", { body: { token, password: "viewer password 2" } })).status).toBe(403);

    const viewer = accepted.cookie!;
    expect((await send("/api/v1/storage", "get", { headers: withSession(viewer) })).status).toBe(200);
    const refused = await send("/api/v1/users", "get", { headers: withSession(viewer) });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("you are viewer");

    const promote = await send(`/api/v1/users/${user.id}`, "patch", { body: { role: "editor" }, params: { id: user.id }, headers: withSession(admin, { origin }) });
    expect(bodyOf<{ role: string }>(promote).role).toBe("editor");
    expect(bodyOf<{ role: string }>(await send("/api/v1/me", "get", { headers: withSession(viewer) })).role).toBe("editor");

    await send(`/api/v1/users/${user.id}`, "patch", { body: { active: false }, params: { id: user.id }, headers: withSession(admin, { origin }) });
    expect((await send("/api/v1/me", "get", { headers: withSession(viewer) })).status).toBe(401);
    expect((await signIn("viewer@example.com", "viewer password 1", "10.9.7.2")).status).toBe(403);
  });

  it("keep the last active admin", async () => {
    const admins = await getPrisma().user.findMany({ where: { role: "admin", deactivatedAt: null }, select: { id: true, email: true } });
    const [keep, ...others] = admins;
    for (const other of others) {
      const r = await send(`/api/v1/users/${other.id}`, "patch", { body: { active: false }, params: { id: other.id }, headers: adminAuthHeaders });
      expect(r.status).toBe(200);
    }
    const last = await send(`/api/v1/users/${keep!.id}`, "patch", { body: { role: "viewer" }, params: { id: keep!.id }, headers: adminAuthHeaders });
    expect(last.status).toBe(409);
    expect(last.text).toContain("last active admin");
    for (const other of others) await getPrisma().user.update({ where: { id: other.id }, data: { deactivatedAt: null } });
  });

  it("never show a password hash through any endpoint", async () => {
    const list = await send("/api/v1/users", "get", { headers: adminAuthHeaders });
    expect(list.status).toBe(200);
    expect(list.text).not.toMatch(/argon2|password_?hash|invite_?token/i);
    const me = await send("/api/v1/me", "get", { headers: withSession((await signIn("root@example.com", "correct horse battery", "10.9.8.1")).cookie!) });
    expect(me.text).not.toMatch(/argon2/);
  });
});

describe("cross-site requests", () => {
  it("are refused for cookie sessions, whatever their content type; programs with a token are not affected", async () => {
    const admin = (await signIn("root@example.com", "correct horse battery", "10.9.9.1")).cookie!;
    const body = { name: "csrf", role: "admin" };
    const crossSite = await send("/api/v1/api-tokens", "post", { body, headers: withSession(admin, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }) });
    expect(crossSite.status).toBe(403);
    const formPost = await send("/api/v1/api-tokens", "post", {
      body: JSON.stringify(body),
      headers: withSession(admin, { "content-type": "text/plain", origin: "https://evil.example" }),
    });
    expect(formPost.status).toBe(403);
    const plainSameSite = await send("/api/v1/api-tokens", "post", { body: JSON.stringify(body), headers: withSession(admin, { "content-type": "text/plain", origin }) });
    expect(plainSameSite.status).toBe(415);
    const crossSiteSignIn = await send("/api/auth/sign-in", "post", { body: { email: "root@example.com", password: "correct horse battery" }, headers: { origin: "https://evil.example" } });
    expect(crossSiteSignIn.status).toBe(403);
    expect(await getPrisma().apiToken.count({ where: { name: "csrf" } })).toBe(0);

    const sameOrigin = await send("/api/v1/api-tokens", "post", { body, headers: withSession(admin, { origin, "sec-fetch-site": "same-origin" }) });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("Sightline's own audit log", () => {
  it("records sign-ins, failures, user and token changes, with who and from where", async () => {
    const log = await send("/api/v1/activity?limit=1000", "get", { headers: adminAuthHeaders });
    const { events } = bodyOf<{ events: { action: string; actor: string; target: string | null; ip: string | null }[] }>(log);
    const actions = new Set(events.map((e) => e.action));
    for (const action of ["setup_admin", "sign_in", "sign_in_failed", "sign_out", "user_created", "user_updated", "invite_accepted", "api_token_created"]) expect(actions).toContain(action);
    expect(events.filter((e) => e.action === "sign_in_failed" && e.ip === "10.9.1.1").map((e) => e.target).sort()).toEqual(["nobody@example.com", "ops@example.com"]);
    expect(events.find((e) => e.action === "api_token_created" && e.target === "csrf")?.actor).toBe("root@example.com");
  });
});
