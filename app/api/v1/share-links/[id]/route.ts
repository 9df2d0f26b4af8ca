import { withRoute } from "@/lib/http/with-route";
import { shareLinkIdPathSchema } from "@/lib/incidents/schemas";
import { revokeShareLink } from "@/lib/incidents/revoke-share-link";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const DELETE = withRoute({ access: "editor" }, ({ params }) => revokeShareLink(parsePathParams(shareLinkIdPathSchema, params).id, Date.now()));
