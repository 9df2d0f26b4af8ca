import { expect, test as setup } from "@playwright/test";
import { adminStorageState } from "../playwright.config";
import { e2eAdmin } from "./fixtures/accounts";

// Signs the e2e admin in through the real sign-in page, once per run; every other spec starts
// from the cookie saved here (playwright.config.ts, project "chromium").

setup("sign in as the e2e admin", async ({ page }) => {
  await page.goto("/traces");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftraces/);
  await page.getByLabel(/^(E-mail|电子邮箱)/).fill(e2eAdmin.email);
  await page.getByLabel(/^(Password|密码)/).fill(e2eAdmin.password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  await expect(page).toHaveURL(/\/traces/, { timeout: 30_000 });
  await page.context().storageState({ path: adminStorageState });
});
