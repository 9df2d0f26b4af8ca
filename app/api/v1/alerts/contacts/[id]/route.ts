import { contactForReader } from "@/lib/alerts/contact-json";
import { getContact } from "@/lib/alerts/get-contact";
import { deleteContact, updateContact } from "@/lib/alerts/save-contact";
import { contactBodySchema, contactIdPathSchema } from "@/lib/alerts/schemas";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(contactIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, async ({ params, principal }) => contactForReader(await getContact(getPool(), idOf(params)), principal.role === "admin"));

/** A webhook's secret is kept when the body leaves it out. */
export const PUT = withRoute({ access: "admin", body: contactBodySchema }, ({ body, params }) => updateContact(getPool(), idOf(params), body));

export const DELETE = withRoute({ access: "admin" }, ({ params }) => deleteContact(getPool(), idOf(params)));
