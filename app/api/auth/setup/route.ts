import { NextResponse } from "next/server";
import { requestClient } from "@/lib/activity/record-activity";
import { publicUser, startSession, withSessionCookie } from "@/lib/auth/create-session";
import { setupFirstAdmin } from "@/lib/auth/setup-first-admin";
import { withRoute } from "@/lib/http/with-route";
import { setupBodySchema } from "@/lib/schemas/auth";

export const dynamic = "force-dynamic";

/** Creates the first admin with the setup link's token, and signs them in. */
export const POST = withRoute({ access: "public", body: setupBodySchema }, async ({ body, request }) => {
  const client = requestClient(request.headers);
  const user = await setupFirstAdmin(body, client);
  const session = await startSession(user, client, "setup");
  return withSessionCookie(NextResponse.json({ user: publicUser(user) }), request, session);
});
