import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { loadApiRoutes, loadOpenApiDocument, toRouteTable, type ApiRoute } from "@/lib/testing/api-route-table";
import { hostileRequests, type HostileRequest } from "@/lib/testing/hostile-requests";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { seedHostileTestData, SEEDED_NAMES } from "@/lib/testing/seed-hostile-test-data";

// Issue 10, item 3: no parameter of any documented endpoint may turn bad input into a 5xx
// while the store is up. Walks the OpenAPI document (every operation, every path and query
// parameter, every field of JSON bodies at any depth) against the real route handlers and a
// real PostgreSQL holding some telemetry, in two passes (lib/testing/hostile-requests.ts):
//   - a sweep: each catalogued hostile value (lib/testing/hostile-values.ts) alone in one
//     parameter or one field of a valid body, the rest plausible, so every case runs every time;
//   - a property (fast-check): random mixes of absent, plausible, hostile and repeated values.
// Every answer must be below 500 and never 401/403 where the request carries valid credentials (so
// the test cannot pass by being refused), and a 400 must be `{ error: { code, message } }`
// naming a parameter. OTLP bodies are another test's job (otlp-bad-input.int.test.ts).
// A property failure prints fast-check's seed and path; rerun it with FC_SEED=<seed>.

const document = loadOpenApiDocument();
const routes = await loadApiRoutes(document);
const NUM_RUNS = 40;
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

let server: RouteServer;
beforeAll(async () => {
  await seedHostileTestData(getPool());
  server = await startRouteServer(toRouteTable(routes));
});
afterAll(async () => {
  await server?.close();
  await getPool().end();
});

const { send: sendTo, problemWith, describeRequest, requestArbitrary, sweepRequests } = hostileRequests(document, SEEDED_NAMES);
const send = (route: ApiRoute, request: HostileRequest) => sendTo(server.url, route, request);

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

  // `?__proto__=a&__proto__=b` once set the prototype of withRoute's parameter object to an
  // array, so parameters the request never sent (`filter`, `sort`) read Array.prototype.
  it("ignores a repeated __proto__ parameter", async () => {
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
