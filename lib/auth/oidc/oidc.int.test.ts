import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not a dependency)
import Provider from "oidc-provider";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { authenticate as authenticateFn } from "@/lib/auth/authenticate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { SESSION_COOKIE } from "../session-cookie";
import { decodeOidcFlow, OIDC_FLOW_COOKIE } from "./oidc-flow";

// OIDC sign-in against a real OpenID provider (panva's oidc-provider, in this process on a
// random port, with its development login and consent pages), through the real route handlers
// served over HTTP. A small cookie jar plays the browser: it follows every redirect by hand and
// fills in the provider's forms, so PKCE, state, nonce, the ID token and UserInfo are all checked
// by the real libraries on both sides.

const CLIENT_ID = "sightline-test";
const CLIENT_SECRET = "sightline-test-client-secret-0123456789";
const CALLBACK_PATH = "/api/auth/oidc/callback";

/** The provider's accounts by login; each test adds its own. */
const accounts = new Map<string, Record<string, unknown>>();

let routes: RouteServer;
let issuer: string;
let providerServer: http.Server;
/** What the provider's server does with a request; a test swaps it to take the provider down. */
let providerHandler: http.RequestListener = (_req, res) => res.writeHead(503).end();
/** Every response the callback handler gave, before it went over HTTP. */
const callbackResponses: Response[] = [];
let prisma: PrismaClient;
let authenticate: typeof authenticateFn;
let endPool: () => Promise<void>;

beforeAll(async () => {
  // The issuer's address must be in the environment before any server module parses it, and
  // the client's redirect URI needs the route server's port: so listen first, configure after.
  providerServer = http.createServer((req, res) => providerHandler(req, res));
  await new Promise<void>((resolve) => providerServer.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  process.env.SIGHTLINE_OIDC_ISSUER = issuer;
  process.env.SIGHTLINE_OIDC_CLIENT_ID = CLIENT_ID;
  process.env.SIGHTLINE_OIDC_CLIENT_SECRET = CLIENT_SECRET;

  const [start, callback, db, auth] = await Promise.all([
    import("@/app/api/auth/oidc/start/route"),
    import("@/app/api/auth/oidc/callback/route"),
    import("@/lib/db/client"),
    import("@/lib/auth/authenticate"),
  ]);
  prisma = db.getPrisma();
  endPool = () => db.getPool().end();
  authenticate = auth.authenticate;
  routes = await startRouteServer({
    "/api/auth/oidc/start": start,
    [CALLBACK_PATH]: {
      GET: async (request: NextRequest) => {
        const response = await callback.GET(request);
        callbackResponses.push(response.clone());
        return response;
      },
    },
  });
});

function startProvider() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [`${routes.url}${CALLBACK_PATH}`], token_endpoint_auth_method: "client_secret_basic" }],
    findAccount: (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      return claims && { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "given_name", "family_name"] },
    jwks: { keys: [privateKey.export({ format: "jwk" })] },
    cookies: { keys: ["oidc-test-cookie-signing-key"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
  });
  providerHandler = provider.callback();
}

afterAll(async () => {
  await routes?.close();
  await new Promise((resolve) => providerServer?.close(resolve));
  await endPool?.();
});

// ---- a browser, as far as these flows need one ----

interface StoredCookie {
  host: string;
  path: string;
  name: string;
  value: string;
}

/** Cookies by host (not port, as browsers do) and path prefix; redirects are left to the caller. */
class Browser {
  private cookies = new Map<string, StoredCookie>();

  async fetch(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter((c) => c.host === target.hostname && target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const headers = new Headers(init.headers);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) this.store(target.hostname, line);
    return response;
  }

  get(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }

  set(cookie: StoredCookie) {
    this.cookies.set(`${cookie.host} ${cookie.path} ${cookie.name}`, cookie);
  }

  private store(host: string, line: string) {
    const [pair, ...attributes] = line.split(";").map((part) => part.trim());
    const [name, ...rest] = pair!.split("=");
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const cookie = { host, path: attribute("path") ?? "/", name: name!, value: rest.join("=") };
    const maxAge = attribute("max-age");
    const expires = attribute("expires");
    const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.cookies.delete(`${cookie.host} ${cookie.path} ${cookie.name}`);
    else this.set(cookie);
  }
}

const isRedirect = (status: number) => status >= 300 && status < 400;
const decodeHtml = (text: string) => text.replaceAll("&amp;", "&").replaceAll("&#39;", "'").replaceAll("&quot;", '"');

