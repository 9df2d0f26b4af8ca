import type pg from "pg";
import { sloBodySchema } from "./schemas";
import { writeBurnRules } from "./write-burn-rules";

// Start-up with the demo on: the demo's one SLO, created once by its key with its burn-rate
// rules. An SLO that exists is left as it is (a user's edit survives restarts), and a name a
// user already took is left to the user.

export const DEMO_SLO_KEY = "demo.checkout-availability";
export const DEMO_SLO = sloBodySchema.parse({
  name: "Checkout availability",
  description: "Orders placed through the gateway that neither fail nor time out.",
  service: "gateway",
  operation: "POST /checkout",
  objective: { kind: "availability" },
  targetPercent: 99.5,
  windowDays: 28,
});

export async function ensureDemoSlo(db: pg.ClientBase): Promise<{ created: boolean }> {
  await db.query("BEGIN");
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO slos (name, description, service, operation, objective, target_percent, window_days, alerts, built_in, key)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, true, $9
        WHERE NOT EXISTS (SELECT 1 FROM slos WHERE key = $9 OR name = $1)
       ON CONFLICT DO NOTHING RETURNING id`,
      [DEMO_SLO.name, DEMO_SLO.description, DEMO_SLO.service, DEMO_SLO.operation, JSON.stringify(DEMO_SLO.objective), DEMO_SLO.targetPercent, DEMO_SLO.windowDays, DEMO_SLO.alerts, DEMO_SLO_KEY],
    );
    if (rows[0]) await writeBurnRules(db, rows[0].id, DEMO_SLO);
    await db.query("COMMIT");
    return { created: rows[0] !== undefined };
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
}
