import { requestClient } from "@/lib/activity/record-activity";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { updateUserBodySchema, userIdPathSchema } from "@/lib/schemas/users";
import { updateUser } from "@/lib/users/update-user";

export const dynamic = "force-dynamic";

/** Changes a user's name, role or whether they may sign in. */
export const PATCH = withRoute({ access: "admin", body: updateUserBodySchema }, ({ body, params, request, principal }) =>
  updateUser(parsePathParams(userIdPathSchema, params).id, body, principal, requestClient(request.headers)),
);
