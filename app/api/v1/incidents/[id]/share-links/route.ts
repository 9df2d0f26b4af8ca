import { withRoute } from "@/lib/http/with-route";
import { createShareLink } from "@/lib/incidents/create-share-link";
import { listShareLinks } from "@/lib/incidents/list-share-links";
import { createShareLinkBodySchema, incidentIdPathSchema } from "@/lib/incidents/schemas";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(incidentIdPathSchema, params).id;

export const GET = withRoute({ access: "editor" }, ({ params }) => listShareLinks(idOf(params)));

/** The answer carries the link's path with its token: shown once, only its SHA-256 is stored. */
export const POST = withRoute({ access: "editor", body: createShareLinkBodySchema }, ({ body, params, principal }) =>
  createShareLink(idOf(params), body.expiresInHours, principal, Date.now()),
);
