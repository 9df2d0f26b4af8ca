import { listAlertEvents } from "@/lib/alerts/list-alert-events";
import { alertEventsQuerySchema } from "@/lib/alerts/schemas";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: alertEventsQuerySchema }, ({ query }) => listAlertEvents(getPool(), query, Date.now()));
