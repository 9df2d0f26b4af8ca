import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { apiHeaders } from "./fixtures/accounts";
import { buildTrace, sendAuditChanges, sendTrace, waitForTrace, type AuditRow } from "./fixtures/otlp";
import { sendMetrics } from "./fixtures/otlp-metrics";
import { bigTrace, checkoutTrace } from "./fixtures/trace-scenarios";

// Pages show their data with the first paint (issue 16's page budget): an address without a
// window is completed by the server with the default one, and the page's first data is in the
// HTML it sends, before any script has run. Read here as raw HTML, as a browser receives it.

const suffix = randomBytes(3).toString("hex");
const checkout = `checkout-${suffix}`;

const trace = buildTrace(checkoutTrace({ suffix, paymentMs: 120, paymentFails: false, userId: "user-ssr", orderId: 9300 }), { startMs: Date.now() - 5 * 60_000 });

test.beforeAll(async ({ baseURL }) => {
  await sendTrace(baseURL!, e2eIngestKey, trace);
  await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
});

test("an address without a window is sent on to the same page with the last hour, other parameters kept", async ({ request }) => {
  const before = Date.now();
  const answer = await request.get(`/traces?service=${checkout}`, { headers: apiHeaders, maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  const next = new URL(answer.headers().location!, "http://x");
  expect(next.pathname).toBe("/traces");
  expect(next.searchParams.get("service")).toBe(checkout);
  expect(next.searchParams.get("rel")).toBe("1h");
  const to = Number(next.searchParams.get("to"));
  expect(to).toBeGreaterThanOrEqual(before - 1_000);
  expect(to - Number(next.searchParams.get("from"))).toBe(3_600_000);
  // A window the page cannot read is left for the page to name, not replaced.
  const unreadable = await request.get("/traces?from=yesterday", { headers: apiHeaders, maxRedirects: 0 });
  expect(unreadable.status()).toBe(200);
});

/** For each skeleton in the HTML (a part still waiting for data), the last bit of text before it: which part it is. */
function skeletons(html: string): string[] {
  return [...html.matchAll(/mantine-Skeleton-root/g)].map((m) => {
    const before = html.slice(Math.max(0, m.index - 3_000), m.index);
    const texts = [...before.matchAll(/>([^<>]{3,80})</g)].map((t) => t[1]);
    return texts.at(-1) ?? "?";
  });
}

/** The page's own part of the HTML, without the frame around it. */
function mainOf(html: string): string {
  const start = html.indexOf("<main");
  return start < 0 ? "" : html.slice(start, html.indexOf("</main>", start));
}

for (const [page, path, shows] of [
  ["services list", "/services", checkout],
  ["service page", `/services/${checkout}`, "POST /orders"],
  ["trace search", `/traces?service=${checkout}`, checkout],
  ["overview", "/", checkout],
] as const) {
  test(`the ${page}'s data is in the HTML the server sends`, async ({ request }) => {
    const html = await (await request.get(path, { headers: apiHeaders })).text();
    expect(html.includes(shows), `${shows} in the HTML`).toBe(true);
    expect(skeletons(html)).toEqual([]);
  });
}

/**
 * The sizes of the server's SVG drawings of charts (components/charts/server-chart-svg.ts), which
 * the live canvas replaces once the scripts ran; the services and dashboards specs check those.
 */
const drawn = (html: string) => [...html.matchAll(/data-server-chart="[^"]*"[^>]*><svg [^>]*viewBox="0 0 (\d+) (\d+)"/g)].map((m) => `${m[1]}x${m[2]}`);

test("the service page's and the service map's charts are drawn in the HTML", async ({ request }) => {
  const service = await (await request.get(`/services/${checkout}`, { headers: apiHeaders })).text();
  // Rate, errors and latency, three to a row.
  expect(drawn(service).filter((size) => size === "369x220")).toHaveLength(3);
  const map = await (await request.get("/services/map", { headers: apiHeaders })).text();
  expect(drawn(map)).toHaveLength(1);
  expect(map).toContain(`>${checkout}</text>`);
});

test("the trace page's rows are in the HTML", async ({ request }) => {
  const html = await (await request.get(`/traces/${trace.traceId}`, { headers: apiHeaders })).text();
  expect(html.match(/role="treeitem"/g)?.length, "one row per span").toBe(trace.spans.length);
  for (const span of trace.spans) expect(html.includes(`data-span-id="${span.spanId}"`), `span ${span.name} in the HTML`).toBe(true);
  // The payload came with the HTML: the browser is not told to fetch it again.
  expect(html.includes(`/api/v1/traces/${trace.traceId}/compact`), "no preload of the payload").toBe(false);
});

test("a server-drawn trace page hydrates without a mismatch, its selected span open", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const span = trace.spans.find((s) => s.name === "POST /orders") ?? trace.spans[0]!;
  await page.goto(`/traces/${trace.traceId}?span=${span.spanId}`);
  await expect(page.getByTestId("span-detail")).toHaveAttribute("data-span-id", span.spanId);
  await expect(page.getByRole("treeitem")).toHaveCount(trace.spans.length);
  // Clicking works once hydrated: another span opens.
  const other = trace.spans.find((s) => s.spanId !== span.spanId)!;
  await page.locator(`[role="treeitem"][data-span-id="${other.spanId}"]`).click();
  await expect(page.getByTestId("span-detail")).toHaveAttribute("data-span-id", other.spanId);
  expect(errors).toEqual([]);
});

test("a trace past the embedding limit keeps its preload and leaves the rows to the browser", async ({ request, baseURL }) => {
  const big = buildTrace(bigTrace(2_001, `ssr${suffix}`), { startMs: Date.now() - 5 * 60_000 });
  await sendTrace(baseURL!, e2eIngestKey, big);
  await waitForTrace(baseURL!, big.traceId, big.spans.length);
  const html = await (await request.get(`/traces/${big.traceId}`, { headers: apiHeaders })).text();
  expect(html.includes(`/api/v1/traces/${big.traceId}/compact`), "the payload's preload").toBe(true);
  expect(html.includes('role="treeitem"'), "no rows drawn by the server").toBe(false);
});

test("a dashboard arrives with its panels' data in the HTML", async ({ request }) => {
  const created = await request.post("/api/v1/dashboards", {
    headers: apiHeaders,
    data: {
      title: `ssr ${suffix}`,
      panels: [{ id: "red", kind: "red", title: "Checkout latency", service: checkout, show: "latency" }],
      layout: [{ i: "red", x: 0, y: 0, w: 6, h: 4 }],
    },
  });
  expect(created.status()).toBe(200);
  const { id } = (await created.json()) as { id: string };
  const html = await (await request.get(`/dashboards/${id}`, { headers: apiHeaders })).text();
  expect(html.includes(`ssr ${suffix}`), "the dashboard's title in the HTML").toBe(true);
  // the RED panel's answer (its points carry p95) is in the page's dehydrated query cache
  expect(/\\?"p95\\?":\d/.test(html), "the RED panel's points in the HTML").toBe(true);
  // …and drawn: half of the grid's usual width, the panel's height less its title and hint lines.
  expect(drawn(html)).toEqual(["558x82"]);
  await request.delete(`/api/v1/dashboards/${id}`, { headers: apiHeaders });
});

test("the alerts, jobs, SLOs, consistency and why-slow pages, and a rule's page, arrive with their data in the HTML", async ({ request }) => {
  const alertRule = `ssr alert ${suffix}`;
  const consistencyRule = `ssr rule ${suffix}`;
  const created = await Promise.all([
    request.post("/api/v1/alerts/rules", {
      headers: apiHeaders,
      data: { name: alertRule, source: { kind: "red", service: checkout, operation: "POST /orders", measure: "error-percent" }, condition: { op: "above", threshold: 5 }, forSeconds: 60, labels: {}, contactIds: [] },
    }),
    request.post("/api/v1/consistency/rules", {
      headers: apiHeaders,
      data: {
        name: consistencyRule,
        definition: {
          kind: "follows",
          trigger: { table: `payments_${suffix}`, ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "SUCCESS" }] },
          expect: [{ label: "order paid", match: { table: `orders_${suffix}`, ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }] }, link: [{ column: "id", equalsTriggerColumn: "order_id" }] }],
          withinSeconds: 2,
        },
      },
    }),
  ]);
  for (const answer of created) expect(answer.ok(), await answer.text()).toBe(true);
  for (const [path, shows] of [
    ["/alerts", alertRule],
    ["/consistency", consistencyRule],
    ["/jobs", null],
    ["/slos", null],
    [`/findings/why-slow?service=${checkout}`, null],
  ] as const) {
    const html = await (await request.get(path, { headers: apiHeaders })).text();
    if (shows) expect(html.includes(shows), `${shows} in the HTML of ${path}`).toBe(true);
    // Each of these pages shows skeletons while its data loads: none means its data came along.
    expect(skeletons(mainOf(html)), `skeletons in the HTML of ${path}`).toEqual([]);
  }
  const [rule, consistency] = (await Promise.all(created.map((answer) => answer.json()))) as { id: string }[];
  for (const [path, shows] of [
    [`/alerts/rules/${rule!.id}`, alertRule],
    [`/consistency/rules/${consistency!.id}`, consistencyRule],
  ] as const) {
    const html = await (await request.get(path, { headers: apiHeaders })).text();
    // A rule's page is its editor, filled in: the name is the value of its first field.
    expect(html.includes(`value="${shows}"`), `${shows} in the HTML of ${path}`).toBe(true);
    expect(skeletons(mainOf(html)), `skeletons in the HTML of ${path}`).toEqual([]);
  }
  await request.delete(`/api/v1/alerts/rules/${rule!.id}`, { headers: apiHeaders });
  await request.delete(`/api/v1/consistency/rules/${consistency!.id}`, { headers: apiHeaders });
});

