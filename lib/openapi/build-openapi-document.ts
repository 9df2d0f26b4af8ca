import { z } from "zod";
import { attributeValueSchema } from "@/lib/schemas/common";
import { logRecordSchema } from "@/lib/schemas/logs";
import { metricInfoSchema, metricSeriesSchema } from "@/lib/schemas/metrics";
import { redPointSchema } from "@/lib/schemas/red";
import { serviceSummarySchema } from "@/lib/schemas/services";
import { spanSchema, traceSummarySchema } from "@/lib/schemas/traces";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { alertNamedParts } from "@/lib/alerts/api-endpoints";
import { apiEndpoints, type ApiEndpoint, type ParameterSchema } from "./api-endpoints";

// GET /api/v1/openapi.json: an OpenAPI 3.1 document generated with zod's own JSON Schema
// output (3.1 uses JSON Schema 2020-12, what z.toJSONSchema emits). Parameters come from the
// input side of the request schemas (what a client sends: text), response bodies from the
// output side of the response schemas (what it receives).

type JsonObject = Record<string, unknown>;

/** Sub-schemas worth a name of their own in `components`, referenced wherever they appear. */
const namedParts: [string, z.ZodType][] = [
  ["AnyValue", attributeValueSchema],
  ["Span", spanSchema],
  ["TraceSummary", traceSummarySchema],
  ["ServiceSummary", serviceSummarySchema],
  ["RedPoint", redPointSchema],
  ["MetricInfo", metricInfoSchema],
  ["MetricSeries", metricSeriesSchema],
  ["LogRecord", logRecordSchema],
  ...alertNamedParts,
];

const COMPONENT_PREFIX = "#/components/schemas/";

export function buildOpenApiDocument(endpoints: ApiEndpoint[] = apiEndpoints): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sightline API",
      version: "1",
      description:
        "Query API of Sightline. Times in parameters (`from`, `to`) are ISO-8601 or Unix milliseconds; nanosecond times in responses " +
        "are decimal strings. Invalid parameters give a 400 with `{ error: { code, message } }` naming the parameter. " +
        "Every `/api/v1` endpoint needs a session cookie (sign in through `/api/auth/sign-in` or the sign-in page) or " +
        "`Authorization: Bearer <API token>`, and the role in `x-sightline-role`: 401 without valid credentials, 403 with too small a role. " +
        "Ingest endpoints take an ingest key instead.",
    },
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths: pathsOf(endpoints),
    components: { schemas: componentSchemas(endpoints), securitySchemes },
  };
}

function pathsOf(endpoints: ApiEndpoint[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const endpoint of endpoints) {
    const method = endpoint.method ?? "get";
    paths[endpoint.path] = { ...paths[endpoint.path], [method]: operation(endpoint, method) };
  }
  return paths;
}

function requestBodyOf(body: ApiEndpoint["body"]): JsonObject | undefined {
  if (!body) return undefined;
  if (body === "otlp") {
    return {
      required: true,
      description: "an OTLP export request as opentelemetry-proto defines it",
      content: { "application/x-protobuf": { schema: { type: "string", format: "binary" } }, "application/json": { schema: { type: "object" } } },
    };
  }
  return { required: true, description: body.description, content: { "application/json": { schema: { $ref: COMPONENT_PREFIX + body.name } } } };
}

const securitySchemes = {
  sessionCookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "the session a browser gets by signing in" },
  apiToken: { type: "http", scheme: "bearer", description: "an API token created under Settings or POST /api/v1/api-tokens, or SIGHTLINE_API_TOKEN" },
  ingestKey: { type: "http", scheme: "bearer", description: "an ingest key: SIGHTLINE_INGEST_KEY, .sightline/ingest-key, or one created under Settings" },
};

const errorRef = { "application/json": { schema: { $ref: `${COMPONENT_PREFIX}ErrorResponse` } } };

/** Who may call an operation, in OpenAPI's terms; the role is in `x-sightline-role`. */
function securityOf(access: ApiEndpoint["access"]): JsonObject {
  if (access === "public") return { security: [] };
  if (access === "ingest-key") return { security: [{ ingestKey: [] }] };
  return { security: [{ sessionCookie: [] }, { apiToken: [] }], "x-sightline-role": access };
}

/** The refusals every role-protected operation can answer, whatever else it documents. */
function refusalsOf(access: ApiEndpoint["access"]): [string, JsonObject][] {
  if (access === "public" || access === "ingest-key") return [];
  return [
    ["401", { description: "no session or API token, or an expired, revoked or unknown one", content: errorRef }],
    ["403", { description: `needs the ${access} role (or a state-changing request from another site)`, content: errorRef }],
  ];
}

function operation(endpoint: ApiEndpoint, method: string): JsonObject {
  const parameters = [...parametersOf(endpoint.pathParams, "path"), ...parametersOf(endpoint.query, "query")];
  const requestBody = requestBodyOf(endpoint.body);
  return {
    operationId: operationId(method, endpoint.path),
    summary: endpoint.summary,
    ...(endpoint.query?.description ? { description: endpoint.query.description } : {}),
    tags: [endpoint.tag],
    ...securityOf(endpoint.access),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: Object.fromEntries([
      ...refusalsOf(endpoint.access),
      ...Object.entries(endpoint.responses).map(([status, response]) => [
        status,
        { description: response.description, content: { [response.contentType ?? "application/json"]: { schema: { $ref: COMPONENT_PREFIX + response.name } } } },
      ]),
    ]),
  };
}

function parametersOf(schema: ParameterSchema | undefined, location: "path" | "query"): JsonObject[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, zodField]) => {
    const { description, ...json } = strip(z.toJSONSchema(zodField, { io: "input", unrepresentable: "any" }));
    // Repeatable parameters accept one value or many (`?attr=a&attr=b`): in OpenAPI, an exploded array.
    const repeatable = Array.isArray(json.anyOf) && json.anyOf.some((s) => (s as JsonObject).type === "array");
    return {
      name,
      in: location,
      required: location === "path" || !zodField.isOptional(),
      ...(typeof description === "string" ? { description } : {}),
      schema: repeatable ? { type: "array", items: { type: "string" } } : json,
      ...(repeatable ? { style: "form", explode: true } : {}),
    };
  });
}

function componentSchemas(endpoints: ApiEndpoint[]): JsonObject {
  const registry = z.registry<{ id: string }>();
  const added = new Map<string, z.ZodType>();
  const register = (name: string, schema: z.ZodType) => {
    const existing = added.get(name);
    if (existing && existing !== schema) throw new Error(`two schemas share the component name ${name}`);
    if (!existing) {
      registry.add(schema, { id: name });
      added.set(name, schema);
    }
  };
  for (const [name, schema] of namedParts) register(name, schema);
  for (const endpoint of endpoints) {
    for (const response of Object.values(endpoint.responses)) register(response.name, response.schema);
    if (endpoint.body && endpoint.body !== "otlp") register(endpoint.body.name, endpoint.body.schema);
  }
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => COMPONENT_PREFIX + id, io: "output", unrepresentable: "any" }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, strip(schema)]));
}

/** `$schema` and `$id` belong to standalone JSON Schema documents, not to OpenAPI components. */
function strip(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** get `/api/v1/traces/{traceId}` → `getTracesByTraceId`. */
function operationId(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((part) => part && part !== "api" && part !== "v1")
    .map((part) => (part.startsWith("{") ? `By${capitalise(part.slice(1, -1))}` : capitalise(part)));
  return `${method}${words.join("")}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
