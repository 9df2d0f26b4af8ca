import { expect, test } from "./fixtures/live-demo";
import { apiHeaders } from "./fixtures/accounts";

// `npm start` from a fresh data directory with the demo on, as a new user gets it: within a
// minute or so the query API shows the shop's services, traces crossing them, audit rows that
// lead to their traces, and the database health metrics the db agent sends.

test("the demo shop fills a fresh Sightline with services, traces, audit rows and DB health", async ({ liveDemo }) => {
  const { base, getJson } = liveDemo;
  test.setTimeout(300_000);
  const poll = { timeout: 150_000, intervals: [2_000] };

  await test.step("at least six services report", async () => {
    await expect
      .poll(async () => (await getJson<{ services: { name: string }[] }>("/api/v1/services"))?.services.length ?? 0, poll)
      .toBeGreaterThanOrEqual(6);
  });

  await test.step("traces cross at least three services", async () => {
    await expect
      .poll(async () => {
        const found = await getJson<{ traces: { services: string[] }[] }>("/api/v1/traces?service=gateway&operation=POST%20/checkout&limit=50");
        return Math.max(0, ...(found?.traces ?? []).map((t) => t.services.length));
      }, poll)
      .toBeGreaterThanOrEqual(3);
  });

  await test.step("audit changes carry trace ids that resolve to stored traces", async () => {
    let traceId: string | undefined;
    await expect
      .poll(async () => {
        const audit = await getJson<{ changes: { traceId: string | null; table: string }[] }>("/api/v1/audit/changes?table=orders&limit=20");
        traceId = audit?.changes.find((c) => c.traceId)?.traceId ?? undefined;
        return traceId !== undefined;
      }, poll)
      .toBe(true);
    await expect.poll(async () => (await fetch(`${base}/api/v1/traces/${traceId}`, { headers: apiHeaders })).status, poll).toBe(200);
  });

  await test.step("the db agent's health metrics arrive", async () => {
    await expect
      .poll(async () => {
        const metrics = await getJson<{ metrics: { name: string }[] }>("/api/v1/metrics");
        return (metrics?.metrics ?? []).map((m) => m.name).filter((name) => name.startsWith("postgresql.")).length;
      }, poll)
      .toBeGreaterThanOrEqual(5);
  });
});
