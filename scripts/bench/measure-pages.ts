import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { buildTrace, sendTrace, type BuiltTrace } from "../../e2e/fixtures/otlp";
import { checkoutTrace } from "../../e2e/fixtures/trace-scenarios";
import type { BenchServer } from "./start-bench-server";

// Every page of the dashboard, timed the way a person sees it: from navigation start to the
// first frame in which the page's heading and its main data are on screen and no skeleton or
// chart spinner is left in the main area.

export interface PageCheck {
  name: string;
  path: string;
  /** Each must match at least `count` (default 1) visible elements in the first frame counted. */
  content: { selector: string; count?: number }[];
  budgetMs: number;
  /** Opened without the API token (the sign-in page redirects a signed-in reader away). */
  signedOut?: boolean;
}

export interface PageResult {
  check: PageCheck;
  /** ms from navigation start, first visit with an empty cache. */
  cold: number;
  /** ms from navigation start, later visits (scripts from the browser cache). */
  warm: number[];
  /** Time to the first byte of the HTML (server rendering, before streaming), warm visits. */
  ttfb: number[];
  /**
   * Warm visits, ms from navigation start: the first /api request starting (the page's scripts
   * have run) and the last one answered before the content showed; NaN for a page without.
   */
  apiStart: number[];
  apiEnd: number[];
  /** Scripts on the first visit: bytes over the wire, and their size uncompressed. */
  jsTransferBytes: number;
  jsDecodedBytes: number;
}

const h1 = { selector: "main h1" };
/**
 * Holds a chart drawn with its data: the server's SVG drawing of it in the HTML, or the live
 * canvas. (CSS does not nest :has(), so this is appended to the element that holds the chart.)
 */
export const HOLDS_DRAWN_CHART = ":has([data-server-chart] svg, canvas)";
export const BUDGET_MS = 1_000;
export const TRACE_SEARCH_BUDGET_MS = 2_000;

export function pageChecks(small: BuiltTrace): PageCheck[] {
  // The heading and the page's first card, or the notice a page shows in its place (the database
  // page with no db agent, audit and incidents with nothing stored yet).
  const firstCard = (name: string, path: string): PageCheck => ({ name, path, content: [h1, { selector: "main .mantine-Paper-root, main .mantine-Alert-root" }], budgetMs: BUDGET_MS });
  const rows = (name: string, path: string, count = 1): PageCheck => ({ name, path, content: [h1, { selector: "main table tbody tr", count }], budgetMs: BUDGET_MS });
  const listOrNotice = (name: string, path: string): PageCheck => ({ name, path, content: [h1, { selector: "main table tbody tr, main .mantine-Paper-root, main .mantine-Alert-root" }], budgetMs: BUDGET_MS });
  return [
    // The storage chart shows only once PostgreSQL has estimated the new rows: the table is the content.
    rows("overview", "/"),
    rows("services", "/services"),
    // The seeded checkouts enter at frontend-bench: its rate, errors and latency charts (with data:
    // no chart spinner is left) and its operations.
    { name: "service page", path: "/services/frontend-bench", content: [h1, { selector: `main [data-echart]${HOLDS_DRAWN_CHART}`, count: 3 }, { selector: "main table tbody tr" }], budgetMs: BUDGET_MS },
    { name: "service map", path: "/services/map", content: [h1, { selector: `main [data-echart]${HOLDS_DRAWN_CHART}` }, { selector: "main table tbody tr" }], budgetMs: BUDGET_MS },
    { name: "trace search", path: "/traces", content: [h1, { selector: "main table tbody tr" }], budgetMs: TRACE_SEARCH_BUDGET_MS },
    { name: `trace (${small.spans.length} spans)`, path: `/traces/${small.traceId}`, content: [{ selector: '[role="treeitem"]', count: small.spans.length }], budgetMs: BUDGET_MS },
    firstCard("metrics", "/metrics"),
    // The three provisioned dashboards.
    rows("dashboards", "/dashboards", 3),
    firstCard("database", "/database"),
    firstCard("audit", "/audit"),
    firstCard("reports", "/reports"),
    // The report's opening sentences over the seeded window.
    { name: "timeout report", path: "/reports/timeouts", content: [h1, { selector: '[data-testid="report-sentences"]' }], budgetMs: BUDGET_MS },
    firstCard("incidents", "/incidents"),
    // Rules, events, jobs, SLOs and violations as tables, or the notice a page shows with none yet
    // (the demo creates alert rules, an SLO, consistency rules and runs jobs).
    listOrNotice("alerts", "/alerts"),
    listOrNotice("jobs", "/jobs"),
    listOrNotice("SLOs", "/slos"),
    listOrNotice("consistency", "/consistency"),
    // BubbleUp for the seeded entry service over the last hour: its findings, or the notice.
    firstCard("why slow", "/findings/why-slow?service=frontend-bench"),
    rows("settings", "/settings", 4),
    { name: "sign-in", path: "/sign-in", content: [{ selector: "form h2" }, { selector: 'form input[type="password"]' }], budgetMs: BUDGET_MS, signedOut: true },
  ];
}

