import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { errorResponseSchema } from "@/lib/schemas/common";
import { loadApiRoutes, loadOpenApiDocument, toRouteTable, type ApiRoute, type OpenApiParameter } from "@/lib/testing/api-route-table";
import { DEEP_JSON_TEXT, HOSTILE_TEXTS, PLAUSIBLE_TEXTS, RAW_QUERY_FRAGMENTS, hostileJson, hostileText, wellFormed } from "@/lib/testing/hostile-values";
import { schemaArbitrary } from "@/lib/testing/json-schema-arbitrary";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { seedHostileTestData, SEEDED_NAMES } from "@/lib/testing/seed-hostile-test-data";

// Issue 10, item 3: no parameter of any documented endpoint may turn bad input into a 5xx
// while the store is up. Walks the OpenAPI document (every operation, every path and query
// parameter, the top-level fields of JSON bodies and what they hold) against the real route
// handlers and a real PostgreSQL holding some telemetry, in two passes:
//   - a sweep: each catalogued hostile value (lib/testing/hostile-values.ts) in each parameter
//     alone, the others plausible, so every case is covered on every run;
//   - a property (fast-check): random mixes of absent, plausible, hostile and repeated values.
// Every answer must be below 500 and never 401/403 (the request carries valid credentials, so
// the test cannot pass by being refused), and a 400 must be `{ error: { code, message } }`
// naming a parameter. OTLP bodies are another test's job (otlp-bad-input.int.test.ts).
// A property failure prints fast-check's seed and path; rerun it with FC_SEED=<seed>.

const document = loadOpenApiDocument();
const routes = await loadApiRoutes(document);
const NUM_RUNS = 40;
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

type Fragment = { text: string } | { raw: string };
interface HostileRequest {
  path: string;
  query: [name: string, value: Fragment][];
  body?: { json: unknown } | { text: string };
}
interface Outcome {
  status: number;
  text: string;
}

let server: RouteServer;
beforeAll(async () => {
  await seedHostileTestData(getPool());
  server = await startRouteServer(toRouteTable(routes));
});
afterAll(async () => {
  await server?.close();
  await getPool().end();
});

// The agents' and the SDKs' endpoints take an ingest key; everything else an API token.
const isIngest = (route: ApiRoute) => route.path.startsWith("/api/otlp/") || route.path.startsWith("/api/v1/ingest/");
const isOtlp = (route: ApiRoute) => route.endpoint.body === "otlp";
const parametersOf = (route: ApiRoute, where: "path" | "query") => (route.operation.parameters ?? []).filter((p) => p.in === where);
const jsonBodySchemaOf = (route: ApiRoute) => (isOtlp(route) ? undefined : route.operation.requestBody?.content["application/json"]?.schema);

async function send(route: ApiRoute, request: HostileRequest): Promise<Outcome> {
  const query = request.query.map(([name, value]) => `${encodeURIComponent(name)}=${"raw" in value ? value.raw : encodeURIComponent(wellFormed(value.text))}`).join("&");
  const headers: Record<string, string> = isIngest(route) ? { authorization: `Bearer ${TEST_INGEST_KEY}` } : { ...adminAuthHeaders };
  let body: string | undefined;
  if (request.body) {
    headers["content-type"] = "application/json";
    body = "json" in request.body ? JSON.stringify(request.body.json) : request.body.text;
  }
  const response = await fetch(`${server.url}${request.path}${query ? `?${query}` : ""}`, { method: route.method, headers, body });
  return { status: response.status, text: await response.text() };
}

/** What is wrong with an answer, or null when it is acceptable. */
function problemWith(route: ApiRoute, request: HostileRequest, outcome: Outcome): string | null {
  if (outcome.status >= 500) return `answered ${outcome.status}: ${outcome.text.slice(0, 300)}`;
  if (outcome.status === 401 || outcome.status === 403) return `answered ${outcome.status} to valid credentials: ${outcome.text.slice(0, 200)}`;
  if (outcome.status !== 400) return null;
  let parsed;
  try {
    parsed = errorResponseSchema.safeParse(JSON.parse(outcome.text));
  } catch {
    return `answered 400 with a body that is not JSON: ${outcome.text.slice(0, 200)}`;
  }
  if (!parsed.success || parsed.data.error.code !== "bad_request") return `answered 400 without { error: { code: "bad_request", message } }: ${outcome.text.slice(0, 200)}`;
  const names = new Set([
    ...request.query.map(([name]) => name),
    ...(route.operation.parameters ?? []).filter((p) => p.required).map((p) => p.name),
    ...(jsonBodySchemaOf(route) ? ["body", ...topLevelFields(route)] : []),
  ]);
  const message = parsed.data.error.message;
  const named = [...names].some((name) => new RegExp(`(^|[^\\w])${escapeRegExp(name)}($|[^\\w])`).test(message));
  return named ? null : `answered 400 without naming a parameter (${[...names].join(", ")}): ${message.slice(0, 300)}`;
}

