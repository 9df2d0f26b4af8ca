import { requestClient } from "@/lib/activity/record-activity";
import { requestOrigin } from "@/lib/auth/request-origin";
import { withRoute } from "@/lib/http/with-route";
import { createUserBodySchema } from "@/lib/schemas/users";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "admin" }, async () => ({ users: await listUsers() }));

export const POST = withRoute({ access: "admin", body: createUserBodySchema }, ({ body, request, principal }) =>
  inviteUser(body, requestOrigin(request.url, request.headers), principal, requestClient(request.headers)),
);
