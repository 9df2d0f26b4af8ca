import { randomBytes } from "node:crypto";
import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { alertNameConflict } from "./check-rule-body";
import { getContact } from "./get-contact";
import type { Contact, ContactBody } from "./schemas";

// Creating and replacing contact points. A webhook without a secret gets a generated one on
// create, or when an update turns an e-mail contact into a webhook (returned once, so the
// receiver can be configured); otherwise an absent secret on update keeps the stored one, so
// editing the URL does not break the receiver's verification.

export async function createContact(db: pg.Pool, body: ContactBody): Promise<Contact> {
  const secret = body.kind === "webhook" ? (body.secret ?? `whsec_${randomBytes(24).toString("hex")}`) : null;
  const { rows } = await db
    .query<{ id: string }>("INSERT INTO alert_contacts (kind, name, url, secret, email_to, matchers) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", [
      body.kind,
      body.name,
      body.kind === "webhook" ? body.url : null,
      secret,
      body.kind === "email" ? body.to : [],
      JSON.stringify(body.matchers),
    ])
    .catch((error: unknown) => alertNameConflict(error, "a contact point", body.name));
  const contact = await getContact(db, rows[0]!.id);
  return body.kind === "webhook" && !body.secret && secret ? { ...contact, secret } : contact;
}

export async function updateContact(db: pg.Pool, id: string, body: ContactBody): Promise<Contact> {
  const generated = `whsec_${randomBytes(24).toString("hex")}`;
  const { rows } = await db
    .query<{ generated: boolean }>(
      `UPDATE alert_contacts c
          SET kind = $2, name = $3, url = $4, email_to = $6, matchers = $8, updated_at = now(),
              secret = CASE WHEN $2 = 'email' THEN NULL ELSE COALESCE($5, c.secret, $7) END
         FROM (SELECT id, secret AS old_secret FROM alert_contacts WHERE id = $1 FOR UPDATE) o
        WHERE c.id = o.id
        RETURNING ($2 = 'webhook' AND $5::text IS NULL AND o.old_secret IS NULL) AS generated`,
      [
        id,
        body.kind,
        body.name,
        body.kind === "webhook" ? body.url : null,
        body.kind === "webhook" ? (body.secret ?? null) : null,
        body.kind === "email" ? body.to : [],
        // An e-mail contact turned into a webhook has no secret yet: one is generated and returned once, as on create.
        generated,
        JSON.stringify(body.matchers),
      ],
    )
    .catch((error: unknown) => alertNameConflict(error, "a contact point", body.name));
  if (!rows[0]) throw new ApiError("not_found", `no contact point with id ${id}`);
  const contact = await getContact(db, id);
  return rows[0].generated ? { ...contact, secret: generated } : contact;
}

/** Deletes a contact point; rules keep working without it (its id is taken out of them). */
export async function deleteContact(db: pg.Pool, id: string): Promise<{ deleted: true; id: string }> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const { rowCount } = await client.query("DELETE FROM alert_contacts WHERE id = $1", [id]);
    if (!rowCount) throw new ApiError("not_found", `no contact point with id ${id}`);
    await client.query("UPDATE alert_rules SET contact_ids = array_remove(contact_ids, $1::uuid) WHERE $1::uuid = ANY(contact_ids)", [id]);
    await client.query("UPDATE slos SET contact_ids = array_remove(contact_ids, $1::uuid) WHERE $1::uuid = ANY(contact_ids)", [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return { deleted: true, id };
}
