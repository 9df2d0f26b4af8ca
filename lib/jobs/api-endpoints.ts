import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import { jobDetailQuerySchema, jobDetailSchema, jobListSchema, jobPathSchema, jobsQuerySchema } from "./schemas";

// The batch jobs' endpoints, spliced into the API list (lib/openapi/api-endpoints.ts).

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };

export const jobEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/jobs",
    access: "viewer",
    summary: "Batch jobs seen in the window: last run, outcome, retries, next expected run, health",
    tag: "jobs",
    query: jobsQuerySchema,
    responses: { 200: { description: "failed and missed first, then by name", name: "JobList", schema: jobListSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/jobs/{service}/{job}",
    access: "viewer",
    summary: "One batch job's runs, newest first, with its summary",
    tag: "jobs",
    pathParams: jobPathSchema,
    query: jobDetailQuerySchema,
    responses: { 200: { description: "the job and its runs (an unknown job has no runs)", name: "JobDetail", schema: jobDetailSchema }, 400: badRequest },
  },
];
