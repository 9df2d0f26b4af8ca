import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import {
  serviceDbPoolResponseSchema,
  serviceDependenciesResponseSchema,
  serviceErrorsResponseSchema,
  serviceHealthResponseSchema,
  serviceOperationsResponseSchema,
  servicePathSchema,
  serviceVersionsResponseSchema,
  serviceWindowQuerySchema,
  worstOperationsQuerySchema,
  worstOperationsResponseSchema,
} from "./schemas";

// The services area's endpoints, listed here beside their schemas and spliced into the API
// list (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated.

const badRequest = { description: "a parameter is invalid; the message names it", name: "ErrorResponse", schema: errorResponseSchema };

const servicePart = (part: string, summary: string, name: string, schema: ApiEndpoint["responses"][number]["schema"]): ApiEndpoint => ({
  path: `/api/v1/services/{service}/${part}`,
  access: "viewer",
  summary,
  tag: "services",
  pathParams: servicePathSchema,
  query: serviceWindowQuerySchema,
  responses: { 200: { description: summary, name, schema }, 400: badRequest },
});

export const serviceEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/service-health",
    access: "viewer",
    summary: "Every service and external peer of a window with RED numbers, a sparkline and a verdict against the same window a day and a week earlier",
    tag: "services",
    query: serviceWindowQuerySchema,
    responses: { 200: { description: "worst first", name: "ServiceHealthResponse", schema: serviceHealthResponseSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/worst-operations",
    access: "viewer",
    summary: "The slowest (p95) and most failing operations of a window",
    tag: "services",
    query: worstOperationsQuerySchema,
    responses: { 200: { description: "slowest and failing operations", name: "WorstOperationsResponse", schema: worstOperationsResponseSchema }, 400: badRequest },
  },
  servicePart("operations", "Operations of a service with rate, error share, p95 and impact", "ServiceOperationsResponse", serviceOperationsResponseSchema),
  servicePart("dependencies", "Services calling this one and services or peers it calls, with the calls' RED", "ServiceDependenciesResponse", serviceDependenciesResponseSchema),
  servicePart("errors", "A service's errors grouped by exception type and message", "ServiceErrorsResponse", serviceErrorsResponseSchema),
  servicePart("versions", "The service.version values a service ran", "ServiceVersionsResponse", serviceVersionsResponseSchema),
  servicePart("db-pool", "A service's database connection pools (db.client.connection.* metrics)", "ServiceDbPoolResponse", serviceDbPoolResponseSchema),
];
