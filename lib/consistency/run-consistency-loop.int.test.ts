import { afterAll, expect, it } from "vitest";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool, getPrisma } from "@/lib/db/client";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { ensureDemoRules } from "./ensure-demo-rules";
import { startConsistencyLoop } from "./run-consistency-loop";

// The loop `npm start` runs: two of them (two replicas) against one database evaluate each
// change once, within the 5 s the issue allows, and the demo rules are created once, keeping a
// user's edit across restarts.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

it("evaluates ingested changes within seconds, once, with two replicas running", async () => {
  const pool = getPool();
  expect((await ensureDemoRules(pool)).created).toHaveLength(4);
  await pool.query("UPDATE consistency_rules SET description = 'mine' WHERE key = 'demo.one-callback-per-payment'");
  expect(await ensureDemoRules(pool)).toEqual({ created: [], skipped: [] });
  const { rows: kept } = await pool.query("SELECT description FROM consistency_rules WHERE key = 'demo.one-callback-per-payment'");
  expect(kept[0].description).toBe("mine");

  const lines: string[] = [];
  const loops = [startConsistencyLoop(process.env.DATABASE_URL!, (line) => lines.push(line)), startConsistencyLoop(process.env.DATABASE_URL!, (line) => lines.push(line))];
  try {
    const at = Date.now() - 2_000;
    const changes = Array.from({ length: 50 }, (_, i) =>
      auditChangeInputSchema.parse({
        id: `loop:${i}`,
        database: "shop",
        table: "payments",
        op: "UPDATE",
        pk: { id: i },
        before: { id: i, order_id: 1000 + i, status: "PENDING", callback_event_id: null },
        after: { id: i, order_id: 1000 + i, status: "SUCCESS", callback_event_id: `evt-${i}` },
        changedColumns: ["callback_event_id", "status"],
        committedAt: new Date(at).toISOString(),
      }),
    );
    const stored = Date.now();
    await storeAuditChanges(pool, changes);
    await expect
      .poll(async () => (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM consistency_checks")).rows[0]!.n, { timeout: 15_000, interval: 200 })
      .toBe(100); // one follows check and one at-most check per payment
    expect(Date.now() - stored).toBeLessThan(5_000);
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM consistency_queue");
    expect(rows[0]!.n).toBe(0);
    expect(lines).toEqual([]);
  } finally {
    await Promise.all(loops.map((loop) => loop.stop()));
  }
});