test("pages one level down arrive with their data in the HTML: an incident, a row's history, a transaction", async ({ request, baseURL }) => {
  const now = Date.now();
  const table = `orders_ssr_${suffix}`;
  const change = (n: number, status: string): AuditRow => ({
    id: `e2e-ssr:${suffix}:${n}`, database: "shop", table, op: n === 1 ? "INSERT" : "UPDATE", pk: { id: 77 }, before: n === 1 ? null : { id: 77, status: "NEW" }, after: { id: 77, status },
    changedColumns: n === 1 ? [] : ["status"], actor: "user-ssr", txid: 7700 + n, traceId: trace.traceId, spanId: trace.spans[0]!.spanId, committedAt: new Date(now - 60_000 + n * 1_000).toISOString(),
  });
  await sendAuditChanges(baseURL!, e2eIngestKey, [change(1, "NEW"), change(2, `PAID_${suffix}`)]);
  const incident = await request.post("/api/v1/incidents", { headers: apiHeaders, data: { title: `ssr incident ${suffix}`, windowFromMs: now - 30 * 60_000, windowToMs: now } });
  expect(incident.ok(), await incident.text()).toBe(true);
  const { id } = (await incident.json()) as { id: string };
  for (const [path, shows] of [
    [`/incidents/${id}`, `ssr incident ${suffix}`],
    [`/audit/${encodeURIComponent(`public.${table}`)}/${encodeURIComponent('{"id":77}')}?database=shop`, `PAID_${suffix}`],
    [`/audit/tx/shop/7702`, `PAID_${suffix}`],
  ] as const) {
    const html = await (await request.get(path, { headers: apiHeaders })).text();
    expect(html.includes(shows), `${shows} in the HTML of ${path}`).toBe(true);
    expect(skeletons(mainOf(html)), `skeletons in the HTML of ${path}`).toEqual([]);
  }
});

