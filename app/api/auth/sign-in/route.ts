import { NextResponse } from "next/server";
import { requestClient } from "@/lib/activity/record-activity";
import { publicUser, startSession, withSessionCookie } from "@/lib/auth/create-session";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { withRoute } from "@/lib/http/with-route";
import { signInBodySchema } from "@/lib/schemas/auth";

export const dynamic = "force-dynamic";

export const POST = withRoute({ access: "public", body: signInBodySchema }, async ({ body, request }) => {
  const client = requestClient(request.headers);
  const user = await signInWithPassword(body.email, body.password, client);
  const session = await startSession(user, client, "password");
  return withSessionCookie(NextResponse.json({ user: publicUser(user) }), request, session);
});