interface SignInOptions {
  next?: string;
  browser?: Browser;
  /** Cancel on the provider's login page instead of signing in. */
  cancel?: boolean;
  /** Changes the provider's answer before the browser delivers it to the callback. */
  tamper?: (callbackUrl: URL) => URL;
  /** Delivers the provider's answer in this browser instead (one without the flow cookie). */
  callbackBrowser?: Browser;
}

/** Start → provider login and consent → callback, as a browser would; returns what each end said. */
async function signIn(login: string, options: SignInOptions = {}) {
  const browser = options.browser ?? new Browser();
  const start = await browser.fetch(`${routes.url}/api/auth/oidc/start?next=${encodeURIComponent(options.next ?? "/traces?service=checkout")}`);
  expect(start.status).toBe(302);
  const authorizationUrl = new URL(start.headers.get("location")!);
  let url = authorizationUrl;
  for (let step = 0; step < 20; step += 1) {
    if (url.origin === routes.url && url.pathname === CALLBACK_PATH) {
      const callback = await (options.callbackBrowser ?? browser).fetch(options.tamper ? options.tamper(url) : url);
      return { browser, start, authorizationUrl, callbackUrl: url, callback, location: callback.headers.get("location") };
    }
    const response = await browser.fetch(url);
    if (isRedirect(response.status)) {
      url = new URL(response.headers.get("location")!, url);
      continue;
    }
    const html = await response.text();
    expect(response.status, html).toBe(200);
    if (options.cancel) {
      url = new URL(decodeHtml(/<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(html)![1]!), url);
      continue;
    }
    const action = decodeHtml(/<form[^>]*action="([^"]+)"/.exec(html)![1]!);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
    const fields: Record<string, string> = prompt === "login" ? { prompt, login, password: "any password: dev interactions accept any" } : { prompt };
    const posted = await browser.fetch(new URL(action, url), { method: "POST", body: new URLSearchParams(fields) });
    expect(isRedirect(posted.status), await posted.clone().text()).toBe(true);
    url = new URL(posted.headers.get("location")!, url);
  }
  throw new Error("the provider never sent the browser back to the callback");
}

async function failures(reasonLike: string) {
  const events = await prisma.activityEvent.findMany({ where: { action: "sign_in_failed" }, orderBy: { at: "asc" } });
  return events.filter((e) => JSON.stringify(e.detail).includes(reasonLike));
}

// ---- the tests (the first runs before the provider is up) ----

