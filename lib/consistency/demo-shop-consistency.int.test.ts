import { afterAll, beforeAll, expect, it } from "vitest";
import { startDbAgent, type DbAgent } from "@/agents/db/start-db-agent";
import { startFakeSightline, type FakeSightline } from "@/agents/db/testing/agent-harness";
import { getPool } from "@/lib/db/client";
import { startTestShop, type TestShop } from "@/lib/testing/demo-shop-fixture";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { auditedTables } from "@/scripts/start-demo";
import { checkDeadlines } from "./check-deadlines";
import { ensureDemoRules } from "./ensure-demo-rules";
import { evaluateConsistency } from "./evaluate-consistency";
import { getViolation } from "./get-violation";

// The whole path with the real demo shop: its audit trail captured by the real db agent, sent to
// the real audit ingest route, evaluated against the demo rules. A lost provider callback is a
// violation of "Paid payment confirms its order"; a duplicated one (absorbed by the payment
// service's idempotency) and a normal checkout leave none.

let t: TestShop;
let sightline: FakeSightline;
let agent: DbAgent;

beforeAll(async () => {
  await ensureDemoRules(getPool());
  t = await startTestShop();
  sightline = await startFakeSightline();
  agent = startDbAgent({
    sightlineUrl: sightline.url,
    ingestKey: TEST_INGEST_KEY,
    intervalMs: 250,
    lockIntervalMs: 1_000,
    batchSize: 200,
    databases: [{ url: t.shopDb.url, name: "shop", tables: auditedTables }],
    log: () => {},
  });
}, 60_000);

afterAll(async () => {
  await agent?.stop();
  await t?.close();
  await sightline?.close();
  await getPool().end();
});

const checksOf = async (key: string) =>
  (
    await getPool().query<{ id: string; state: string; pk: { id: number } }>(
      "SELECT c.id, c.state, c.pk FROM consistency_checks c JOIN consistency_rules r ON r.id = c.rule_id WHERE r.key = $1 ORDER BY c.id",
      [key],
    )
  ).rows;

it("turns a lost callback into a missing step, and a duplicated one into nothing", async () => {
  // The agent installs its triggers on start; a change made before that would not be audited.
  await expect.poll(async () => (await t.shopDb.query("SELECT 1 FROM pg_trigger WHERE tgname LIKE 'sightline%'")).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const lost = await t.shop.trigger("lost-callback");
  const duplicated = await t.shop.trigger("duplicate-callback");
  await expect
    .poll(
      async () => {
        await evaluateConsistency(getPool());
        return (await checksOf("demo.paid-payment-confirms-order")).length;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(2);
  // Let the duplicated order's PAID change arrive, then pass every deadline.
  await expect
    .poll(
      async () => {
        await evaluateConsistency(getPool());
        return (await checksOf("demo.paid-payment-confirms-order")).map((c) => c.state).sort();
      },
      { timeout: 30_000, interval: 300 },
    )
    .toEqual(["met", "waiting"]);
  await checkDeadlines(getPool(), Date.now() + 60_000);

  const checks = await checksOf("demo.paid-payment-confirms-order");
  const missing = checks.filter((c) => c.state === "missing");
  expect(missing).toHaveLength(1);
  const detail = await getViolation(getPool(), missing[0]!.id, Date.now() + 60_000);
  expect(detail.trigger?.after).toMatchObject({ status: "SUCCESS", order_id: Number(lost.orderIds[0]) });
  expect(detail.steps).toEqual([expect.objectContaining({ label: "order becomes PAID", state: "missing", changes: [] })]);
  // the order's own history in the window: created and left pending, never paid
  expect(detail.history.some((c) => c.table === "payments")).toBe(true);
  // one callback each: the duplicate changed nothing, so "One callback per payment" holds
  expect((await checksOf("demo.one-callback-per-payment")).map((c) => c.state)).toEqual(["waiting"]);
  expect(duplicated.orderIds).toHaveLength(1);
}, 90_000);
