import { contactIdPathSchema } from "@/lib/alerts/schemas";
import { alertsServerConfig } from "@/lib/alerts/server-config";
import { testContact } from "@/lib/alerts/test-contact";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const POST = withRoute({ access: "admin" }, ({ params }) => {
  const { baseUrl, mailer } = alertsServerConfig();
  return testContact(getPool(), parsePathParams(contactIdPathSchema, params).id, { nowMs: Date.now(), baseUrl, mailer });
});
