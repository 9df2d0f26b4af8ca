import fc from "fast-check";
import type { z } from "zod";
import { errorResponseSchema } from "@/lib/schemas/common";
import type { ApiRoute, OpenApiDocument, OpenApiParameter } from "./api-route-table";
import { DEEP_JSON_TEXT, HOSTILE_TEXTS, PLAUSIBLE_TEXTS, RAW_QUERY_FRAGMENTS, hostileJson, hostileText, wellFormed } from "./hostile-values";
import { schemaArbitrary } from "./json-schema-arbitrary";
import { adminAuthHeaders } from "./test-auth";
import { TEST_INGEST_KEY } from "./test-ingest-key";

// Requests for one documented operation, built from its OpenAPI entry: a sweep (each hostile
// value alone in each parameter and body field, the rest plausible) and a fast-check arbitrary
// (random mixes), how to send them, and the rule an answer must keep: below 500, never 401/403
// to valid credentials, and a 400 that is `{ error: { code, message } }` naming a parameter.

export type Fragment = { text: string } | { raw: string };
export interface HostileRequest {
  path: string;
  query: [name: string, value: Fragment][];
  body?: { json: unknown } | { text: string };
  /** What the request varies, when the rest does not show it (a field deep in a body). */
  label?: string;
}
export interface Outcome {
  status: number;
  text: string;
}

// Values varied one at a time in every field of a valid body, at any depth.
const DEEP_MARKER = "\u0001deep\u0001";
const BODY_FIELD_VALUES: unknown[] = [
  ...["\u0000", "a\u0000b", { "\u0000": 1 }, { k: "\u0000" }, "", "x".repeat(10_000), DEEP_MARKER, null, [], {}],
  // numbers past int4, int8 and float8 columns, and times past timestamptz
  ...[-5, 0, 1.5, 2 ** 31, 2 ** 53 - 1, 2 ** 63, 1e308, -1e308, "9999999999999999999", "-1"],
  ...["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999-23:59", "1969-12-31T23:59:59Z"],
];

