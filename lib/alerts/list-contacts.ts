import type pg from "pg";
import { CONTACT_SELECT, contactJson, type ContactRow } from "./contact-json";
import type { Contact } from "./schemas";

export async function listContacts(db: Pick<pg.Pool, "query">, smtpConfigured: boolean): Promise<{ contacts: Contact[]; smtpConfigured: boolean }> {
  const { rows } = await db.query<ContactRow>(`${CONTACT_SELECT} ORDER BY name`);
  return { contacts: rows.map(contactJson), smtpConfigured };
}
