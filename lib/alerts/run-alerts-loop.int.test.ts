import { afterAll, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { startAlertsLoop } from "./run-alerts-loop";
import type { EvaluationPass } from "./evaluate-alerts";
import { makeRule, quiet } from "./testing/alert-fixtures";

// The loop `npm start` runs: two of them (two replicas) against one database evaluate a due rule
// once within a tick (5 s), each event written once.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

it("evaluates due rules within a tick, once, with two replicas running", async () => {
  const pool = getPool();
  await quiet(pool);
  const id = await makeRule(pool, { name: "loop ghost", source: { kind: "absence", service: "ghost-loop" }, condition: { op: "above", threshold: 60 }, everySeconds: 3_600 }, Date.now() - 1_000);
  const lines: string[] = [];
  const passes: EvaluationPass[] = [];
  const options = { baseUrl: "http://sightline.test", smtpFrom: "x@example.com", onPass: (pass: EvaluationPass) => passes.push(pass) };
  const loops = [startAlertsLoop(process.env.DATABASE_URL!, (line) => lines.push(line), options), startAlertsLoop(process.env.DATABASE_URL!, (line) => lines.push(line), options)];
  try {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && passes.filter((p) => p.evaluated > 0).length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // one more tick of both loops
  } finally {
    await Promise.all(loops.map((loop) => loop.stop()));
  }
  const { rows } = await pool.query("SELECT kind FROM alert_events WHERE rule_id = $1", [id]);
  expect(rows).toEqual([{ kind: "firing" }]);
  expect(lines).toEqual([]);
});