/**
 * What the pages need to show something: 200 checkout traces over the last 20 minutes (service
 * map, trace search, overview storage), and one of each settings row (users, API tokens,
 * ingest keys; creating them also fills the activity log). Returns a 12-span trace to open.
 */
export async function seedPages(server: BenchServer): Promise<BuiltTrace> {
  const now = Date.now();
  let small: BuiltTrace | undefined;
  for (let i = 0; i < 200; i++) {
    const trace = buildTrace(checkoutTrace({ suffix: "bench", paymentMs: 40 + (i % 17) * 9, paymentFails: i % 25 === 0, userId: `user-${i % 40}`, orderId: 1000 + i }), { startMs: now - 20 * 60_000 + i * 6_000 });
    await sendTrace(server.url, server.ingestKey, trace);
    small ??= trace;
  }
  const admin = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${server.apiToken}` }, body: JSON.stringify(body) }).then((r) => {
      // 409: the user is there from an earlier run against the same server (--url).
      if (!r.ok && r.status !== 409) throw new Error(`POST ${path}: ${r.status}`);
    });
  await admin("/api/v1/users", { email: "viewer@bench.example", name: "Bench Viewer", role: "viewer" });
  await admin("/api/v1/api-tokens", { name: "bench script", role: "viewer", expiresInDays: 30 });
  await admin("/api/v1/ingest-keys", { name: "bench agent" });
  return small!;
}

/** In the page, before anything else: the first frame in which every content selector is on screen. */
function recordContentVisible(content: { selector: string; count?: number }[]) {
  const w = window as unknown as { __benchContent: number | null };
  w.__benchContent = null;
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const ready = () => {
    for (const { selector, count = 1 } of content) {
      if ([...document.querySelectorAll(selector)].filter(visible).length < count) return false;
    }
    // A skeleton is a placeholder, not content, and a chart showing its spinner has no data yet.
    return ![...document.querySelectorAll('main .mantine-Skeleton-root, main [data-loading="true"]')].some(visible);
  };
  const check = () => {
    if (w.__benchContent !== null || !ready()) return;
    observer.disconnect();
    clearInterval(timer);
    requestAnimationFrame(() => {
      w.__benchContent = performance.now();
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  // Layout can make content visible without a mutation (a chart canvas sized by its box).
  const timer = setInterval(check, 16);
}

async function open(context: BrowserContext, url: string, check: PageCheck): Promise<{ page: Page; visible: number; ttfb: number; apiStart: number; apiEnd: number }> {
  const page = await context.newPage();
  // A hydration mismatch or a failed request shows here first: the timing of a page that
  // re-rendered itself on the client is not the page's timing.
  page.on("console", (message) => {
    if (message.type() === "error") console.log(`[bench:ui] ${check.name}: console error: ${message.text().slice(0, 300)}`);
  });
  page.on("pageerror", (error) => console.log(`[bench:ui] ${check.name}: page error: ${error.message.slice(0, 300)}`));
  // tsx compiles this file with esbuild's keepNames, which wraps the inner functions of
  // recordContentVisible in __name(); the page has no such helper.
  await page.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
  await page.addInitScript(recordContentVisible, check.content);
  await page.goto(url, { waitUntil: "commit" });
  try {
    await page.waitForFunction(() => (window as unknown as { __benchContent: number | null }).__benchContent !== null, undefined, { timeout: 60_000, polling: 50 });
  } catch (error) {
    // What the page showed instead of its content is the first thing to look at.
    const shot = path.join(os.tmpdir(), `bench-ui-${check.name.replace(/[^a-z0-9]+/gi, "-")}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    throw new Error(`${check.name}: content not shown within 60 s (screenshot: ${shot})`, { cause: error });
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const visible = (window as unknown as { __benchContent: number }).__benchContent;
    const api = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => new URL(e.name).pathname.startsWith("/api/") && e.startTime < visible);
    const answered = api.filter((e) => e.responseEnd <= visible);
    return {
      visible,
      ttfb: nav.responseStart,
      apiStart: api.length ? Math.min(...api.map((e) => e.startTime)) : NaN,
      apiEnd: answered.length ? Math.max(...answered.map((e) => e.responseEnd)) : NaN,
    };
  });
  return { page, ...timing };
}

