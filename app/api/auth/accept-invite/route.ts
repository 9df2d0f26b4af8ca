import { NextResponse } from "next/server";
import { requestClient } from "@/lib/activity/record-activity";
import { publicUser, startSession, withSessionCookie } from "@/lib/auth/create-session";
import { withRoute } from "@/lib/http/with-route";
import { acceptInviteBodySchema } from "@/lib/schemas/auth";
import { acceptInvite } from "@/lib/users/accept-invite";

export const dynamic = "force-dynamic";

/** The invited user sets a password through the invite link's token, and is signed in. */
export const POST = withRoute({ access: "public", body: acceptInviteBodySchema }, async ({ body, request }) => {
  const client = requestClient(request.headers);
  const user = await acceptInvite(body, client);
  const session = await startSession(user, client, "invite");
  return withSessionCookie(NextResponse.json({ user: publicUser(user) }), request, session);
});
