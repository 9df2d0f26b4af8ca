import { expect, test } from "./fixtures/test";

// Ingest keys made in the app work for OTLP at once, show when they were last used, and stop
// working once revoked.

test.use({ locale: "en-US", timezoneId: "UTC" });

const spanBody = JSON.stringify({
  resourceSpans: [{
    resource: { attributes: [{ key: "service.name", value: { stringValue: "settings-e2e" } }] },
    scopeSpans: [{ spans: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "GET /", kind: 2, startTimeUnixNano: String(BigInt(Date.now() - 1000) * 1_000_000n), endTimeUnixNano: String(BigInt(Date.now()) * 1_000_000n) }] }],
  }],
});

test("an ingest key is created, used and revoked from Settings", async ({ page, request }) => {
  const name = `checkout service ${Date.now()}`;
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  const key = await test.step("create a key and see its secret once", async () => {
    await page.getByRole("button", { name: "New key" }).click();
    await page.getByLabel("Name").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: "New key" }).click();
    const secret = (await page.getByTestId("new-ingest-key").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^sl_[A-Za-z0-9_-]{20,}$/);
    await page.getByRole("button", { name: "Done" }).click();
    return secret;
  });

  await test.step("the key is accepted by the OTLP endpoint and marked as used", async () => {
    const response = await request.post("/api/otlp/v1/traces", { data: spanBody, headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` } });
    expect(response.status()).toBe(200);
    await page.reload();
    const row = page.getByRole("region", { name: "Ingest keys" }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(key.slice(0, 8));
    await expect(row).toContainText("active");
    await expect(row).not.toContainText("never");
  });

  await test.step("revoking it makes the endpoint answer 401", async () => {
    const row = page.getByRole("region", { name: "Ingest keys" }).getByRole("row", { name: new RegExp(name) });
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("revoked");
    await expect
      .poll(async () => (await request.post("/api/otlp/v1/traces", { data: spanBody, headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` } })).status(), { timeout: 15_000 })
      .toBe(401);
    await page.screenshot({ path: "test-results/settings.png", fullPage: true });
  });
});