describe("OIDC sign-in against a real provider", () => {
  it("sends the browser back with oidc_unavailable while the provider is down, and discovers it once it is up", async () => {
    const down = await new Browser().fetch(`${routes.url}/api/auth/oidc/start?next=/logs`);
    expect(down.status).toBe(302);
    expect(down.headers.get("location")).toBe("/sign-in?error=oidc_unavailable&next=%2Flogs");
    expect(down.headers.getSetCookie()).toEqual([]);

    startProvider();
    const up = await new Browser().fetch(`${routes.url}/api/auth/oidc/start?next=/logs`);
    expect(up.status).toBe(302);
    expect(up.headers.get("location")).toMatch(new RegExp(`^${issuer}/auth\\?`));
  });

  it("signs a new user in: PKCE, state and nonce out, a viewer account and a working session back", async () => {
    accounts.set("ana", { email: "Ana.Lima@Example.com", email_verified: true, name: "Ana Lima" });
    const { browser, start, authorizationUrl, callback, location, callbackUrl } = await signIn("ana");

    // What went to the provider, and what the browser kept meanwhile.
    const query = authorizationUrl.searchParams;
    expect(query.get("client_id")).toBe(CLIENT_ID);
    expect(query.get("redirect_uri")).toBe(`${routes.url}${CALLBACK_PATH}`);
    expect(query.get("scope")).toBe("openid email profile");
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_FLOW_COOKIE}=`))!;
    expect(flowCookie).toMatch(/; Path=\/api\/auth\/oidc/);
    expect(flowCookie).toMatch(/; Max-Age=600/);
    expect(flowCookie).toMatch(/; HttpOnly/);
    expect(flowCookie).toMatch(/; SameSite=lax/i);
    const flow = decodeOidcFlow(flowCookie.split(";")[0]!.slice(OIDC_FLOW_COOKIE.length + 1))!;
    expect(flow.next).toBe("/traces?service=checkout");
    expect(query.get("state")).toBe(flow.state);
    expect(query.get("nonce")).toBe(flow.nonce);
    expect(callbackUrl.searchParams.get("code")).toBeTruthy();

    // Signed in and sent where the user was going.
    expect(callback.status).toBe(302);
    expect(location).toBe("/traces?service=checkout");
    const token = browser.get(SESSION_COOKIE);
    expect(token).toBeTruthy();
    const handed = callbackResponses.at(-1)!.headers.getSetCookie();
    expect(handed.find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/HttpOnly/);
    expect(handed.find((c) => c.startsWith(`${OIDC_FLOW_COOKIE}=`))).toMatch(/^sightline_oidc=; Path=\/api\/auth\/oidc;.*Max-Age=0/);

    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ana.lima@example.com" } });
    expect(user).toMatchObject({ name: "Ana Lima", role: "viewer", oidcSubject: `${issuer}|ana`, deactivatedAt: null });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const verdict = await authenticate(new Headers(), token);
    expect(verdict).toMatchObject({ ok: true, principal: { kind: "session", userId: user.id, email: "ana.lima@example.com", role: "viewer" } });
    const signIns = await prisma.activityEvent.findMany({ where: { target: "ana.lima@example.com" }, orderBy: { at: "asc" } });
    expect(signIns.map((e) => e.action)).toEqual(["user_created", "sign_in"]);
    expect(signIns[1]!.detail).toEqual({ method: "oidc" });

    // The same answer again, even with the flow cookie put back: the provider takes a code once.
    browser.set({ host: "127.0.0.1", path: "/api/auth/oidc", name: OIDC_FLOW_COOKIE, value: flowCookie.split(";")[0]!.slice(OIDC_FLOW_COOKIE.length + 1) });
    const replay = await browser.fetch(callbackUrl);
    expect(replay.headers.get("location")).toBe("/sign-in?error=oidc_failed&next=%2Ftraces%3Fservice%3Dcheckout");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await failures("invalid_grant")).toHaveLength(1);

    // Signing in again finds the same user by its subject, whatever the provider's e-mail says now.
    accounts.set("ana", { email: "ana@new-domain.example", email_verified: true, name: "Ana L." });
    const again = await signIn("ana", { next: "/" });
    expect(again.location).toBe("/");
    expect(await prisma.user.count({ where: { oidcSubject: `${issuer}|ana` } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await prisma.user.count({ where: { email: "ana@new-domain.example" } })).toBe(0);
  });

  it("refuses a tampered state: back to the sign-in page, no session, the reason recorded", async () => {
    accounts.set("tom", { email: "tom@example.com", email_verified: true, name: "Tom" });
    const sessionsBefore = await prisma.session.count();
    const { browser, location } = await signIn("tom", {
      next: "/logs",
      tamper: (url) => {
        const forged = new URL(url);
        forged.searchParams.set("state", "forged-state");
        return forged;
      },
    });
    expect(location).toBe("/sign-in?error=oidc_failed&next=%2Flogs");
    expect(browser.get(SESSION_COOKIE)).toBeUndefined();
    expect(browser.get(OIDC_FLOW_COOKIE)).toBeUndefined();
    expect(await prisma.session.count()).toBe(sessionsBefore);
    expect(await prisma.user.count({ where: { email: "tom@example.com" } })).toBe(0);
    const recorded = await failures("state");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.detail).toMatchObject({ method: "oidc" });
  });

  it("refuses a callback without the flow cookie (another browser, or after ten minutes)", async () => {
    accounts.set("kim", { email: "kim@example.com", email_verified: true });
    const { location } = await signIn("kim", { callbackBrowser: new Browser() });
    expect(location).toBe("/sign-in?error=oidc_expired");
    expect(await prisma.user.count({ where: { email: "kim@example.com" } })).toBe(0);
  });

  it("links an existing user by verified e-mail, keeping the role an admin gave", async () => {
    const lead = await prisma.user.create({ data: { email: "lead@example.com", name: "", role: "editor" } });
    accounts.set("lead-at-idp", { email: "Lead@Example.com", email_verified: true, given_name: "Lea", family_name: "Dunn" });
    const { browser, location } = await signIn("lead-at-idp");
    expect(location).toBe("/traces?service=checkout");
    const linked = await prisma.user.findUniqueOrThrow({ where: { id: lead.id } });
    expect(linked).toMatchObject({ role: "editor", oidcSubject: `${issuer}|lead-at-idp`, name: "Lea Dunn" });
    expect(await authenticate(new Headers(), browser.get(SESSION_COOKIE))).toMatchObject({ ok: true, principal: { userId: lead.id, role: "editor" } });
  });

  it("does not link by an e-mail the provider has not verified, nor over another identity at this provider", async () => {
    const owner = await prisma.user.create({ data: { email: "owner@example.com", role: "admin" } });
    accounts.set("impostor", { email: "owner@example.com", email_verified: false });
    const unverified = await signIn("impostor");
    expect(unverified.location).toBe("/sign-in?error=oidc_email_unverified&next=%2Ftraces%3Fservice%3Dcheckout");
    expect(unverified.browser.get(SESSION_COOKIE)).toBeUndefined();

    await prisma.user.update({ where: { id: owner.id }, data: { oidcSubject: `${issuer}|owner` } });
    accounts.set("second-owner", { email: "owner@example.com", email_verified: true });
    const conflict = await signIn("second-owner", { next: "/" });
    expect(conflict.location).toBe("/sign-in?error=oidc_account_conflict");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ oidcSubject: `${issuer}|owner`, role: "admin" });
    expect(await prisma.session.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("re-links a user whose subject came from a provider configured before this one", async () => {
    const moved = await prisma.user.create({ data: { email: "moved@example.com", role: "editor", oidcSubject: "https://old-idp.example|m-1" } });
    accounts.set("moved", { email: "moved@example.com", email_verified: true });
    const { location } = await signIn("moved", { next: "/" });
    expect(location).toBe("/");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ oidcSubject: `${issuer}|moved`, role: "editor" });
  });

  it("refuses a deactivated user, found by subject or by e-mail", async () => {
    const gone = await prisma.user.create({ data: { email: "gone@example.com", oidcSubject: `${issuer}|gone`, deactivatedAt: new Date() } });
    accounts.set("gone", { email: "gone@example.com", email_verified: true });
    const bySubject = await signIn("gone", { next: "/" });
    expect(bySubject.location).toBe("/sign-in?error=account_deactivated");
    expect(bySubject.browser.get(SESSION_COOKIE)).toBeUndefined();

    await prisma.user.create({ data: { email: "left@example.com", deactivatedAt: new Date() } });
    accounts.set("left", { email: "left@example.com", email_verified: true });
    const byEmail = await signIn("left", { next: "/" });
    expect(byEmail.location).toBe("/sign-in?error=account_deactivated");
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "left@example.com" } })).toMatchObject({ oidcSubject: null });
    expect(await prisma.session.count({ where: { userId: gone.id } })).toBe(0);
    expect(await failures("deactivated")).toHaveLength(2);
  });

  it("needs an e-mail to make an account", async () => {
    accounts.set("anonymous", { name: "No Mail" });
    const { location } = await signIn("anonymous", { next: "/" });
    expect(location).toBe("/sign-in?error=oidc_no_email");
    expect(await prisma.user.count({ where: { oidcSubject: `${issuer}|anonymous` } })).toBe(0);
  });

  it("ends with oidc_denied when the user cancels at the provider", async () => {
    accounts.set("shy", { email: "shy@example.com", email_verified: true });
    const { location, callbackUrl } = await signIn("shy", { cancel: true, next: "/" });
    expect(callbackUrl.searchParams.get("error")).toBe("access_denied");
    expect(location).toBe("/sign-in?error=oidc_denied");
    expect(await failures("access_denied")).toHaveLength(1);
  });

  it("builds the callback address from a reverse proxy's headers, and never redirects off-site", async () => {
    const behindProxy = await new Browser().fetch(`${routes.url}/api/auth/oidc/start?next=${encodeURIComponent("//evil.example/x")}`, {
      headers: { "x-forwarded-proto": "https", "x-forwarded-host": "obs.example.com" },
    });
    expect(new URL(behindProxy.headers.get("location")!).searchParams.get("redirect_uri")).toBe("https://obs.example.com/api/auth/oidc/callback");
    const cookie = behindProxy.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/; Secure/);
    expect(decodeOidcFlow(cookie.split(";")[0]!.slice(OIDC_FLOW_COOKIE.length + 1))).toMatchObject({
      next: "/",
      redirectUri: "https://obs.example.com/api/auth/oidc/callback",
    });
  });
});
