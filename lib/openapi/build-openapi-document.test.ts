import { describe, expect, it } from "vitest";
import { apiEndpoints } from "./api-endpoints";
import { buildOpenApiDocument } from "./build-openapi-document";

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: Record<string, unknown>;
}
interface SchemaObject {
  enum?: string[];
  type?: string;
  required?: string[];
  properties: Record<string, SchemaObject>;
  $schema?: string;
  $id?: string;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, SchemaObject> };
}
// Through JSON text, as a client receives it: also proves the document serialises.
const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Document;
const get = (path: string, method = "get") => doc.paths[path]![method]!;

function collectRefs(value: unknown, refs: Set<string>) {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, refs));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") refs.add(v);
      else collectRefs(v, refs);
    }
  }
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every endpoint the brief names", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/auth/accept-invite",
        "/api/auth/setup",
        "/api/auth/sign-in",
        "/api/auth/sign-out",
        "/api/health",
        "/api/otlp/v1/logs",
        "/api/otlp/v1/metrics",
        "/api/otlp/v1/traces",
        "/api/v1/activity",
        "/api/v1/alerts/contacts",
        "/api/v1/alerts/contacts/{id}",
        "/api/v1/alerts/contacts/{id}/test",
        "/api/v1/alerts/events",
        "/api/v1/alerts/rules",
        "/api/v1/alerts/rules/{id}",
        "/api/v1/alerts/silences",
        "/api/v1/alerts/silences/{id}",
        "/api/v1/annotations",
        "/api/v1/annotations/{id}",
        "/api/v1/api-tokens",
        "/api/v1/api-tokens/{id}",
        "/api/v1/audit/changes",
        "/api/v1/audit/changes/export",
        "/api/v1/audit/row",
        "/api/v1/audit/row-history",
        "/api/v1/causes/pool-waits",
        "/api/v1/causes/recent",
        "/api/v1/causes/traces/{traceId}",
        "/api/v1/consistency/rules",
        "/api/v1/consistency/rules/{id}",
        "/api/v1/consistency/violations",
        "/api/v1/consistency/violations/{id}",
        "/api/v1/dashboards",
        "/api/v1/dashboards/{id}",
        "/api/v1/dashboards/{id}/duplicate",
        "/api/v1/findings/duplicate-deliveries",
        "/api/v1/findings/slow-windows",
        "/api/v1/findings/why-slow",
        "/api/v1/incidents",
        "/api/v1/incidents/{id}",
        "/api/v1/incidents/{id}/evidence",
        "/api/v1/incidents/{id}/notes",
        "/api/v1/incidents/{id}/share-links",
        "/api/v1/ingest-keys",
        "/api/v1/ingest-keys/{id}",
        "/api/v1/ingest/audit",
        "/api/v1/ingest/locks",
        "/api/v1/jobs",
        "/api/v1/jobs/{service}/{job}",
        "/api/v1/locks",
        "/api/v1/database/activity",
        "/api/v1/logs",
        "/api/v1/metrics",
        "/api/v1/metrics/exemplars",
        "/api/v1/metrics/heatmap",
        "/api/v1/metrics/labels",
        "/api/v1/metrics/query",
        "/api/v1/me",
        "/api/v1/openapi.json",
        "/api/v1/red",
        "/api/v1/reports/timeouts",
        "/api/v1/service-health",
        "/api/v1/service-map",
        "/api/v1/services",
        "/api/v1/share-links/{id}",
        "/api/v1/services/{service}/db-pool",
        "/api/v1/services/{service}/dependencies",
        "/api/v1/services/{service}/errors",
        "/api/v1/services/{service}/operations",
        "/api/v1/services/{service}/versions",
        "/api/v1/settings/timeout-report",
        "/api/v1/slos",
        "/api/v1/slos/{id}",
        "/api/v1/slos/{id}/status",
        "/api/v1/span-attributes",
        "/api/v1/storage",
        "/api/v1/traces",
        "/api/v1/traces/{traceId}",
        "/api/v1/traces/{traceId}/compact",
        "/api/v1/traces/{traceId}/deliveries",
        "/api/v1/traces/{traceId}/find",
        "/api/v1/traces/{traceId}/spans/{spanId}",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/api/v1/worst-operations",
      ].sort(),
    );
  });

  it("resolves every $ref to a component", () => {
    const refs = new Set<string>();
    collectRefs(doc, refs);
    expect(refs.size).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice("#/components/schemas/".length)], ref).toBeDefined();
    }
  });

  it("documents each query parameter the route schema reads, with required ones marked", () => {
    for (const endpoint of apiEndpoints) {
      const parameters = get(endpoint.path, endpoint.method).parameters ?? [];
      const expected = [...Object.keys(endpoint.pathParams?.shape ?? {}), ...Object.keys(endpoint.query?.shape ?? {})];
      expect(parameters.map((p) => p.name), endpoint.path).toEqual(expected);
    }
    const red = get("/api/v1/red").parameters ?? [];
    expect(red.find((p) => p.name === "service")).toMatchObject({ required: true });
    expect(red.find((p) => p.name === "from")).toMatchObject({ required: false, schema: { type: "string" } });
    const trace = get("/api/v1/traces/{traceId}");
    expect(trace.parameters?.[0]).toMatchObject({ name: "traceId", in: "path", required: true, schema: { pattern: "^[0-9a-fA-F]{32}$" } });
    expect(Object.keys(trace.responses)).toEqual(["200", "400", "401", "403", "404"]);
  });

  it("describes repeatable parameters as exploded arrays", () => {
    const attr = get("/api/v1/traces").parameters?.find((p) => p.name === "attr");
    expect(attr).toMatchObject({ style: "form", explode: true, schema: { type: "array", items: { type: "string" } } });
  });

  it("spells span kinds and status codes as OTLP names and nanosecond times as strings", () => {
    const span = doc.components.schemas.Span!.properties;
    const required = doc.components.schemas.Span!.required;
    expect(span.kind!.enum).toEqual(["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"]);
    expect(span.status!.properties.code!.enum).toEqual(["UNSET", "OK", "ERROR"]);
    expect(span.startTimeUnixNano!.type).toBe("string");
    expect(required).toEqual(expect.arrayContaining(["spanId", "parentSpanId", "serviceName", "name", "kind", "startTimeUnixNano", "endTimeUnixNano", "status", "attributes"]));
  });

  it("leaves no standalone JSON Schema keywords in components", () => {
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema.$schema).toBeUndefined();
      expect(schema.$id).toBeUndefined();
    }
  });
});
