import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { apiHeaders } from "./fixtures/accounts";

// Accounts as people meet them: a fresh Sightline prints a setup link, the first admin is made
// through it and signs out and in again; an invited viewer sets a password and cannot reach
// admin pages; a signed-out reader is sent to sign-in and back. Pages carry the security headers
// and run under their Content-Security-Policy without a single violation.

const signedOut = { cookies: [], origins: [] };

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^(E-mail|电子邮箱)/).fill(email);
  await page.getByLabel(/^(Password|密码)/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /^(Account|账户)$/ }).click();
  await page.getByRole("menuitem", { name: /^(Sign out|退出登录)$/ }).click();
  await expect(page).toHaveURL(/\/sign-in$/, { timeout: 30_000 });
}

/** Fails the test on any Content-Security-Policy violation the page reports. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("a fresh Sightline", () => {
  test.use({ storageState: signedOut });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-accounts-"));
  const port = 3397;
  let server: ChildProcess | undefined;
  let output = "";

  // The fresh instance's own log, printed when the test fails (its stdout is read for the setup link).
  test.afterEach(({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) console.log(`[accounts.spec] the fresh Sightline's output:\n${output}`);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGINT");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("prints a setup link; the first admin is made through it, signs out and in again", async ({ page }) => {
    test.setTimeout(180_000);
    // No admin from the environment here: this is a newcomer's first start.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "", SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_EMBEDDED_DB_PORT: "0", SIGHTLINE_DEMO: "0" };
    for (const name of ["SIGHTLINE_ADMIN_EMAIL", "SIGHTLINE_ADMIN_PASSWORD", "SIGHTLINE_API_TOKEN", "SIGHTLINE_INGEST_KEY"]) delete env[name];
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));

    const link = await test.step("npm start prints one setup link", async () => {
      await expect.poll(() => /no admin yet: open (\S+\/setup\?token=\S+)/.exec(output)?.[1], { timeout: 150_000 }).toBeTruthy();
      return /no admin yet: open (\S+\/setup\?token=\S+)/.exec(output)![1]!;
    });

    await test.step("a page without sign-in sends the reader to sign-in, which points at the setup link", async () => {
      await page.goto(`http://127.0.0.1:${port}/traces`);
      await expect(page).toHaveURL(/\/sign-in\?next=%2Ftraces$/);
      await expect(page.getByText(/Sightline has no admin yet/)).toBeVisible();
    });

    await test.step("the setup link makes the first admin and signs them in", async () => {
      await page.goto(link.replace("localhost", "127.0.0.1"));
      await page.getByLabel(/^(E-mail|电子邮箱)/).fill("first@example.com");
      await page.getByLabel(/^(Name|姓名)/).fill("First Admin");
      await page.getByLabel(/^(New password|新密码)/).fill("a long first password");
      await page.getByLabel(/^(Repeat the password|再次输入密码)/).fill("a long first password");
      await page.getByRole("button", { name: /Create admin and sign in/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Overview/, { timeout: 30_000 });
    });

    await test.step("the link is spent", async () => {
      await page.goto(link.replace("localhost", "127.0.0.1"));
      await expect(page.getByText("Sightline is set up: it has an admin.")).toBeVisible();
    });

    await test.step("sign out, then back in to the page the reader asked for", async () => {
      await page.goto(`http://127.0.0.1:${port}/`);
      await signOut(page);
      await page.goto(`http://127.0.0.1:${port}/traces`);
      await signIn(page, "first@example.com", "a long first password");
      await expect(page).toHaveURL(/\/traces/, { timeout: 30_000 });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Traces/);
    });
  });
});

test.describe("roles", () => {
  test("an invited viewer sets a password, sees the data pages, and not the admin pages", async ({ page, browser, request }) => {
    const email = `viewer-${Date.now()}@example.com`;
    const invited = await request.post("/api/v1/users", { data: { email, name: "Vera Viewer", role: "viewer" }, headers: apiHeaders });
    expect(invited.status()).toBe(200);
    const { inviteUrl } = (await invited.json()) as { inviteUrl: string };

    const viewer = await browser.newPage({ storageState: signedOut });
    const violations = watchCsp(viewer);
    await viewer.goto(new URL(inviteUrl).pathname + new URL(inviteUrl).search);
    await viewer.getByLabel(/^(New password|新密码)/).fill("viewer password long");
    await viewer.getByLabel(/^(Repeat the password|再次输入密码)/).fill("viewer password long");
    await viewer.getByRole("button", { name: /Set password and sign in/ }).click();
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(/Overview/, { timeout: 30_000 });

    const nav = viewer.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Traces" })).toBeVisible();
    // Settings is listed for everyone: a viewer reads the timeout report's settings there.
    await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
    await viewer.getByRole("button", { name: "Account" }).click();
    await expect(viewer.getByTestId("current-role")).toHaveText("Viewer");
    await viewer.keyboard.press("Escape");

    await viewer.goto("/settings");
    await expect(viewer.getByTestId("admin-only")).toContainText("Users, tokens and keys are for admins");
    await expect(viewer.getByText(email)).toHaveCount(0);
    await expect(viewer.getByRole("region", { name: "Users" })).toHaveCount(0);
    const reportSettings = viewer.getByRole("region", { name: "Timeout report" });
    await expect(reportSettings).toContainText("Only admins can change them.");
    await expect(reportSettings.getByRole("button", { name: "Save" })).toHaveCount(0);
    expect(violations).toEqual([]);
    await viewer.close();

    // The admin (this test's own page) sees the new user in Settings.
    await page.goto("/settings");
    await expect(page.getByRole("region", { name: "Users" }).getByRole("row", { name: new RegExp(email) })).toContainText("Viewer");
  });
});

test.describe("headers", () => {
  test("pages and API answers carry the security headers, and the pages work under their CSP", async ({ page, request }) => {
    const violations = watchCsp(page);
    const response = await page.goto("/traces");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Traces/);
    await page.goto("/services/map");
    await expect(page.locator("canvas").first()).toBeVisible({ timeout: 15_000 }).catch(() => undefined);
    expect(violations).toEqual([]);

    const api = await request.get("/api/v1/storage", { headers: apiHeaders });
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers()["x-powered-by"]).toBeUndefined();
    const health = await request.get("/api/health", { headers: { cookie: "" } });
    expect(health.status()).toBe(200);
  });

  test("a page opens with an API token instead of a session, as a script or monitor would", async ({ browser }) => {
    const context = await browser.newContext({ storageState: signedOut, extraHTTPHeaders: apiHeaders });
    const page = await context.newPage();
    await page.goto("/traces");
    await expect(page).toHaveURL(/\/traces/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Traces/);
    await context.close();
  });

  test("the API refuses a caller without credentials, and a cross-site form post", async ({ playwright, request }) => {
    // `request` carries the admin's session cookie, as a browser would on a form post from another site.
    const forged = await request.post("/api/v1/ingest-keys", {
      data: JSON.stringify({ name: "forged" }),
      headers: { "Content-Type": "text/plain", Origin: "https://evil.example" },
    });
    expect(forged.status()).toBe(403);
    const keys = await request.get("/api/v1/ingest-keys");
    expect(((await keys.json()) as { keys: { name: string }[] }).keys.map((k) => k.name)).not.toContain("forged");

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: signedOut });
    const refused = await anonymous.get("/api/v1/traces");
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    await anonymous.dispose();
  });
});