function topLevelFields(route: ApiRoute): string[] {
  const schema = jsonBodySchemaOf(route);
  const ref = typeof schema?.$ref === "string" ? document.components.schemas[schema.$ref.split("/").pop()!] : schema;
  return Object.keys(ref?.properties ?? {});
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function describeRequest(route: ApiRoute, request: HostileRequest): string {
  const query = request.query.map(([name, value]) => `${name}=${"raw" in value ? value.raw : JSON.stringify(value.text.length > 60 ? `${value.text.slice(0, 60)}…(${value.text.length})` : value.text)}`);
  const body = request.body ? ` body ${JSON.stringify("json" in request.body ? request.body.json : request.body.text)?.slice(0, 200)}` : "";
  return `${route.method} ${request.path} ${query.join("&")}${body}`;
}

// Plausible values, read from each parameter's schema in the document.
const EXTRA_PLAUSIBLE = [...PLAUSIBLE_TEXTS, ...SEEDED_NAMES];
function plausibleText(parameter: OpenApiParameter): fc.Arbitrary<string> {
  const schema = parameter.schema;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.type === "string" && (typeof schema.pattern === "string" || schema.format === "uuid")) {
    return schemaArbitrary(schema, { components: document.components.schemas, hostileRate: 0 }) as fc.Arbitrary<string>;
  }
  if (schema.type === "integer" || schema.type === "number") {
    return fc.integer({ min: (schema.minimum as number | undefined) ?? 0, max: Math.min((schema.maximum as number | undefined) ?? 10_000, 10_000) }).map(String);
  }
  return fc.constantFrom(...EXTRA_PLAUSIBLE);
}
const firstPlausible = (parameter: OpenApiParameter) => fc.sample(plausibleText(parameter), { numRuns: 1, seed: 1 })[0]!;

const hostileFragment: fc.Arbitrary<Fragment> = fc.oneof({ weight: 9, arbitrary: hostileText.map((text) => ({ text })) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_FRAGMENTS).map((raw) => ({ raw })) });

function pathOf(route: ApiRoute, values: Record<string, string>): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(values[name] ?? "")));
}

function requestArbitrary(route: ApiRoute): fc.Arbitrary<HostileRequest> {
  const pathValues = fc.record(
    Object.fromEntries(parametersOf(route, "path").map((p) => [p.name, fc.oneof(plausibleText(p), hostileText.filter((t) => t !== ""))])),
  );
  const queryValues = parametersOf(route, "query").map((p) =>
    fc.oneof(
      { weight: p.required ? 1 : 3, arbitrary: fc.constant([] as Fragment[]) },
      { weight: p.required ? 6 : 3, arbitrary: plausibleText(p).map((text) => [{ text }]) },
      { weight: 4, arbitrary: hostileFragment.map((f) => [f]) },
      { weight: 1, arbitrary: fc.array(fc.oneof(plausibleText(p).map((text): Fragment => ({ text })), hostileFragment), { minLength: 2, maxLength: 3 }) },
    ).map((fragments) => fragments.map((f): [string, Fragment] => [p.name, f])),
  );
  const unknown = fc
    // Not `__proto__`: see the known defect below.
    .option(fc.tuple(fc.constantFrom("unknown", "constructor", "toString", "from[]", "FROM"), hostileFragment), { nil: undefined })
    .map((pair): [string, Fragment][] => (pair ? [pair] : []));
  const bodySchema = jsonBodySchemaOf(route);
  const body: fc.Arbitrary<HostileRequest["body"]> = isOtlp(route)
    ? fc.constant({ text: "{}" })
    : !bodySchema
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 6, arbitrary: schemaArbitrary(bodySchema, { components: document.components.schemas, hostileRate: 0.05 }).map((json) => ({ json })) },
          { weight: 2, arbitrary: schemaArbitrary(bodySchema, { components: document.components.schemas, hostileRate: 0 }).map((json) => ({ json })) },
          { weight: 1, arbitrary: hostileJson.map((json) => ({ json })) },
          { weight: 1, arbitrary: fc.constantFrom("", "{", "null", "\u0000", '{"a":1}{', "x".repeat(10_000), DEEP_JSON_TEXT).map((text) => ({ text })) },
        )
        // As text: fast-check prints a failing value, and its printer overflows the stack on deep JSON.
        .map((value) => (value && "json" in value ? { text: JSON.stringify(value.json) } : value));
  return fc.record({ pathValues, query: fc.tuple(...queryValues, unknown), body }).map(({ pathValues, query, body }) => ({
    path: pathOf(route, pathValues),
    query: query.flat(),
    ...(body ? { body } : {}),
  }));
}