test.describe("the database page", () => {
  const database = `ssr_${suffix}`;
  const pooled = `ssr-pool-${suffix}`;

  test.beforeAll(async ({ baseURL }) => {
    // The db agent's metrics, as it sends them, give the database its tab; a service's pool gives
    // the saturation card a chart, whose data the server asks for after the pools' list.
    const now = Date.now();
    const samples = (value: number): [number, number][] => [now - 120_000, now - 60_000, now].map((time) => [time, value]);
    const agent = "sightline-db-agent";
    const pool = { "db.client.connection.pool.name": `${pooled}-pool` };
    await sendMetrics(baseURL!, e2eIngestKey, [
      { service: agent, name: "postgresql.backends", unit: "1", kind: "upDown", attributes: { "db.namespace": database }, samples: samples(5) },
      { service: agent, name: "postgresql.connection.count", unit: "{connections}", kind: "gauge", attributes: { "db.namespace": database, state: "active" }, samples: samples(4) },
      { service: agent, name: "postgresql.connection.max", unit: "{connections}", kind: "gauge", samples: samples(100) },
      // The health card's other charts: with them the tab's charts fill more than a screen.
      ...["lock.waiting", "lock.wait.max_duration", "idle_in_transaction.count", "idle_in_transaction.max_duration", "transaction.max_duration", "deadlocks", "cache.hit_ratio", "temp.io", "db_size"].map(
        (name) => ({ service: agent, name: `postgresql.${name}`, unit: "1", kind: "gauge" as const, attributes: { "db.namespace": database }, samples: samples(1) }),
      ),
      { service: pooled, name: "db.client.connection.count", unit: "{connection}", kind: "upDown", attributes: { ...pool, "db.client.connection.state": "used" }, samples: samples(2) },
      { service: pooled, name: "db.client.connection.max", unit: "{connection}", kind: "upDown", attributes: pool, samples: samples(10) },
    ]);
  });

  // With the tab named in the link (loaded with the database names), and without (the first tab,
  // known only from the names' answer): either way the open tab's cards and charts have their data.
  for (const [which, path] of [
    ["the linked tab", `/database?db=${database}`],
    ["the first tab", "/database"],
  ] as const) {
    test(`${which}'s data is in the HTML the server sends`, async ({ request }) => {
      const main = mainOf(await (await request.get(path, { headers: apiHeaders })).text());
      expect(main.includes(database), `${database}'s tab in the HTML`).toBe(true);
      expect(main.includes(`${pooled}: connections in use`), `${pooled}'s pool chart in the HTML`).toBe(true);
      expect(skeletons(main)).toEqual([]);
      // Charts are drawn by the scripts, but each says whether it has its data yet.
      expect(main.includes('data-loading="false"'), "charts with their data").toBe(true);
      expect(main.includes('data-loading="true"'), "no chart waiting for data").toBe(false);
    });
  }

  // The tab's charts fill more than a screen: the server draws the first ones (about a screen's
  // area, components/charts/server-chart-area.tsx) and the browser every one.
  test("charts past the first screen are left to the browser, which draws every one", async ({ request, page }) => {
    const path = `/database?db=${database}`;
    const main = mainOf(await (await request.get(path, { headers: apiHeaders })).text());
    const charts = main.match(/data-echart=/g)?.length ?? 0;
    expect(main.includes('data-loading="true"'), "every chart has its data").toBe(false);
    expect(drawn(main).length, "charts drawn by the server").toBeGreaterThan(0);
    expect(drawn(main).length, `fewer than all ${charts} charts drawn by the server`).toBeLessThan(charts);
    await page.goto(path);
    await expect(page.locator("main [data-echart] canvas")).toHaveCount(charts);
  });
});
