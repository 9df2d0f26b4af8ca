import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextRequest } from "next/server";
import { toRoutePattern } from "./api-route-table";

// The real route handlers by API path, loaded from app/api the way Next.js lays them out:
// `/api/v1/traces/{traceId}` is app/api/v1/traces/[traceId]/route.ts. Tests that walk the
// OpenAPI document call them through this, so a documented path without a handler fails loudly.

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

export function routeFileOf(apiPath: string): string {
  return path.join(root, "app", toRoutePattern(apiPath), "route.ts");
}

export async function loadRouteHandler(apiPath: string, method: string): Promise<RouteHandler> {
  const routeModule = (await import(routeFileOf(apiPath))) as Record<string, RouteHandler | undefined>;
  const handler = routeModule[method.toUpperCase()];
  if (!handler) throw new Error(`${routeFileOf(apiPath)} exports no ${method.toUpperCase()} handler for ${apiPath}`);
  return handler;
}

/** Every route file under app/api/<below>, as the API path and the HTTP methods it exports. */
export async function listRouteFiles(below: string): Promise<{ apiPath: string; methods: string[] }[]> {
  const base = path.join(root, "app", "api", below);
  const files = readdirSync(base, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
  return Promise.all(
    files.map(async (file) => {
      const dir = path.dirname(file);
      const apiPath = `/api/${below}/${dir}`.replace(/\/\.$/, "").replace(/\[(\w+)\]/g, "{$1}");
      const routeModule = (await import(path.join(base, file))) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof routeModule[m] === "function");
      return { apiPath, methods };
    }),
  );
}
