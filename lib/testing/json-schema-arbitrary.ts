import fc from "fast-check";
import { hostileJson } from "./hostile-values";

// fast-check arbitraries from the JSON Schemas of an OpenAPI document: values shaped like what
// the schema describes, with any field swapped for a hostile value at a given rate. Built from
// the document rather than by hand, so a field added to a contract is exercised without
// editing the tests. Covers the subset zod emits for Sightline's contracts: $ref, anyOf/oneOf,
// const, enum, objects, records, arrays, strings (pattern, format, example) and numbers.

type JsonSchema = Record<string, unknown>;

export interface SchemaArbitraryOptions {
  /** `components.schemas` of the document, for `$ref`. */
  components: Record<string, JsonSchema>;
  /** Share of fields (at every depth) replaced by a hostile value: 0 for plausible values only. */
  hostileRate: number;
  /** Every optional field present and every array non-empty, so each field can be varied. */
  everyField?: boolean;
}

const COMPONENT_PREFIX = "#/components/schemas/";
const MAX_DEPTH = 6;

export function schemaArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleArbitrary(schema, options, depth);
  if (options.hostileRate <= 0) return plausible;
  const hostileWeight = Math.max(1, Math.round(options.hostileRate * 100));
  return fc.oneof({ weight: 100 - hostileWeight, arbitrary: plausible }, { weight: hostileWeight, arbitrary: hostileJson });
}

function plausibleArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const next = (s: unknown) => schemaArbitrary(s as JsonSchema, options, depth + 1);
  const everyField = options.everyField ?? false;
  if (typeof schema.$ref === "string") {
    const target = options.components[schema.$ref.slice(COMPONENT_PREFIX.length)];
    if (!target) throw new Error(`unknown $ref ${schema.$ref}`);
    return plausibleArbitrary(target, options, depth);
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return fc.oneof(...branches.map((branch) => plausibleArbitrary({ ...schema, anyOf: undefined, oneOf: undefined, ...branch }, options, depth)));
  // `type: ["string", "number"]` is JSON Schema's short form of a union of types.
  if (Array.isArray(schema.type)) return fc.oneof(...(schema.type as string[]).map((type) => plausibleArbitrary({ ...schema, type }, options, depth)));
  if (depth > MAX_DEPTH) return fc.constant(null);
  switch (schema.type) {
    case "object":
      return objectArbitrary(schema, next, everyField);
    case "array": {
      const minLength = Math.max((schema.minItems as number | undefined) ?? 0, everyField ? 1 : 0);
      return fc.array(next(schema.items ?? {}), { minLength, maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, minLength + 3) });
    }
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1_000, max: (schema.maximum as number | undefined) ?? 1_000_000 });
    case "number":
      return fc.double({ min: (schema.minimum as number | undefined) ?? -1e6, max: (schema.maximum as number | undefined) ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      // `{}` (any JSON) or a schema known only by its example (a transformed string).
      return typeof schema.example === "string" ? exampleShaped(schema.example) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, next: (s: unknown) => fc.Arbitrary<unknown>, everyField: boolean): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  if (Object.keys(properties).length === 0) {
    const values = schema.additionalProperties && typeof schema.additionalProperties === "object" ? next(schema.additionalProperties) : fc.jsonValue({ maxDepth: 1 });
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { minKeys: everyField ? 1 : 0, maxKeys: 4 });
  }
  const required = new Set((schema.required ?? []) as string[]);
  const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, next(property)]));
  // Fields with a default are optional to a client, though the output side lists them as required.
  const optional = Object.keys(properties).filter((name) => !required.has(name) || "default" in properties[name]!);
  return fc.record(model, { requiredKeys: Object.keys(properties).filter((name) => everyField || !optional.includes(name)) });
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  // Recent instants: what a sender really reports, and inside the window ingest accepts (the last
  // days up to now; see lib/ingest/field-limits.ts). Far-off times are among the hostile values.
  if (schema.format === "date-time") {
    const now = Date.now();
    return fc.date({ min: new Date(now - 6 * 86_400_000), max: new Date(now), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (schema.format === "uuid") return fc.uuid();
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern));
  if (typeof schema.example === "string") return exampleShaped(schema.example);
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 40, 40);
  return fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
}

/** Hex like the example (ids), or the example itself. */
function exampleShaped(example: string): fc.Arbitrary<string> {
  if (/^[0-9a-f]+$/.test(example)) return fc.stringMatching(new RegExp(`^[0-9a-f]{${example.length}}$`));
  return fc.constant(example);
}