export function hostileRequests(document: OpenApiDocument, extraPlausible: readonly string[] = []) {
  const components = document.components.schemas;
  const plausibleTexts = [...PLAUSIBLE_TEXTS, ...extraPlausible];

  // The agents' and the SDKs' endpoints take an ingest key (DESIGN.md); every other an API token.
  const isIngest = (route: ApiRoute) => route.path.startsWith("/api/otlp/") || route.path.startsWith("/api/v1/ingest/");
  const isOtlp = (route: ApiRoute) => route.endpoint.body === "otlp";
  const parametersOf = (route: ApiRoute, where: "path" | "query") => (route.operation.parameters ?? []).filter((p) => p.in === where);
  const bodySchemaOf = (route: ApiRoute) => (isOtlp(route) ? undefined : route.operation.requestBody?.content["application/json"]?.schema);
  const zodBodyOf = (route: ApiRoute): z.ZodType | undefined => (typeof route.endpoint.body === "object" ? route.endpoint.body.schema : undefined);

  function topLevelFields(route: ApiRoute): string[] {
    const schema = bodySchemaOf(route);
    const resolve = (s: typeof schema) => (typeof s?.$ref === "string" ? components[s.$ref.split("/").pop()!] : s);
    const resolved = resolve(schema);
    // A body that is one of several shapes (a discriminated union: oneOf/anyOf) names the fields of each.
    const branches = [resolved, ...((resolved?.oneOf ?? resolved?.anyOf ?? []) as (typeof schema)[]).map(resolve)];
    return [...new Set(branches.flatMap((branch) => Object.keys(branch?.properties ?? {})))];
  }

  async function send(baseUrl: string, route: ApiRoute, request: HostileRequest): Promise<Outcome> {
    const query = request.query.map(([name, value]) => `${encodeURIComponent(name)}=${"raw" in value ? value.raw : encodeURIComponent(wellFormed(value.text))}`).join("&");
    const headers: Record<string, string> = isIngest(route) ? { authorization: `Bearer ${TEST_INGEST_KEY}` } : { ...adminAuthHeaders };
    let body: string | undefined;
    if (request.body) {
      headers["content-type"] = "application/json";
      body = "json" in request.body ? JSON.stringify(request.body.json) : request.body.text;
    }
    const response = await fetch(`${baseUrl}${request.path}${query ? `?${query}` : ""}`, { method: route.method, headers, body });
    return { status: response.status, text: await response.text() };
  }

  /** What is wrong with an answer, or null when it keeps the rule. */
  function problemWith(route: ApiRoute, request: HostileRequest, outcome: Outcome): string | null {
    if (outcome.status >= 500) return `answered ${outcome.status}: ${outcome.text.slice(0, 300)}`;
    // The doors in (sign-in, setup, invite) answer 401/403/409/429 to wrong passwords and tokens,
    // as documented; every other route got valid credentials and must not refuse them.
    const documented = route.endpoint.access === "public" && String(outcome.status) in route.endpoint.responses;
    if ((outcome.status === 401 || outcome.status === 403) && !documented) return `answered ${outcome.status} to valid credentials: ${outcome.text.slice(0, 200)}`;
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
      ...(bodySchemaOf(route) ? ["body", ...topLevelFields(route)] : []),
    ]);
    const message = parsed.data.error.message;
    const named = [...names].some((name) => new RegExp(`(^|[^\\w])${escapeRegExp(name)}($|[^\\w])`).test(message));
    return named ? null : `answered 400 without naming a parameter (${[...names].join(", ")}): ${message.slice(0, 300)}`;
  }

  function describeRequest(route: ApiRoute, request: HostileRequest): string {
    const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…(${text.length} characters)` : text);
    const query = request.query.map(([name, value]) => `${name}=${"raw" in value ? value.raw : JSON.stringify(shorten(value.text))}`);
    const body = request.body ? ` body ${shorten("json" in request.body ? JSON.stringify(request.body.json) : JSON.stringify(request.body.text))}` : "";
    return `${route.method} ${request.path} ${query.join("&")}${request.label ? ` [${request.label}]` : body}`;
  }

  /** Plausible values, read from the parameter's schema in the document. */
  function plausibleText(parameter: OpenApiParameter): fc.Arbitrary<string> {
    const schema = parameter.schema;
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
    if (schema.type === "string" && (typeof schema.pattern === "string" || schema.format === "uuid")) {
      return schemaArbitrary(schema, { components, hostileRate: 0 }) as fc.Arbitrary<string>;
    }
    if (schema.type === "integer" || schema.type === "number") {
      return fc.integer({ min: (schema.minimum as number | undefined) ?? 0, max: Math.min((schema.maximum as number | undefined) ?? 10_000, 10_000) }).map(String);
    }
    return fc.constantFrom(...plausibleTexts);
  }
  const firstPlausible = (parameter: OpenApiParameter) => fc.sample(plausibleText(parameter), { numRuns: 1, seed: 1 })[0]!;

  const hostileFragment: fc.Arbitrary<Fragment> = fc.oneof(
    { weight: 9, arbitrary: hostileText.map((text) => ({ text })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_FRAGMENTS).map((raw) => ({ raw })) },
  );

  function pathOf(route: ApiRoute, values: Record<string, string>): string {
    return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(values[name] ?? "")));
  }

  /**
   * Bodies the endpoint's own schema accepts, with every optional field present: as few as cover
   * every field path (one per variant of a union, like lock waits and deadlocks). Fails loudly
   * when none is found, so a body the generator cannot build is never silently left out.
   */
  function validBodies(route: ApiRoute): unknown[] {
    const candidates = fc.sample(schemaArbitrary(bodySchemaOf(route)!, { components, hostileRate: 0, everyField: true }), { numRuns: 300, seed: 1 });
    const chosen: unknown[] = [];
    const covered = new Set<string>();
    for (const candidate of candidates.filter((c) => zodBodyOf(route)?.safeParse(c).success)) {
      const paths = nodePaths(candidate).map((p) => p.join("."));
      if (paths.some((p) => !covered.has(p))) chosen.push(candidate);
      for (const p of paths) covered.add(p);
    }
    if (!chosen.length) throw new Error(`no generated body for ${route.method} ${route.path} passes its schema; extend json-schema-arbitrary.ts`);
    return chosen.slice(0, 4);
  }

  /** Random mixes of absent, plausible, hostile and repeated values, and bodies hostile at any depth. */
  function requestArbitrary(route: ApiRoute): fc.Arbitrary<HostileRequest> {
    const pathValues = fc.record(Object.fromEntries(parametersOf(route, "path").map((p) => [p.name, fc.oneof(plausibleText(p), hostileText.filter((t) => t !== ""))])));
    const queryValues = parametersOf(route, "query").map((p) =>
      fc
        .oneof(
          { weight: p.required ? 1 : 3, arbitrary: fc.constant([] as Fragment[]) },
          { weight: p.required ? 6 : 3, arbitrary: plausibleText(p).map((text) => [{ text }]) },
          { weight: 4, arbitrary: hostileFragment.map((f) => [f]) },
          { weight: 1, arbitrary: fc.array(fc.oneof(plausibleText(p).map((text): Fragment => ({ text })), hostileFragment), { minLength: 2, maxLength: 3 }) },
        )
        .map((fragments) => fragments.map((f): [string, Fragment] => [p.name, f])),
    );
    const unknown = fc
      // Not `__proto__`: see the known withRoute defect in hostile-parameters.int.test.ts.
      .option(fc.tuple(fc.constantFrom("unknown", "constructor", "toString", "from[]", "FROM"), hostileFragment), { nil: undefined })
      .map((pair): [string, Fragment][] => (pair ? [pair] : []));
    const bodySchema = bodySchemaOf(route);
    const body: fc.Arbitrary<HostileRequest["body"]> = isOtlp(route)
      ? fc.constant({ text: "{}" })
      : !bodySchema
        ? fc.constant(undefined)
        : fc
            .oneof(
              { weight: 6, arbitrary: schemaArbitrary(bodySchema, { components, hostileRate: 0.05 }).map((json) => ({ json })) },
              { weight: 2, arbitrary: schemaArbitrary(bodySchema, { components, hostileRate: 0 }).map((json) => ({ json })) },
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

  /** Requests that put each catalogued value, alone, into one parameter or body field. */
  function sweepRequests(route: ApiRoute): HostileRequest[] {
    const plausiblePath = Object.fromEntries(parametersOf(route, "path").map((p) => [p.name, firstPlausible(p)]));
    const required = parametersOf(route, "query").filter((p) => p.required);
    const base = (except: string): [string, Fragment][] => required.filter((p) => p.name !== except).map((p) => [p.name, { text: firstPlausible(p) }]);
    const bodies = bodySchemaOf(route) ? validBodies(route) : [];
    const valid = bodies[0];
    const body = isOtlp(route) ? { text: "{}" } : valid === undefined ? undefined : { json: valid };
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
      requests.push({ path, query: [...base(p.name), [p.name, { text: firstPlausible(p) }], [p.name, { text: "\u0000" }]], ...(body ? { body } : {}) });
    }
    if (valid !== undefined) {
      for (const field of topLevelFields(route)) {
        for (const json of [...HOSTILE_TEXTS, 1e308, -5, 2 ** 63, null, [], {}, [null], [{}]]) requests.push({ path, query: base(""), body: { json: { ...(valid as object), [field]: json } } });
      }
      const swept = new Set<string>();
      for (const each of bodies) {
        for (const fieldPath of nodePaths(each).filter((p) => !swept.has(p.join(".")))) {
          swept.add(fieldPath.join("."));
          for (const value of BODY_FIELD_VALUES) {
            const label = `${fieldPath.join(".")} = ${value === DEEP_MARKER ? "JSON nested 20,000 levels" : JSON.stringify(value).slice(0, 60)}`;
            requests.push({ path, query: base(""), body: { text: withValueAt(each, fieldPath, value) }, label });
          }
        }
      }
      for (const text of ["", "{", "null", "0", '"x"', "[]", "\u0000", DEEP_JSON_TEXT]) requests.push({ path, query: base(""), body: { text } });
    }
    return requests;
  }

  return { send, problemWith, describeRequest, requestArbitrary, sweepRequests };
}

/** Paths to every value inside a JSON value (the first element of each array only). */
function nodePaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, unknown][] = Array.isArray(value) ? (value.length ? [[0, value[0]]] : []) : value !== null && typeof value === "object" ? Object.entries(value) : [];
  return children.flatMap(([key, child]) => [[...path, key], ...nodePaths(child, [...path, key])]);
}

/** The body as JSON text with one value replaced; DEEP_MARKER becomes JSON nested 20,000 levels. */
function withValueAt(body: unknown, path: (string | number)[], value: unknown): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return JSON.stringify(copy).replace(JSON.stringify(DEEP_MARKER), DEEP_JSON_TEXT);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