const contextOptions = { viewport: { width: 1440, height: 900 }, locale: "en-US", timezoneId: "UTC" };

export async function measurePages(browser: Browser, server: BenchServer, checks: PageCheck[], runs: number, log: (line: string) => void): Promise<PageResult[]> {
  const auth = { authorization: `Bearer ${server.apiToken}` };
  const results: PageResult[] = [];
  for (const check of checks) {
    const headers = check.signedOut ? {} : auth;
    // First visit: a new browser profile, nothing cached.
    const coldContext = await browser.newContext({ ...contextOptions, extraHTTPHeaders: headers });
    const first = await open(coldContext, server.url + check.path, check);
    await first.page.waitForLoadState("load");
    const js = await first.page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name))
        .reduce((sum, e) => ({ transfer: sum.transfer + e.transferSize, decoded: sum.decoded + e.decodedBodySize }), { transfer: 0, decoded: 0 }),
    );
    await first.page.close();
    // Later visits in the same profile: the scripts come from the cache.
    const warm: number[] = [];
    const ttfb: number[] = [];
    const apiStart: number[] = [];
    const apiEnd: number[] = [];
    for (let run = 0; run < runs; run++) {
      const visit = await open(coldContext, server.url + check.path, check);
      warm.push(visit.visible);
      ttfb.push(visit.ttfb);
      apiStart.push(visit.apiStart);
      apiEnd.push(visit.apiEnd);
      await visit.page.close();
    }
    await coldContext.close();
    results.push({ check, cold: first.visible, warm, ttfb, apiStart, apiEnd, jsTransferBytes: js.transfer, jsDecodedBytes: js.decoded });
    log(`${check.name}: first visit ${first.visible.toFixed(0)} ms, later ${warm.map((v) => v.toFixed(0)).join(", ")} ms; TTFB ${ttfb.map((v) => v.toFixed(0)).join(", ")} ms`);
  }
  return results;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
const msOrDash = (value: number) => (Number.isNaN(value) ? "—" : `${value.toFixed(0)} ms`);
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-US")} KB`;

/** The table: a page passes when its first visit and its median later visit are within budget. */
export function printPages(results: PageResult[]): boolean {
  console.log("\n| page | content visible, first visit | later visits, median / max | TTFB | first /api call starts | last answer before content | JS on first visit (transfer / uncompressed) | budget | |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  let allPass = true;
  for (const r of results) {
    const pass = r.cold <= r.check.budgetMs && median(r.warm) <= r.check.budgetMs;
    allPass &&= pass;
    console.log(
      `| ${r.check.name} \`${r.check.path.replace(/[0-9a-f]{32}/, "[id]")}\` | ${r.cold.toFixed(0)} ms | ${median(r.warm).toFixed(0)} / ${Math.max(...r.warm).toFixed(0)} ms | ${median(r.ttfb).toFixed(0)} ms | ${msOrDash(median(r.apiStart))} | ${msOrDash(median(r.apiEnd))} | ${kb(r.jsTransferBytes)} / ${kb(r.jsDecodedBytes)} | ≤ ${r.check.budgetMs.toLocaleString("en-US")} ms | ${pass ? "pass" : "**FAIL**"} |`,
    );
  }
  return allPass;
}
