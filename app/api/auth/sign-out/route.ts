import { NextResponse } from "next/server";
import { requestClient } from "@/lib/activity/record-activity";
import { endSession } from "@/lib/auth/end-session";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ access: "public" }, async ({ request }) => {
  await endSession(request.cookies.get(SESSION_COOKIE)?.value, requestClient(request.headers));
  const response = NextResponse.json({ signedOut: true });
  response.cookies.delete(SESSION_COOKIE);
  return response;
});
