import type pg from "pg";
import { BURN_RATE_ALERTS } from "./burn-rate";
import type { SloBody } from "./schemas";

// Keeps an SLO's multi-window burn-rate alert rules in step with it, inside the SLO's own
// transaction: with `alerts`, one rule per BURN_RATE_ALERTS pair (updated in place when it
// exists, so its state and history survive an edit of the SLO); without, none.
// A rule is matched to its pair by the long window it watches, which no edit changes.

const SEVERITY = { "fast burn": "critical", "slow burn": "warning" } as const;

export async function writeBurnRules(client: Pick<pg.ClientBase, "query">, sloId: string, body: SloBody): Promise<void> {
  if (!body.alerts) {
    await client.query("DELETE FROM alert_rules WHERE slo_id = $1", [sloId]);
    return;
  }
  for (const pair of BURN_RATE_ALERTS) {
    const source = { kind: "slo-burn", sloId, longWindowSeconds: pair.longWindowSeconds, shortWindowSeconds: pair.shortWindowSeconds };
    const values = [
      `${body.name} — ${pair.name}`,
      `The error budget of "${body.name}" burns ${pair.burnRate}× too fast over both ${pair.longWindowSeconds / 60} and ${pair.shortWindowSeconds / 60} minutes.`,
      JSON.stringify(source),
      JSON.stringify({ op: "above", threshold: pair.burnRate }),
      pair.forSeconds,
      JSON.stringify({ slo: body.name, severity: SEVERITY[pair.name] }),
      body.contactIds,
      // Only the fast burn opens an incident: the slow one is a ticket, not a page.
      body.openIncident && pair.name === "fast burn",
      sloId,
      pair.longWindowSeconds,
    ];
    const updated = await client.query(
      `UPDATE alert_rules SET name = $1, description = $2, source = $3, condition = $4, for_seconds = $5, labels = $6, contact_ids = $7,
              open_incident = $8, updated_at = now()
        WHERE slo_id = $9 AND (source->>'longWindowSeconds')::int = $10`,
      values,
    );
    if (updated.rowCount) continue;
    await client.query(
      `INSERT INTO alert_rules (name, description, source, condition, for_seconds, every_seconds, labels, contact_ids, open_incident, slo_id)
       VALUES ($1, $2, $3, $4, $5, 60, $6, $7, $8, $9)`,
      values.slice(0, 9),
    );
  }
}
