import type { Contact } from "./schemas";

// A contact point as the API answers it. The webhook secret is never read back: CONTACT_SELECT
// leaves it out, and only the create that generated it returns it (once).

export const CONTACT_SELECT = `SELECT id, kind, name, url, email_to, matchers, extract(epoch FROM created_at) * 1000 AS created_ms FROM alert_contacts`;

export interface ContactRow {
  id: string;
  kind: "webhook" | "email";
  name: string;
  url: string | null;
  email_to: string[];
  matchers: Record<string, string>;
  created_ms: string;
}

export function contactJson(row: ContactRow): Contact {
  return { id: row.id, kind: row.kind, name: row.name, url: row.url, to: row.email_to, matchers: row.matchers, createdAtMs: Math.round(Number(row.created_ms)) };
}

/**
 * A contact point as a non-admin reads it: a webhook's URL cut to its origin, since many
 * receivers (Slack, Teams, Discord) take the URL's path itself as the credential.
 */
export function contactForReader(contact: Contact, isAdmin: boolean): Contact {
  if (isAdmin || contact.url === null) return contact;
  let origin: string;
  try {
    origin = new URL(contact.url).origin;
  } catch {
    origin = "";
  }
  return { ...contact, url: `${origin}/…` };
}
