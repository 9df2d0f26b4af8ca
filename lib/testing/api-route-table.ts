import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apiEndpoints, type ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import type { RouteTable } from "./route-server";

// Every operation of the OpenAPI document joined to the route module that serves it, so tests
// can walk the documented API against the real handlers (with startRouteServer). The document
// is the starting point: an operation it lists without a route file, or a route file without
// the documented method, fails here, loudly, instead of being skipped by the tests built on it.

export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT" | "PATCH";
export type RouteHandler = NonNullable<RouteTable[string][HttpMethod]>;

/** One documented operation (a path and a method) with its handler and its OpenAPI entry. */
export interface ApiRoute {
  /** As the document writes it: `/api/v1/traces/{traceId}`. */
  path: string;
  method: HttpMethod;
  /** As the app folder and startRouteServer write it: `/api/v1/traces/[traceId]`. */
  routePattern: string;
  /** The route file, relative to the repository root. */
  modulePath: string;
  handler: RouteHandler;
  /** The endpoint object the document was generated from (zod schemas included). */
  endpoint: ApiEndpoint;
  /** The operation as the document states it (parameters, requestBody, responses). */
  operation: OpenApiOperation;
}

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
  style?: string;
  explode?: boolean;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The OpenAPI document as a client receives it (through JSON text). */
export function loadOpenApiDocument(): OpenApiDocument {
  return JSON.parse(JSON.stringify(buildOpenApiDocument())) as OpenApiDocument;
}

/** `/api/v1/traces/{traceId}` → `/api/v1/traces/[traceId]`. */
export function toRoutePattern(openApiPath: string): string {
  return openApiPath.replace(/\{([^}/]+)\}/g, "[$1]");
}

/** Every operation of the document, with the handler exported by its route module. */
export async function loadApiRoutes(document: OpenApiDocument = loadOpenApiDocument()): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  const problems: string[] = [];
  for (const [openApiPath, operations] of Object.entries(document.paths)) {
    const routePattern = toRoutePattern(openApiPath);
    const modulePath = path.posix.join("app", routePattern, "route.ts");
    const absolute = path.join(repositoryRoot, ...modulePath.split("/"));
    if (!existsSync(absolute)) {
      problems.push(`${openApiPath} is documented but ${modulePath} does not exist`);
      continue;
    }
    const routeModule = (await import(/* @vite-ignore */ absolute)) as Partial<Record<HttpMethod, unknown>>;
    for (const [method, operation] of Object.entries(operations)) {
      const upper = method.toUpperCase() as HttpMethod;
      const handler = routeModule[upper];
      const endpoint = apiEndpoints.find((e) => e.path === openApiPath && (e.method ?? "get") === method);
      if (typeof handler !== "function") problems.push(`${upper} ${openApiPath} is documented but ${modulePath} exports no ${upper} handler`);
      else if (!endpoint) problems.push(`${upper} ${openApiPath} is in the document but not in apiEndpoints`);
      else routes.push({ path: openApiPath, method: upper, routePattern, modulePath, handler: handler as RouteHandler, endpoint, operation });
    }
  }
  if (problems.length) throw new Error(`The OpenAPI document and the route modules disagree:\n  ${problems.join("\n  ")}`);
  return routes;
}

/** The routes as startRouteServer takes them. */
export function toRouteTable(routes: ApiRoute[]): RouteTable {
  const table: RouteTable = {};
  for (const route of routes) table[route.routePattern] = { ...table[route.routePattern], [route.method]: route.handler };
  return table;
}
