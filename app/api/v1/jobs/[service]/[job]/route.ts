import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { getJob } from "@/lib/jobs/list-jobs";
import { jobDetailQuerySchema, jobPathSchema } from "@/lib/jobs/schemas";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: jobDetailQuerySchema }, ({ params, query }) => {
  const { service, job } = parsePathParams(jobPathSchema, params);
  return getJob(getPool(), service, job, query, Date.now());
});
