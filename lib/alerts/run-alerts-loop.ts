import pg from "pg";
import { runEvery, type Loop } from "@/lib/db/run-every";
import { createMailer } from "./create-mailer";
import { deliverNotifications } from "./deliver-notifications";
import { evaluateAlerts, type EvaluationPass } from "./evaluate-alerts";

// The alert evaluator's loop, started by `npm start` beside the consistency loop: every 5 s,
// evaluate the rules that are due (each says how often: every_seconds, 10 s at the least), then
// deliver the notifications that are due. Every replica runs it; the evaluator's advisory lock
// lets one evaluate at a time and the sender's row locks let each row go out once. A failure
// (database restarting, say) is logged once until the loop works again, and never stops it.

const TICK_MS = 5_000;

export type AlertsLoop = Loop;

export interface AlertsLoopOptions {
  baseUrl: string;
  smtpUrl?: string | undefined;
  smtpFrom: string;
  onPass?: (pass: EvaluationPass) => void;
}

export function startAlertsLoop(databaseUrl: string, log: (line: string) => void, options: AlertsLoopOptions): AlertsLoop {
  // A source's query ends with its own deadline (evaluate-alerts.ts races it, which alone would
  // leave the query running and holding one of the pool's connections).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000, statement_timeout: 20_000, application_name: "sightline-alerts" });
  pool.on("error", () => {}); // an idle client's lost connection: the next tick opens another
  pool.on("connect", (client) => client.on("error", () => {})); // a checked-out one's: its next query fails the tick
  const mailer = createMailer(options.smtpUrl, options.smtpFrom);
  return runEvery("alert evaluation", TICK_MS, log, async (stopped) => {
    const pass = await evaluateAlerts(pool, { nowMs: Date.now(), baseUrl: options.baseUrl });
    options.onPass?.(pass);
    if (!stopped()) await deliverNotifications(pool, { nowMs: Date.now(), mailer });
  }, async () => {
    mailer?.transport.close();
    await pool.end();
  });
}
