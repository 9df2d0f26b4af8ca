import { listActivity } from "@/lib/activity/list-activity";
import { withRoute } from "@/lib/http/with-route";
import { activityQuerySchema } from "@/lib/schemas/activity";

export const dynamic = "force-dynamic";

/** Sightline's own audit log, newest first. */
export const GET = withRoute({ access: "admin", query: activityQuerySchema }, async ({ query }) => ({ events: await listActivity(query) }));
