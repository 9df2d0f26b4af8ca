import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { listJobs } from "@/lib/jobs/list-jobs";
import { jobsQuerySchema } from "@/lib/jobs/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: jobsQuerySchema }, ({ query }) => listJobs(getPool(), query, Date.now()));
