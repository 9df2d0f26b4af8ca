import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { listRouteFiles, loadRouteHandler } from "@/lib/testing/route-handlers";
import { adminRequest } from "@/lib/testing/test-auth";
import { roles, type Role } from "./roles";

// Walks the OpenAPI document: every operation that names a role answers 401 without
// credentials and 403 to a token of a smaller role, and every route file under app/api/v1 is in
// the document — so a new route cannot forget its door.

type Operation = { security?: unknown[]; "x-sightline-role"?: Role };
const document = buildOpenApiDocument() as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths).flatMap(([apiPath, methods]) => Object.entries(methods).map(([method, op]) => ({ apiPath, method, op })));
const protectedOps = operations.filter((o) => o.op["x-sightline-role"]);

const samplePath = (apiPath: string) =>
  apiPath
    .replace("{traceId}", randomBytes(16).toString("hex"))
    .replace("{spanId}", randomBytes(8).toString("hex"))
    .replace("{id}", randomUUID());
const paramsOf = (apiPath: string, concrete: string) => {
  const names = apiPath.split("/");
  const values = concrete.split("/");
  return Object.fromEntries(names.flatMap((n, i) => (n.startsWith("{") ? [[n.slice(1, -1), values[i]!]] : [])));
};

async function call(apiPath: string, method: string, headers: Record<string, string>) {
  const handler = await loadRouteHandler(apiPath, method);
  const concrete = samplePath(apiPath);
  const withBody = method !== "get" && method !== "delete";
  const request = new NextRequest(`http://localhost${concrete}`, {
    method: method.toUpperCase(),
    headers: { ...headers, ...(withBody ? { "content-type": "application/json" } : {}) },
    body: withBody ? "{}" : undefined,
  });
  const response = await handler(request, { params: Promise.resolve(paramsOf(apiPath, concrete)) });
  return { status: response.status, body: (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null };
}

const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  for (const role of roles) {
    const response = await (await loadRouteHandler("/api/v1/api-tokens", "post"))(
      adminRequest("/api/v1/api-tokens", { method: "POST", body: JSON.stringify({ name: `${role} script`, role }), headers: { "content-type": "application/json" } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    tokens[role] = ((await response.json()) as { token: string }).token;
  }
});

describe("every /api/v1 operation in the OpenAPI document", () => {
  it("names a role, and only health and the doors in are public", () => {
    expect(protectedOps.length).toBeGreaterThan(20);
    for (const { apiPath, op } of operations) {
      if (apiPath.startsWith("/api/v1/ingest/") || apiPath.startsWith("/api/otlp/")) expect(op.security).toEqual([{ ingestKey: [] }]);
      else if (apiPath.startsWith("/api/v1/")) expect(op["x-sightline-role"], apiPath).toBeDefined();
      else expect(["/api/health", "/api/auth/sign-in", "/api/auth/sign-out", "/api/auth/setup", "/api/auth/accept-invite"]).toContain(apiPath);
    }
  });

  it("has a route file, and every route file under app/api/v1 is documented", async () => {
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.apiPath}`));
    const routes = await listRouteFiles("v1");
    const served = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.apiPath}`));
    expect(served.filter((s) => !documented.has(s))).toEqual([]);
    for (const { apiPath, method } of operations.filter((o) => o.apiPath.startsWith("/api/v1/"))) await loadRouteHandler(apiPath, method);
  });

  it.each(protectedOps.map((o) => [`${o.method.toUpperCase()} ${o.apiPath}`, o] as const))("%s: 401 without credentials", async (_, { apiPath, method }) => {
    const { status, body } = await call(apiPath, method, {});
    expect(status).toBe(401);
    expect(body?.error?.code).toBe("unauthorized");
    const wrong = await call(apiPath, method, { authorization: "Bearer slt_not-a-token" });
    expect(wrong.status).toBe(401);
  });

  it.each(protectedOps.filter((o) => o.op["x-sightline-role"] !== "viewer").map((o) => [`${o.method.toUpperCase()} ${o.apiPath}`, o] as const))(
    "%s: 403 with too small a role",
    async (_, { apiPath, method, op }) => {
      const needed = op["x-sightline-role"]!;
      for (const role of roles.slice(0, roles.indexOf(needed))) {
        const { status, body } = await call(apiPath, method, { authorization: `Bearer ${tokens[role]}` });
        expect(status, `${role} token`).toBe(403);
        expect(body?.error?.message).toContain(`needs the ${needed} role`);
      }
    },
  );

  it("lets a token with the role through", async () => {
    expect((await call("/api/v1/storage", "get", { authorization: `Bearer ${tokens.viewer}` })).status).toBe(200);
    expect((await call("/api/v1/users", "get", { authorization: `Bearer ${tokens.admin}` })).status).toBe(200);
  });
});

describe("API tokens", () => {
  it("stop working at once when revoked or expired", async () => {
    const create = await loadRouteHandler("/api/v1/api-tokens", "post");
    const response = await create(adminRequest("/api/v1/api-tokens", { method: "POST", body: JSON.stringify({ name: "short-lived", role: "viewer" }), headers: { "content-type": "application/json" } }), {
      params: Promise.resolve({}),
    });
    const created = (await response.json()) as { id: string; token: string; expiresAt: string };
    expect(Date.parse(created.expiresAt)).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    const asToken = { authorization: `Bearer ${created.token}` };
    expect((await call("/api/v1/me", "get", asToken)).status).toBe(200);

    await getPrisma().apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call("/api/v1/me", "get", asToken);
    expect(expired.status).toBe(401);
    expect(expired.body?.error?.message).toContain("expired");

    await getPrisma().apiToken.update({ where: { id: created.id }, data: { expiresAt: null } });
    const revoke = await loadRouteHandler("/api/v1/api-tokens/{id}", "delete");
    expect((await revoke(adminRequest(`/api/v1/api-tokens/${created.id}`, { method: "DELETE" }), { params: Promise.resolve({ id: created.id }) })).status).toBe(200);
    expect((await call("/api/v1/me", "get", asToken)).status).toBe(401);
  });

  it("are never returned in clear after creation, and the list shows who made them", async () => {
    const list = await (await loadRouteHandler("/api/v1/api-tokens", "get"))(adminRequest("/api/v1/api-tokens"), { params: Promise.resolve({}) });
    const text = await list.text();
    for (const token of Object.values(tokens)) expect(text).not.toContain(token);
    expect(text).not.toMatch(/token_?hash/i);
  });
});
