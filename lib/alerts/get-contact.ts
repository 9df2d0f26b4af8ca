import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { CONTACT_SELECT, contactJson, type ContactRow } from "./contact-json";
import type { Contact } from "./schemas";

export async function getContact(db: Pick<pg.Pool, "query">, id: string): Promise<Contact> {
  const { rows } = await db.query<ContactRow>(`${CONTACT_SELECT} WHERE id = $1`, [id]);
  if (!rows[0]) throw new ApiError("not_found", `no contact point with id ${id}`);
  return contactJson(rows[0]);
}
