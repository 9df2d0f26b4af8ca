import { contactForReader } from "@/lib/alerts/contact-json";
import { listContacts } from "@/lib/alerts/list-contacts";
import { createContact } from "@/lib/alerts/save-contact";
import { contactBodySchema } from "@/lib/alerts/schemas";
import { alertsServerConfig } from "@/lib/alerts/server-config";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

// Contact points are settings holding secrets (webhook keys): admins manage them; everyone
// may read them (without secrets, and webhook URLs cut to their origin) to see where a rule's alerts go.
export const GET = withRoute({ access: "viewer" }, async ({ principal }) => {
  const { contacts, smtpConfigured } = await listContacts(getPool(), alertsServerConfig().smtpConfigured);
  return { contacts: contacts.map((contact) => contactForReader(contact, principal.role === "admin")), smtpConfigured };
});

export const POST = withRoute({ access: "admin", body: contactBodySchema }, ({ body }) => createContact(getPool(), body));
