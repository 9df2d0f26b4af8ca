import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Playwright drives Debian's Chromium where there is one (never downloading a browser of its
// own), or the browser `npx playwright install chromium` put in Playwright's cache.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findBrowser(): string {
  const fromEnv = process.env.SIGHTLINE_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const system = systemChromium.find((candidate) => existsSync(candidate));
  if (system) return system;
  const bundled = safeExecutablePath();
  if (bundled && existsSync(bundled)) return bundled;
  console.error("[sightline] no browser for the end-to-end tests: install Chromium (`apt-get install chromium`) or run `npx playwright install chromium`");
  process.exit(1);
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
