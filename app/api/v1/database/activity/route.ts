import { getDatabaseActivity } from "@/lib/database/get-database-activity";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { databaseActivityQuerySchema } from "@/lib/schemas/database-activity";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: databaseActivityQuerySchema }, ({ query }) => getDatabaseActivity(getReadPool(), query));
