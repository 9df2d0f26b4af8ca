import { listLockEvents } from "@/lib/audit/list-lock-events";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { lockEventsQuerySchema } from "@/lib/schemas/locks";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: lockEventsQuerySchema }, ({ query }) => listLockEvents(getReadPool(), query));
