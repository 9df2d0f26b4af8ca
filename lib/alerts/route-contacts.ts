import type pg from "pg";

// Where one event of a rule is sent: the contact points the rule picks, and those whose label
// matchers the rule's labels satisfy (every matcher equals one of its labels: jsonb containment,
// the same test silences use). Each contact point appears once, however it was reached, so an
// event notifies it once. Contact points with no matchers are reached only by being picked;
// ones deleted since the rule picked them are left out.

export async function routeContacts(client: pg.ClientBase, labels: Record<string, string>, pickedIds: string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text FROM alert_contacts
      WHERE id = ANY($1::uuid[]) OR (matchers <> '{}'::jsonb AND $2::jsonb @> matchers)
      ORDER BY name`,
    [pickedIds, JSON.stringify(labels)],
  );
  return rows.map((row) => row.id);
}