/** Requests that put each catalogued value, alone, into one parameter. */
function sweepRequests(route: ApiRoute): HostileRequest[] {
  const plausiblePath = Object.fromEntries(parametersOf(route, "path").map((p) => [p.name, firstPlausible(p)]));
  const required = parametersOf(route, "query").filter((p) => p.required);
  const base = (except: string): [string, Fragment][] => required.filter((p) => p.name !== except).map((p) => [p.name, { text: firstPlausible(p) }]);
  const plausibleBody = jsonBodySchemaOf(route) ? { json: fc.sample(schemaArbitrary(jsonBodySchemaOf(route)!, { components: document.components.schemas, hostileRate: 0 }), { numRuns: 1, seed: 1 })[0] } : undefined;
  const body = isOtlp(route) ? { text: "{}" } : plausibleBody;
  const requests: HostileRequest[] = [];
  for (const p of parametersOf(route, "path")) {
    for (const text of HOSTILE_TEXTS.filter((t) => t !== "")) {
      requests.push({ path: pathOf(route, { ...plausiblePath, [p.name]: text }), query: base(""), ...(body ? { body } : {}) });
    }
  }
  const path = pathOf(route, plausiblePath);
  for (const p of parametersOf(route, "query")) {
    const values: Fragment[] = [...HOSTILE_TEXTS.map((text) => ({ text })), ...RAW_QUERY_FRAGMENTS.map((raw) => ({ raw }))];
    for (const value of values) requests.push({ path, query: [...base(p.name), [p.name, value]], ...(body ? { body } : {}) });
    requests.push({ path, query: [...base(p.name), [p.name, { text: firstPlausible(p) }], [p.name, { text: HOSTILE_TEXTS[3]! }]], ...(body ? { body } : {}) });
  }
  for (const field of topLevelFields(route)) {
    for (const json of [...HOSTILE_TEXTS, 1e308, -5, 2 ** 63, null, [], {}, [null], [{}]]) {
      const plausible = (plausibleBody?.json ?? {}) as Record<string, unknown>;
      requests.push({ path, query: base(""), body: { json: { ...plausible, [field]: json } } });
    }
    requests.push({ path, query: base(""), body: { text: `{${JSON.stringify(field)}:${DEEP_JSON_TEXT}}` } });
  }
  return requests;
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

describe("hostile values in every documented parameter", () => {
  it("walks every documented operation", () => {
    const documented = Object.values(document.paths).reduce((n, operations) => n + Object.keys(operations).length, 0);
    expect(routes).toHaveLength(documented);
  });

  it("refuses, loudly, a documented operation without its route module or method", async () => {
    const operation = { operationId: "x", responses: {} };
    await expect(loadApiRoutes({ ...document, paths: { "/api/v1/nowhere/{id}": { get: operation } } })).rejects.toThrow(
      "/api/v1/nowhere/{id} is documented but app/api/v1/nowhere/[id]/route.ts does not exist",
    );
    await expect(loadApiRoutes({ ...document, paths: { "/api/v1/traces": { delete: operation } } })).rejects.toThrow(
      "DELETE /api/v1/traces is documented but app/api/v1/traces/route.ts exports no DELETE handler",
    );
  });

  // Known defect in withRoute's query parsing (lib/http/with-route.ts, not this change's to
  // edit): it collects parameters into a plain object, so `?__proto__=a&__proto__=b` sets that
  // object's prototype to an array, and parameters the request never sent read Array.prototype
  // (`filter`, `sort`), failing with a 400 about them. Not a 5xx, but a valid request refused.
  // `it.fails` keeps the evidence: once parseQuery uses a null-prototype object, this starts
  // failing and should become a plain `it`.
  it.fails("ignores a repeated __proto__ parameter (known defect in withRoute)", async () => {
    const route = routes.find((r) => r.path === "/api/v1/metrics/query")!;
    const outcome = await send(route, { path: route.path, query: [["name", { text: "queue.depth" }], ["__proto__", { text: "a" }], ["__proto__", { text: "b" }]] });
    expect(outcome.status, outcome.text).toBe(200);
  });

  for (const route of routes) {
    describe(`${route.method} ${route.path}`, () => {
      it("answers each catalogued hostile value without a 5xx, and names the parameter in a 400", async () => {
        const problems: string[] = [];
        await inBatches(sweepRequests(route), 8, async (request) => {
          const problem = problemWith(route, request, await send(route, request));
          if (problem) problems.push(`${describeRequest(route, request)}\n    → ${problem}`);
        });
        expect(problems, problems.join("\n")).toEqual([]);
      });

      it("answers random mixes of absent, plausible, hostile and repeated values without a 5xx", async () => {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route), async (request) => {
            const problem = problemWith(route, request, await send(route, request));
            if (problem) throw new Error(`${describeRequest(route, request)}\n    → ${problem}`);
          }),
          { numRuns: NUM_RUNS, ...(seed === undefined ? {} : { seed }) },
        );
      });
    });
  }
});
